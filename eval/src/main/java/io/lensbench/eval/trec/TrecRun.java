package io.lensbench.eval.trec;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A TREC run ("qid Q0 docid rank score tag") held compactly: per query the document ids as
 * UTF-8 bytes in one arena plus float scores, in file order. Scores are stored as trec_eval
 * stores them: the text is parsed as a double and narrowed to float. The rank column is not
 * kept (trec_eval ignores it and ranks by score, then by doc id descending).
 */
public final class TrecRun {
  private final String runId;
  private final Map<String, Retrieved> rankings;

  public TrecRun(String runId, Map<String, Retrieved> rankings) {
    this.runId = runId;
    this.rankings = Collections.unmodifiableMap(new LinkedHashMap<>(rankings));
  }

  /** The tag of the last line, as trec_eval reports it ("runid"); empty for an empty run. */
  public String runId() {
    return runId;
  }

  /** Query id → ranking, in order of first appearance. */
  public Map<String, Retrieved> rankings() {
    return rankings;
  }

  /** One query's retrieved documents: UTF-8 doc ids and float scores in input order. */
  public static final class Retrieved {
    private final byte[] arena;
    private final int[] starts; // size n+1
    private final float[] scores;
    private final int[] lines; // 1-based source line per entry, or null

    Retrieved(byte[] arena, int[] starts, float[] scores, int[] lines) {
      this.arena = arena;
      this.starts = starts;
      this.scores = scores;
      this.lines = lines;
    }

    public int size() {
      return scores.length;
    }

    public float score(int i) {
      return scores[i];
    }

    public String docId(int i) {
      return new String(arena, starts[i], starts[i + 1] - starts[i], StandardCharsets.UTF_8);
    }

    /** Source line of entry i (1-based), or -1 when the ranking was not read from a file. */
    public int line(int i) {
      return lines == null ? -1 : lines[i];
    }

    public byte[] arena() {
      return arena;
    }

    public int start(int i) {
      return starts[i];
    }

    public int end(int i) {
      return starts[i + 1];
    }

    /** Growable builder. */
    public static final class Builder {
      private byte[] arena = new byte[64];
      private int arenaLen;
      private int[] starts = new int[9];
      private float[] scores = new float[8];
      private int[] lines;
      private int n;

      public Builder add(String docId, float score) {
        byte[] b = docId.getBytes(StandardCharsets.UTF_8);
        return add(b, 0, b.length, score, -1);
      }

      public Builder add(byte[] src, int off, int len, float score, int line) {
        if (n == scores.length) {
          scores = Arrays.copyOf(scores, n * 2);
          starts = Arrays.copyOf(starts, n * 2 + 1);
          if (lines != null) {
            lines = Arrays.copyOf(lines, n * 2);
          }
        }
        if (arenaLen + len > arena.length) {
          arena = Arrays.copyOf(arena, Math.max(arena.length * 2, arenaLen + len));
        }
        if (line >= 0 && lines == null) {
          lines = new int[scores.length];
        }
        System.arraycopy(src, off, arena, arenaLen, len);
        arenaLen += len;
        scores[n] = score;
        if (lines != null) {
          lines[n] = line;
        }
        n++;
        starts[n] = arenaLen;
        return this;
      }

      public int size() {
        return n;
      }

      public Retrieved build() {
        return new Retrieved(Arrays.copyOf(arena, arenaLen), Arrays.copyOf(starts, n + 1),
            Arrays.copyOf(scores, n), lines == null ? null : Arrays.copyOf(lines, n));
      }
    }
  }
}
