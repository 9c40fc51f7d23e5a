package io.lensbench.eval.treceval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
* Seeded random qrels + run pairs exercising what trips ports up: score ties, ties that exist only after
* rounding to float (9.0.4 stores scores as float), negative and exponent-notation scores, grades -1..3,
* ids in Hangul, emoji and CJK Extension B (UTF-8 byte order differs from UTF-16 order), queries missing
* on either side, queries without relevant docs, non-contiguous run blocks, extra trailing run fields,
* blank lines and CRLF line ends.
*/
final class RandomDataset {
  private RandomDataset() {
  }

  private static final String[] QID_STYLES = {"%d", "q%d", "질의%d", "\uD83D\uDE00q%d", "\uD840\uDC0B%d", "Q-%03d"};
  private static final String[] DOC_STYLES = {"d%d", "DOC-%05d", "문서%d", "\uD83E\uDD8A-%d", "\uD840\uDC00x%d",
    "doc#%d", "Ab%d", "ab%d", "\u00e9t\u00e9%d"};

  static final class Files2 {
    final Path qrels;
    final Path run;

    Files2(Path qrels, Path run) {
      this.qrels = qrels;
      this.run = run;
    }
  }

  static Files2 write(long seed, Path dir) throws IOException {
    Random r = new Random(seed);
    int nq = 4 + r.nextInt(12);
    List<String> qids = new ArrayList<>();
    Set<String> seenQ = new LinkedHashSet<>();
    while (seenQ.size() < nq) {
      seenQ.add(String.format(Locale.ROOT, QID_STYLES[r.nextInt(QID_STYLES.length)], r.nextInt(400)));
    }
    qids.addAll(seenQ);
    Set<String> docPool = new LinkedHashSet<>();
    int nd = 30 + r.nextInt(150);
    while (docPool.size() < nd) {
      docPool.add(String.format(Locale.ROOT, DOC_STYLES[r.nextInt(DOC_STYLES.length)], r.nextInt(100000)));
    }
    List<String> docs = new ArrayList<>(docPool);
    StringBuilder qrels = new StringBuilder();
    List<String> runLines = new ArrayList<>();
    boolean crlf = r.nextInt(4) == 0;
    for (String q : qids) {
      int side = r.nextInt(10); // 0: qrels only, 1: run only, else both
      if (side != 1) {
        Collections.shuffle(docs, r);
        int nj = 1 + r.nextInt(Math.min(40, docs.size()));
        boolean zeroRel = r.nextInt(6) == 0;
        boolean anyNonNeg = false;
        for (int i = 0; i < nj; i++) {
          int g;
          int x = r.nextInt(100);
          if (zeroRel) {
            g = x < 85 ? 0 : -1;
          } else {
            g = x < 10 ? -1 : x < 55 ? 0 : x < 75 ? 1 : x < 90 ? 2 : 3;
          }
          if (i == nj - 1 && !anyNonNeg && g < 0) {
            g = 0; // keep one judged level: trec_eval reads stale memory otherwise
          }
          anyNonNeg |= g >= 0;
          qrels.append(q).append(' ').append(r.nextInt(3)).append(' ').append(docs.get(i)).append(' ')
            .append(g).append(crlf && r.nextBoolean() ? "\r\n" : "\n");
        }
      }
      if (side != 0) {
        Collections.shuffle(docs, r);
        int n = r.nextInt(Math.min(60, docs.size()) + 1);
        double score = r.nextGaussian() * 5;
        for (int i = 0; i < n; i++) {
          int k = r.nextInt(100);
          String s;
          if (k < 15 && i > 0) {
            s = fmt(score); // exact tie
          } else if (k < 25 && i > 0) {
            s = String.format(Locale.ROOT, "%.10f", score + 1e-9 * (1 + r.nextInt(5))); // float tie
          } else if (k < 30) {
            score = -r.nextInt(1000) / 7.0;
            s = String.format(Locale.ROOT, "%.3e", score);
          } else {
            score -= r.nextDouble();
            s = fmt(score);
          }
          StringBuilder line = new StringBuilder();
          line.append(q).append(r.nextBoolean() ? "\tQ0\t" : " Q0 ").append(docs.get(i)).append(' ')
            .append(i + 1).append(' ').append(s).append(' ').append(r.nextInt(8) == 0 ? "runB" : "runA");
          if (r.nextInt(10) == 0) {
            line.append(" extra fields here");
          }
          runLines.add(line.toString());
        }
      }
    }
    if (r.nextInt(3) == 0) {
      Collections.shuffle(runLines, r); // non-contiguous query blocks
    }
    StringBuilder run = new StringBuilder();
    for (String l : runLines) {
      if (r.nextInt(40) == 0) {
        run.append("\n");
      }
      run.append(l).append(crlf && r.nextBoolean() ? "\r\n" : "\n");
    }
    if (runLines.isEmpty()) {
      run.append(qids.get(0)).append(" Q0 ").append(docs.get(0)).append(" 1 1.0 runA\n");
    }
    if (qrels.length() == 0) {
      qrels.append(qids.get(0)).append(" 0 ").append(docs.get(0)).append(" 1\n");
    }
    Path q = dir.resolve("qrels." + seed);
    Path u = dir.resolve("run." + seed);
    Files.write(q, qrels.toString().getBytes(StandardCharsets.UTF_8));
    Files.write(u, run.toString().getBytes(StandardCharsets.UTF_8));
    return new Files2(q, u);
  }

