#!/usr/bin/env bash
# Speed / memory benchmark: `lensbench eval` (the Java trec_eval port, through the launcher, JVM
# start included) against the trec_eval 9.0.4 binary bundled in jtreceval 0.0.5.
#
#   benchmarks/scripts/eval-vs-treceval.sh [workdir] [repetitions]
#
# Generates (seeded, cached in workdir) 10,000 queries x 1,000 retrieved docs = 10 M run lines plus graded
# qrels, then runs both programs with "-q -c -m official" and "-q -c -m all_trec", alternating them so that
# both see the same machine load, each under /usr/bin/time -v. Reports wall time, CPU time and peak RSS
# (medians over the repetitions) and checks that lensbench's output (in 9.0.4 mode) is byte-identical to
# the binary's. Exit status 1 if any output differs.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
WORK=${1:-/tmp/treceval-bench}
REPS=${2:-3}
NQ=${BENCH_QUERIES:-10000}
ND=${BENCH_DOCS:-1000}
SEED=${BENCH_SEED:-20260618}
mkdir -p "$WORK"

# 1. lensbench (the launcher builds when needed)
LB="$ROOT/lensbench"
"$LB" eval --help > /dev/null
# 2. the trec_eval 9.0.4 binary from the jtreceval jar
BIN="$WORK/trec_eval-9.0.4"
if [ ! -x "$BIN" ]; then
    JT="$HOME/.m2/repository/uk/ac/gla/dcs/terrierteam/jtreceval/0.0.5/jtreceval-0.0.5.jar"
    if [ ! -f "$JT" ]; then
        mvn -q dependency:get -Dartifact=uk.ac.gla.dcs.terrierteam:jtreceval:0.0.5
    fi
    unzip -p "$JT" trec_eval-linux-amd64 > "$BIN"
    chmod +x "$BIN"
fi
"$BIN" -v 2>&1 | grep -q "9.0.4"

# 3. data (seeded)
DATA="$WORK/data-$NQ-$ND-$SEED"
if [ ! -f "$DATA/bench.run" ]; then
    mkdir -p "$DATA"
    echo "generating $NQ x $ND run lines (seed $SEED) in $DATA ..."
    python3 "$HERE/gen-trec-bench.py" "$DATA" "$NQ" "$ND" "$SEED"
fi
echo "run:   $(wc -l < "$DATA/bench.run") lines, $(du -h "$DATA/bench.run" | cut -f1)"
echo "qrels: $(wc -l < "$DATA/bench.qrels") lines"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo

# 4. runs
measure() { # label outfile cmd... -> appends "label wall user sys rss" to $WORK/times
    local label=$1 out=$2; shift 2
    /usr/bin/time -v "$@" > "$out" 2> "$WORK/time.txt"
    local wall user sys rss
    wall=$(grep "Elapsed (wall clock)" "$WORK/time.txt" | awk -F': ' '{print $2}' |
        awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
    user=$(grep "User time" "$WORK/time.txt" | awk -F': ' '{print $2}')
    sys=$(grep "System time" "$WORK/time.txt" | awk -F': ' '{print $2}')
    rss=$(grep "Maximum resident set size" "$WORK/time.txt" | awk -F': ' '{print $2}')
    echo "$label $wall $user $sys $rss" >> "$WORK/times"
    printf "  %-26s wall %7.2f s  cpu %6.2f s  peak RSS %8.1f MB\n" "$label" "$wall" \
        "$(echo "$user + $sys" | bc)" "$(echo "scale=1; $rss / 1024" | bc)"
}

status=0
: > "$WORK/times"
for cfg in official all_trec; do
    echo "== -q -c -m $cfg"
    for rep in $(seq 1 "$REPS"); do
        measure "trec_eval-9.0.4/$cfg" "$WORK/c.$cfg.out" "$BIN" -q -c -m "$cfg" "$DATA/bench.qrels" "$DATA/bench.run"
        measure "lensbench(9.0.4)/$cfg" "$WORK/j.$cfg.out" "$LB" eval --trec-eval-version 9.0.4 \
            -q -c -m "$cfg" "$DATA/bench.qrels" "$DATA/bench.run"
        if cmp -s "$WORK/c.$cfg.out" "$WORK/j.$cfg.out"; then
            echo "  outputs byte-identical ($(wc -l < "$WORK/c.$cfg.out") lines)"
        else
            echo "  OUTPUTS DIFFER: $WORK/c.$cfg.out $WORK/j.$cfg.out"
            status=1
        fi
    done
    measure "lensbench(10.0)/$cfg" "$WORK/j10.$cfg.out" "$LB" eval -q -c -m "$cfg" \
        "$DATA/bench.qrels" "$DATA/bench.run"
    echo
done

echo "== medians over $REPS repetitions"
for cfg in official all_trec; do
    for who in "trec_eval-9.0.4" "lensbench(9.0.4)"; do
        grep -F "$who/$cfg " "$WORK/times" | awk '{print $2, $3+$4, $5}' | sort -n > "$WORK/m.txt"
        n=$(wc -l < "$WORK/m.txt"); mid=$(( (n + 1) / 2 ))
        wall=$(awk '{print $1}' "$WORK/m.txt" | sort -n | sed -n "${mid}p")
        cpu=$(awk '{print $2}' "$WORK/m.txt" | sort -n | sed -n "${mid}p")
        rss=$(awk '{print $3}' "$WORK/m.txt" | sort -n | sed -n "${mid}p")
        printf "  %-18s %-9s wall %7.2f s  cpu %6.2f s  peak RSS %8.1f MB\n" "$who" "$cfg" "$wall" "$cpu" \
            "$(echo "scale=1; $rss / 1024" | bc)"
        eval "W_${cfg}_$([ "$who" = "trec_eval-9.0.4" ] && echo c || echo j)=$wall"
    done
    eval "wc=\$W_${cfg}_c; wj=\$W_${cfg}_j"
    printf "  speed-up (wall, median) for %s: %.1fx\n" "$cfg" "$(echo "scale=3; $wc / $wj" | bc)"
done
exit $status
