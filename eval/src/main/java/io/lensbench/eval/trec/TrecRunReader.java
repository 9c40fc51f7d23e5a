package io.lensbench.eval.trec;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a TREC run file: six whitespace-separated fields per line,
 * {@code qid Q0 docid rank score tag}. Lines of one query need not be contiguous.
 * Malformed lines fail with file and line (exit 2). The rank must be an integer but is not
 * used (trec_eval ranks by score). Duplicate doc ids are kept here; the evaluator decides.
 */
public final class TrecRunReader {
  private TrecRunReader() {}

  public static TrecRun read(Path file) {
    Map<String, TrecRun.Retrieved.Builder> builders = new LinkedHashMap<>();
    byte[] lastQid = new byte[0];
    int lastQidLen = -1;
    TrecRun.Retrieved.Builder current = null;
    byte[] tag = new byte[16];
    int tagLen = 0;
    try (LineScanner sc = new LineScanner(file)) {
      while (sc.next()) {
        if (sc.fieldCount != 6) {
          throw sc.error(String.format(Locale.ROOT,
              "expected 6 fields 'qid Q0 docid rank score tag', found %d", sc.fieldCount));
        }
        byte[] b = sc.buf();
        int qs = sc.fieldStart[0];
        int ql = sc.fieldEnd[0] - qs;
        if (current == null || ql != lastQidLen
            || !Arrays.equals(b, qs, qs + ql, lastQid, 0, ql)) {
          String qid = new String(b, qs, ql, StandardCharsets.UTF_8);
          current = builders.computeIfAbsent(qid, k -> new TrecRun.Retrieved.Builder());
          if (lastQid.length < ql) {
            lastQid = new byte[ql * 2];
          }
          System.arraycopy(b, qs, lastQid, 0, ql);
          lastQidLen = ql;
        }
        try {
          NumberParsing.parseLong(b, sc.fieldStart[3], sc.fieldEnd[3]);
        } catch (NumberFormatException e) {
          throw sc.error("rank '" + sc.field(3) + "' is not an integer");
        }
        double score;
        try {
          score = NumberParsing.parseDouble(b, sc.fieldStart[4], sc.fieldEnd[4]);
        } catch (NumberFormatException e) {
          throw sc.error("score '" + sc.field(4) + "' is not a number");
        }
        int ds = sc.fieldStart[2];
        current.add(b, ds, sc.fieldEnd[2] - ds, (float) score, sc.lineNo());
        int ts = sc.fieldStart[5];
        tagLen = sc.fieldEnd[5] - ts;
        if (tag.length < tagLen) {
          tag = new byte[tagLen * 2];
        }
        System.arraycopy(b, ts, tag, 0, tagLen);
      }
    }
    Map<String, TrecRun.Retrieved> rankings = new LinkedHashMap<>();
    builders.forEach((q, bld) -> rankings.put(q, bld.build()));
    return new TrecRun(new String(tag, 0, tagLen, StandardCharsets.UTF_8), rankings);
  }
}