  /** The qrels with negative grades made 0, for -R qrels_prefs (see VERSION-DIFFERENCES.md, known limits). */
  static Path nonNegativeQrels(Files2 f) throws IOException {
    String q = new String(Files.readAllBytes(f.qrels), StandardCharsets.UTF_8).replaceAll(" -1(\r?)\n", " 0$1\n");
    Path p = f.qrels.resolveSibling(f.qrels.getFileName() + ".nonneg");
    Files.write(p, q.getBytes(StandardCharsets.UTF_8));
    return p;
  }

  /**
  * A prefs file for the qids of the run: judgement groups with one or several subgroups whose rel_levels
  * derive from one latent order per group, so preferences are consistent within a group (trec_eval
  * aborts otherwise) and a doc is either always nonrelevant (0) or never within a group.
  */
  static Path writePrefs(long seed, Files2 f) throws IOException {
    Random r = new Random(seed * 31 + 7);
    List<String> runQids = new ArrayList<>();
    Set<String> docs = new LinkedHashSet<>();
    for (String line : new String(Files.readAllBytes(f.run), StandardCharsets.UTF_8).split("\r?\n")) {
      String[] t = line.trim().split("\\s+");
      if (t.length >= 6) {
        if (!runQids.contains(t[0])) {
          runQids.add(t[0]);
        }
        docs.add(t[2]);
      }
    }
    List<String> pool = new ArrayList<>(docs);
    for (int i = 0; i < 20; i++) {
      pool.add("unret" + r.nextInt(1000));
    }
    StringBuilder b = new StringBuilder();
    for (String q : runQids) {
      if (r.nextInt(8) == 0) {
        continue;
      }
      int njg = 1 + r.nextInt(3);
      for (int g = 0; g < njg; g++) {
        java.util.Map<String, Double> latent = new java.util.HashMap<>();
        int nsub = r.nextInt(3) == 0 ? 1 : 1 + r.nextInt(3);
        for (int s = 0; s < nsub; s++) {
          Collections.shuffle(pool, r);
          int n = 2 + r.nextInt(Math.min(12, pool.size() - 1));
          Set<String> used = new LinkedHashSet<>(pool.subList(0, n));
          for (String d : used) {
            double lt = latent.computeIfAbsent(d, k -> r.nextDouble());
            double level = lt < 0.35 ? 0.0 : 1 + Math.floor((lt - 0.35) * 6) / 2;
            b.append(q).append(" jg").append(g).append(" s").append(s).append(' ').append(d)
              .append(' ').append(level).append('\n');
          }
        }
      }
    }
    if (b.length() == 0) {
      b.append(runQids.get(0)).append(" jg s0 ").append(pool.get(0)).append(" 1\n");
    }
    Path p = f.qrels.resolveSibling("prefs." + seed);
    Files.write(p, b.toString().getBytes(StandardCharsets.UTF_8));
    return p;
  }

  private static String fmt(double d) {
    return String.format(Locale.ROOT, "%.4f", d);
  }
}
