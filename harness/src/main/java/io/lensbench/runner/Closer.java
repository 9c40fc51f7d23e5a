package io.lensbench.runner;

import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.Deque;

/** Closes what a run opened, in reverse order; a failing close is a warning, not a lost run. */
final class Closer implements AutoCloseable {
  private final Deque<AutoCloseable> opened = new ArrayDeque<>();
  private final PrintStream err;

  Closer(PrintStream err) {
    this.err = err;
  }

  <T extends AutoCloseable> T track(T t) {
    opened.push(t);
    return t;
  }

  @Override
  public void close() {
    while (!opened.isEmpty()) {
      try {
        opened.pop().close();
      } catch (Exception e) {
        err.println("warning: closing a component failed: " + e);
      }
    }
  }
}
