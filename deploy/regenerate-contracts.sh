#!/usr/bin/env bash
# Regenerates the committed OpenAPI contracts from what the services serve: deploy/regenerate-contracts.sh
# Writes api-contracts/src/main/resources/openapi/intake-api.yaml, aggregation-api.yaml and forms.yaml (the form
# schemas both refer to) by running the two contract tests with -Dcontracts.write; review the diff, then commit.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -ntp -pl intake-service,aggregation-service -am test -Dcontracts.write \
    -Dtest='ContractTest,AggregationContractTest' -Dsurefire.failIfNoSpecifiedTests=false "$@"
git status --short api-contracts/src/main/resources/openapi/
