#!/usr/bin/env bash
# The README's test command (./lensbench test): installs the system packages the tests need,
# builds, installs (cached) and starts the embedded stores (OpenSearch, the Milvus server, Milvus
# Lite), runs every test (the tests start and stop their own scratch clusters and servers).
# The stores are left running (a second `./lensbench test` or `demo` reuses them);
# stop them with `./lensbench stores down`.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
started=$(date +%s)
"$ROOT/scripts/setup-system.sh"
mvn -B -q -DskipTests package
"$ROOT/lensbench" stores up
mvn -B verify "$@"
echo "lensbench test: finished in $(( $(date +%s) - started )) s"
