#!/usr/bin/env python3
"""Seeded TREC qrels + run for the eval benchmark: Q queries x D retrieved docs each.

Usage: gen-trec-bench.py OUT_DIR [QUERIES] [DOCS]   (defaults 10000 x 1000)
Scores have 4 decimals, so ties occur; 20 judged docs per query, grades 0-3, about half of
them retrieved; one query in ten has a Hangul id. Same seed, same files.
"""
import os
import random
import sys

out = sys.argv[1]
nq = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
nd = int(sys.argv[3]) if len(sys.argv) > 3 else 1000
rng = random.Random(20261122)
corpus = 200000
os.makedirs(out, exist_ok=True)
with open(os.path.join(out, "bench.qrels"), "w", encoding="utf-8") as qf, \
        open(os.path.join(out, "bench.trec"), "w", encoding="utf-8") as rf:
    for i in range(nq):
        qid = ("질의%05d" if i % 10 == 0 else "q%05d") % i
        docs = rng.sample(range(corpus), nd)
        scores = sorted((round(rng.random() * 100, 4) for _ in range(nd)), reverse=True)
        lines = [f"{qid} Q0 doc{d:06d} {r + 1} {s} lensbench-bench\n"
                 for r, (d, s) in enumerate(zip(docs, scores))]
        rf.write("".join(lines))
        judged = set(rng.sample(docs, 10)) | set(rng.sample(range(corpus), 10))
        qf.write("".join(f"{qid} 0 doc{d:06d} {rng.choice((0, 0, 1, 2, 3))}\n" for d in judged))
