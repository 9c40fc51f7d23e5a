#!/usr/bin/env python3
"""Seeded synthetic TREC data for the speed/memory benchmark.

Writes <out>/bench.qrels and <out>/bench.run: NQ queries x NDOCS retrieved docs each (default
10,000 x 1,000 = 10 M run lines), docnos drawn from a 5 M document collection, graded qrels
(0..3, a few -1 / unjudged-in-pool) with ~200 judged docs per query of which about half are
retrieved, run scores with ties, one run tag.
"""
import random
import sys


def main():
    out = sys.argv[1]
    nq = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
    ndocs = int(sys.argv[3]) if len(sys.argv) > 3 else 1000
    seed = int(sys.argv[4]) if len(sys.argv) > 4 else 20260618
    rnd = random.Random(seed)
    coll = 5_000_000
    with open(f"{out}/bench.qrels", "w") as fq, open(f"{out}/bench.run", "w") as fr:
        for q in range(nq):
            qid = str(100000 + q)
            docs = rnd.sample(range(coll), ndocs + 100)
            ret = docs[:ndocs]
            judged = rnd.sample(ret, 100) + docs[ndocs:]
            qlines = []
            for d in judged:
                r = rnd.random()
                g = 0 if r < 0.6 else 1 if r < 0.8 else 2 if r < 0.93 else 3 if r < 0.98 else -1
                qlines.append(f"{qid} 0 DOC-{d:08d} {g}\n")
            fq.write("".join(qlines))
            lines = []
            score = 30.0 + rnd.random() * 10
            for rank, d in enumerate(ret, 1):
                if rnd.random() > 0.05:  # ~5% ties with the previous score
                    score -= rnd.random() * 0.02
                lines.append(f"{qid} Q0 DOC-{d:08d} {rank} {score:.6f} bench-run\n")
            fr.write("".join(lines))


if __name__ == "__main__":
    main()
