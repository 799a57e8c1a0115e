#!/usr/bin/env bash
# Mints a bearer token for a local installation: deploy/mint-token.sh ROLE [UNIT_PREFIX] [SUBJECT]
# Signed with the key pair in the data directory (generated on first run); GONGKAI_DATA_DIR overrides ./data.
set -euo pipefail
cd "$(dirname "$0")/.."
app=intake-service/target/quarkus-app
if [ ! -f "$app/quarkus-run.jar" ]; then
    mvn -B -q -ntp package -DskipTests >&2
fi
exec java -Dgongkai.data-dir="${GONGKAI_DATA_DIR:-$PWD/data}" -cp "$app/app/*:$app/lib/boot/*:$app/lib/main/*" \
    io.gongkai.intake.tools.MintToken "$@"
