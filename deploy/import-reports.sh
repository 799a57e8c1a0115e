#!/usr/bin/env bash
# Imports a folder of published annual reports through intake's POST /api/v1/imports:
#   deploy/import-reports.sh [--store] [--mapping FILE.csv] [--assume-zero POINTER]... [--url URL] FOLDER
# A dry run unless --store; --help lists every option, the README ("Importing published reports") explains them.
# Paths are taken from the current directory. Tokens it mints are signed with the key pair in the data directory;
# GONGKAI_DATA_DIR overrides ./data of the repository.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
app="$root/intake-service/target/quarkus-app"
if [ ! -f "$app/quarkus-run.jar" ] || [ -n "$(find "$root/api-contracts" "$root/intake-service" -path '*/src/main/*' \
        -type f -newer "$app/quarkus-run.jar" 2>/dev/null | head -1)" ]; then
    (cd "$root" && mvn -B -q -ntp package -DskipTests -pl intake-service -am >&2)
fi
exec java -Djava.util.logging.manager=org.jboss.logmanager.LogManager -Dgongkai.data-dir="${GONGKAI_DATA_DIR:-$root/data}" -cp "$app/app/*:$app/lib/boot/*:$app/lib/main/*" \
    io.gongkai.intake.tools.ImportReports "$@"
