#!/usr/bin/env bash
# Benchmark: `lensbench eval` vs the trec_eval 9.0.4 binary on the same generated files.
#   benchmarks/scripts/eval-vs-treceval.sh [QUERIES] [DOCS]      (default 10000 x 1000)
# Generates a seeded qrels + run (gen-trec-bench.py) under $BENCH_DIR (default
# target/eval-bench), extracts trec_eval-linux-amd64 from the jtreceval jar in ~/.m2, runs
# both with -q -c and the same measures, checks the outputs are byte-identical and prints
# both wall-clock and CPU times (JVM start included) and peak RSS. On a shared, loaded
# machine compare the CPU times as well as the wall times. Exit 1 if the outputs differ.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
NQ="${1:-10000}"
ND="${2:-1000}"
DIR="${BENCH_DIR:-$ROOT/target/eval-bench}"
JAR="${JTRECEVAL_JAR:-$HOME/.m2/repository/uk/ac/gla/dcs/terrierteam/jtreceval/0.0.5/jtreceval-0.0.5.jar}"
mkdir -p "$DIR"
if [[ ! -f "$JAR" ]]; then
  echo "precondition: $JAR is missing; run 'mvn -B -pl harness test-compile' once (jtreceval is a test dependency)" >&2
  exit 2
fi
TE="$DIR/trec_eval-linux-amd64"
if [[ ! -x "$TE" ]]; then
  unzip -o -q -j "$JAR" trec_eval-linux-amd64 -d "$DIR"
  chmod +x "$TE"
fi
if [[ ! -f "$DIR/bench-$NQ-$ND.trec" ]]; then
  echo "generating $NQ queries x $ND docs ..." >&2
  python3 "$ROOT/benchmarks/scripts/gen-trec-bench.py" "$DIR/gen" "$NQ" "$ND"
  mv "$DIR/gen/bench.trec" "$DIR/bench-$NQ-$ND.trec"
  mv "$DIR/gen/bench.qrels" "$DIR/bench-$NQ-$ND.qrels"
fi
Q="$DIR/bench-$NQ-$ND.qrels"
R="$DIR/bench-$NQ-$ND.trec"
M=(-q -c -m official -m P.1,5,10,20,100 -m recall.1,5,10,20,100 -m success.1,5,10,20,100
   -m ndcg -m ndcg_cut.1,5,10,20,100 -m map_cut.1,5,10,20,100)
# build once outside the timing
"$ROOT/lensbench" eval --help >/dev/null

measure() { # label outfile cmd...
  local label="$1" out="$2"; shift 2
  /usr/bin/time -f "%e %U %S %M" -o "$DIR/$label.time" "$@" > "$out"
  read -r secs user sys kb < "$DIR/$label.time"
  echo "$label: ${secs} s wall, ${user} s user + ${sys} s sys CPU, peak RSS $((kb / 1024)) MiB"
}
echo "files: $(du -h "$R" | cut -f1) run ($(wc -l < "$R") lines), $(wc -l < "$Q") qrels lines; load: $(cut -d' ' -f1-3 /proc/loadavg)"
measure trec_eval "$DIR/trec_eval.out" "$TE" "${M[@]}" "$Q" "$R"
measure lensbench "$DIR/lensbench.out" "$ROOT/lensbench" eval "${M[@]}" "$Q" "$R"
if cmp -s "$DIR/trec_eval.out" "$DIR/lensbench.out"; then
  echo "outputs: identical ($(wc -l < "$DIR/lensbench.out") lines)"
else
  echo "outputs DIFFER:" >&2
  diff "$DIR/trec_eval.out" "$DIR/lensbench.out" | head -20 >&2
  exit 1
fi
