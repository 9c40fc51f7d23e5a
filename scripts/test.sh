#!/usr/bin/env bash
# The README's test command (./lensbench test): installs system packages the tests need,
# builds, starts the embedded stores, runs every test, stops the stores it started.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
"$ROOT/scripts/setup-system.sh"
mvn -B -q -DskipTests package
mvn -B verify "$@"
