package io.lensbench.testkit;

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
 * Seeded random qrels and runs that exercise every trec_eval rule: score ties (also ties that
 * appear only after narrowing to float), negative scores, graded relevance 0-3 (and -1), Hangul,
 * supplementary-plane (emoji, CJK ext-B) and private-use/fullwidth doc ids (where UTF-16
 * order differs from UTF-8 order), queries missing on either side, zero-relevant queries,
 * interleaved lines.
 */
public final class RandomTrecData {
  public static final String[] DOC_STEMS = {
    "d", "D", "doc-", "문서", "한", "\uD83D\uDE00", "\uD840\uDC0B", "\uFF21", "\uE000x", "z", "가"
  };
  public static final String[] QUERY_STEMS = {"q", "질의", "\uD83D\uDC4D", "Q", "\uD841\uDF0E"};

  public final List<String> qrelsLines = new ArrayList<>();
  public final List<String> runLines = new ArrayList<>();

  public RandomTrecData(long seed) {
    Random r = new Random(seed);
    int numDocs = 20 + r.nextInt(200);
    List<String> docs = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    while (docs.size() < numDocs) {
      String d = DOC_STEMS[r.nextInt(DOC_STEMS.length)] + r.nextInt(numDocs * 2);
      if (seen.add(d)) {
        docs.add(d);
      }
    }
    int numQueries = 1 + r.nextInt(25);
    String tag = "run" + seed;
    for (int qi = 0; qi < numQueries; qi++) {
      String q = QUERY_STEMS[r.nextInt(QUERY_STEMS.length)] + qi;
      // 0: qrels only, 1: run only, 2: zero relevant, else both (the first query always both:
      // trec_eval cannot read an empty file)
      int mode = qi == 0 ? 3 + r.nextInt(7) : r.nextInt(10);
      boolean inQrels = mode != 1;
      boolean inRun = mode != 0;
      if (inQrels) {
        List<String> shuffled = new ArrayList<>(docs);
        Collections.shuffle(shuffled, r);
        int judged = 1 + r.nextInt(Math.min(60, docs.size()));
        for (int j = 0; j < judged; j++) {
          // grades 0-3, now and then -1 (judged "unjudged", trec_eval's pool semantics)
          int grade = mode == 2 ? 0 : (r.nextInt(12) == 0 ? -1 : r.nextInt(4));
          qrelsLines.add(q + " 0 " + shuffled.get(j) + " " + grade);
        }
      }
      if (inRun) {
        List<String> shuffled = new ArrayList<>(docs);
        Collections.shuffle(shuffled, r);
        int n = 1 + r.nextInt(Math.min(docs.size(), 150));
        int scoreStyle = r.nextInt(4);
        for (int j = 0; j < n; j++) {
          String score;
          switch (scoreStyle) {
            case 0 -> score = Integer.toString(r.nextInt(5) - 2); // heavy ties, negatives
            case 1 -> score = String.format(Locale.ROOT, "%.1f", r.nextGaussian());
            case 2 -> {
              // equal as float, different as double
              double base = 0.1 * r.nextInt(6);
              score = r.nextBoolean() ? Double.toString(base)
                  : String.format(Locale.ROOT, "%.12f", base + 1e-10);
            }
            default -> score = Double.toString(r.nextDouble() * 20 - 10);
          }
          runLines.add(q + " Q0 " + shuffled.get(j) + " " + (j + 1) + " " + score + " " + tag);
        }
      }
    }
    if (r.nextBoolean()) {
      Collections.shuffle(runLines, r);
    }
    if (r.nextBoolean()) {
      Collections.shuffle(qrelsLines, r);
    }
  }

  public void write(Path qrels, Path run) throws IOException {
    Files.write(qrels, qrelsLines, StandardCharsets.UTF_8);
    Files.write(run, runLines, StandardCharsets.UTF_8);
  }
}
