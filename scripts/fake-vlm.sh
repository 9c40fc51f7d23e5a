#!/usr/bin/env bash
# Starts FakeOpenAiServer — a FAKE OpenAI-compatible /v1/chat/completions endpoint, not a model —
# on 127.0.0.1 through the launcher's classpath (docs/rerank.md, "Testing without a vision-LLM").
#   scripts/fake-vlm.sh [PORT] [echo|drop-one]
# drop-one (default): every rerank prompt is answered with the candidates reversed minus the 5th
# (the seed's 9 in, 8 out); echo: the candidates in their given order. Prints the base URL; Ctrl-C stops it.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
JAR="harness/target/lensbench-harness-0.1.0-SNAPSHOT.jar"
if [[ ! -f "$JAR" || ! -d harness/target/lib ]]; then
  echo "fake-vlm: building (mvn package -DskipTests) ..." >&2
  mvn -q -B -DskipTests package >&2
fi
exec java -cp "testkit/target/lensbench-testkit-0.1.0-SNAPSHOT.jar:harness/target/lib/*" io.lensbench.testkit.FakeOpenAiServer "${1:-18000}" "${2:-drop-one}"
