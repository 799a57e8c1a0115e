#!/usr/bin/env bash
# Starts the whole system on the embedded database: intake on :8081, aggregation on :8082.
# Data is kept between runs in ./data (override with GONGKAI_DATA_DIR). Ctrl-C stops both services.
set -euo pipefail
cd "$(dirname "$0")/.."

# Everything the services write (keys, embedded databases, logs) is readable by this user only.
umask 077
data_dir="${GONGKAI_DATA_DIR:-$PWD/data}"
mkdir -p "$data_dir"
chmod 700 "$data_dir"

if [ ! -f intake-service/target/quarkus-app/quarkus-run.jar ] || [ ! -f aggregation-service/target/quarkus-app/quarkus-run.jar ] \
        || [ -n "$(find api-contracts intake-service aggregation-service pom.xml -newer intake-service/target/quarkus-app/quarkus-run.jar \
                -path '*/src/main/*' -type f 2>/dev/null | head -1)" ]; then
    echo "Building (skipping tests)..."
    mvn -B -q -ntp package -DskipTests
fi

# The JVM options each service runs with (memory bounded well under 400 MB), and fewer glibc malloc arenas.
read -r -a jvm_options < deploy/jvm-options
export MALLOC_ARENA_MAX=2

pids=()
stop() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait
}
trap stop EXIT INT TERM

java "${jvm_options[@]}" -Dgongkai.data-dir="$data_dir" -jar intake-service/target/quarkus-app/quarkus-run.jar &
pids+=($!)
java "${jvm_options[@]}" -Dgongkai.data-dir="$data_dir" -Dquarkus.rest-client.intake.url="${INTAKE_URL:-http://localhost:8081}" \
    -jar aggregation-service/target/quarkus-app/quarkus-run.jar &
pids+=($!)

echo "Intake:      http://localhost:8081  (Swagger UI: http://localhost:8081/q/swagger-ui)"
echo "Aggregation: http://localhost:8082  (Swagger UI: http://localhost:8082/q/swagger-ui)"
wait -n
