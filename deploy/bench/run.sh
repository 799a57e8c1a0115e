#!/usr/bin/env bash
# The Gongkai benchmark (issue 5). One command, from anywhere:
#
#   deploy/bench/run.sh [--scale N|FRACTION|all] [--clients C] [--rebuild|--no-build] [more options: README.md]
#
# Builds the services for MySQL when needed, starts them on fresh databases of the MariaDB/MySQL server at
# 127.0.0.1:3306 (root, empty password; override with GONGKAI_MYSQL_HOST/PORT/USER/PASSWORD), loads them, measures,
# runs the raw JDBC baselines and writes deploy/bench/RESULTS.md. Both services are stopped at the end.
set -euo pipefail
bench_dir=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$bench_dir/../.." && pwd)
command_line="deploy/bench/run.sh${*:+ $*}"

build=auto
args=()
for arg in "$@"; do
    case "$arg" in
        --rebuild) build=always ;;
        --no-build) build=never ;;
        *) args+=("$arg") ;;
    esac
done

mvn_() { # offline first (most artifacts are cached), online when something is missing
    mvn -o "$@" || mvn "$@"
}

# Another build of the repository (e.g. a developer's `mvn package`) would overwrite the jars under us: wait for it.
wait_for_other_builds() {
    local waited=0
    while pgrep -f "maven.multiModuleProjectDirectory=$repo( |\$)" >/dev/null; do
        if [ $((waited % 30)) -eq 0 ]; then echo "Waiting for another Maven build of $repo to finish..."; fi
        sleep 5; waited=$((waited + 5))
        if [ "$waited" -ge 1800 ]; then echo "Gave up waiting for the other build after 30 min" >&2; exit 1; fi
    done
}

# The MySQL builds are copied to deploy/bench/target/apps right after packaging: other builds of the repository
# (tests, the embedded H2 default) overwrite the modules' target/quarkus-app.
apps="$bench_dir/target/apps"
stamp="$apps/.built"
needs_build() {
    [ "$build" = always ] && return 0
    [ "$build" = never ] && return 1
    local app
    for app in intake aggregation; do
        [ -f "$apps/$app/quarkus-run.jar" ] || return 0
    done
    [ -f "$stamp" ] || return 0
    # Sources changed since the last MySQL build?
    [ -z "$(find "$repo/pom.xml" "$repo/api-contracts" "$repo/intake-service" "$repo/aggregation-service" \
        \( -path '*/src/main/*' -o -name pom.xml \) -type f -newer "$stamp" 2>/dev/null | head -1)" ] || return 0
    return 1
}

cd "$repo"
if needs_build; then
    wait_for_other_builds
    echo "Building the services for MySQL (mvn package -DskipTests -Dquarkus.profile=mysql)..."
    mvn_ -q -B package -DskipTests -Dquarkus.profile=mysql
    rm -rf "$apps"
    mkdir -p "$apps"
    cp -r "$repo/intake-service/target/quarkus-app" "$apps/intake"
    cp -r "$repo/aggregation-service/target/quarkus-app" "$apps/aggregation"
    date > "$stamp"
fi
installed="$HOME/.m2/repository/io/gongkai/api-contracts/1.0.0-SNAPSHOT/api-contracts-1.0.0-SNAPSHOT.jar"
if [ ! -f "$installed" ] || [ -n "$(find "$repo/api-contracts/src/main" "$repo/api-contracts/pom.xml" "$repo/pom.xml" \
        -type f -newer "$installed" 2>/dev/null | head -1)" ]; then
    wait_for_other_builds
    echo "Installing api-contracts..."
    mvn_ -q -B install -DskipTests -pl api-contracts -am
fi

echo "Building the benchmark..."
(cd "$bench_dir" && mvn_ -q -B package)

bench_pid=
stop() { if [ -n "$bench_pid" ]; then kill "$bench_pid" 2>/dev/null || true; wait "$bench_pid" 2>/dev/null || true; fi; }
trap stop INT TERM
# The services run with the JVM options they run with everywhere (deploy/jvm-options) unless told otherwise.
export MALLOC_ARENA_MAX=2
# The load client runs on ZGC: its pauses stay under a millisecond, so the latencies it measures are the services'
# and not its own collections (with G1 it paused up to 128 ms in the middle of a measured load).
java -XX:+UseZGC -Xms2g -Xmx4g ${BENCH_JVM_EXTRA:-} -cp "$bench_dir/target/classes:$(cat "$bench_dir/target/classpath.txt")" io.gongkai.bench.Bench \
    --repo "$repo" --apps "$apps" --command "$command_line" --service-jvm-opts "$(cat "$repo/deploy/jvm-options")" \
    ${args[@]+"${args[@]}"} &
bench_pid=$!
set +e
wait "$bench_pid"
status=$?
bench_pid=
exit "$status"
