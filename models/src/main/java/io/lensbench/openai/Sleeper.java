package io.lensbench.openai;

import java.time.Duration;

/** Waits between retries; tests pass one that records the delays instead of waiting. */
@FunctionalInterface
public interface Sleeper {
  Sleeper REAL = d -> Thread.sleep(d.toMillis());

  void sleep(Duration d) throws InterruptedException;
}
