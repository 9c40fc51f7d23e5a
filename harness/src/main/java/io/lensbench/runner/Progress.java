package io.lensbench.runner;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A progress bar on stderr. On a terminal it redraws one line; otherwise (logs, CI) it prints one
 * line when done, plus a line at 25 / 50 / 75 % for work that has already taken over 5 s.
 */
public final class Progress implements AutoCloseable {
  private static final int WIDTH = 30;
  private final PrintStream err;
  private final String label;
  private final long total;
  private final boolean terminal;
  private final long startNanos = System.nanoTime();
  private long done;
  private long lastDraw;
  private int lastQuarter = -1;
  private boolean closed;

  public Progress(PrintStream err, String label, long total) {
    this.err = err;
    this.label = label;
    this.total = Math.max(0, total);
    this.terminal = System.console() != null;
    draw(true);
  }

  public synchronized void step(long n) {
    done = Math.min(total, done + n);
    draw(false);
  }

  private void draw(boolean force) {
    long now = System.nanoTime();
    double frac = total == 0 ? 1.0 : (double) done / total;
    if (terminal) {
      if (!force && done < total && now - lastDraw < 100_000_000L) {
        return;
      }
      lastDraw = now;
      int filled = (int) Math.round(frac * WIDTH);
      err.print(String.format(Locale.ROOT, "\r%-44s [%s%s] %d/%d %.1fs",
          label, "#".repeat(filled), " ".repeat(WIDTH - filled), done, total, (now - startNanos) / 1e9));
      err.flush();
    } else {
      int quarter = (int) Math.floor(frac * 4);
      boolean finished = done >= total && closed;
      boolean slow = now - startNanos > 5_000_000_000L;
      if (finished || (quarter != lastQuarter && quarter > 0 && quarter < 4 && slow)) {
        lastQuarter = quarter;
        err.println(String.format(Locale.ROOT, "%s: %d/%d (%.0f%%) %.1fs",
            label, done, total, frac * 100, (now - startNanos) / 1e9));
      }
    }
  }

  @Override
  public synchronized void close() {
    done = total;
    closed = true;
    draw(true);
    if (terminal) {
      err.println();
    }
  }
}
