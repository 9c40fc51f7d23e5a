package io.lensbench.eval.treceval;

/** Optional phase timing on stderr, enabled by the environment variable TRECEVAL_TIMING. */
final class PhaseTimer {
  private static final boolean ON = System.getenv("TRECEVAL_TIMING") != null;
  private long t0 = System.nanoTime();

  void done(String what) {
    if (ON) {
      long t = System.nanoTime();
      System.err.printf("[treceval] %-12s %7.3f s%n", what, (t - t0) / 1e9);
      t0 = t;
    }
  }
}
