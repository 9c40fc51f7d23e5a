package io.lensbench.scale;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The measured search loop with a clock that advances a fixed time per search. */
class SearchLoopTest {
  private static final long MS = 1_000_000L;

  /** A clock that moves {@code perSearchMs} during every search, and records the queries searched. */
  private static final class Clock {
    long now;
    final List<Integer> searched = new ArrayList<>();

    List<String> search(int i, long perSearchMs) {
      searched.add(i);
      now += perSearchMs * MS;
      return List.of("doc-" + i);
    }
  }

  @Test
  void withoutBudgetEveryQueryIsMeasuredInEveryRound() {
    Clock c = new Clock();
    SearchLoop.Measured m = SearchLoop.run(5, 2, 3, Long.MAX_VALUE, () -> c.now, i -> c.search(i, 7));
    assertEquals(List.of(0, 1, 2, 0, 1, 2, 3, 4, 0, 1, 2, 3, 4), c.searched); // warm-up, then two passes
    assertArrayEquals(new double[] {7, 7, 7, 7, 7, 7, 7, 7, 7, 7}, m.latenciesMs(), 1e-9);
    assertEquals(5, m.results().size());
    assertEquals(List.of("doc-4"), m.results().get(4));
    assertFalse(m.truncated());
  }

  @Test
  void aBudgetStopsAfterTheQueryThatCrossedItAndSaysSo() {
    Clock c = new Clock();
    // 100 ms a search, budget 1 s: warm-up stops after its quarter (3 searches: 0, 100, 200 ms < 250 ms),
    // then measured searches start at 300 ms while the clock is under 1,000 ms: 7 of them
    SearchLoop.Measured m = SearchLoop.run(10, 2, 5, 1000 * MS, () -> c.now, i -> c.search(i, 100));
    assertEquals(List.of(0, 1, 2, 0, 1, 2, 3, 4, 5, 6), c.searched);
    assertEquals(7, m.latenciesMs().length);
    assertEquals(7, m.results().size());
    assertTrue(m.truncated());
    assertEquals("search budget of 1 s reached after 7 of 20 searches (7 of 10 queries scored)", m.describe(1, 10));
  }

  @Test
  void aPassStoppedByTheBudgetIsNotFollowedByAnother() {
    Clock c = new Clock();
    // first pass of 4 takes 400 ms, the budget (450 ms) stops the second after one search
    SearchLoop.Measured m = SearchLoop.run(4, 3, 0, 450 * MS, () -> c.now, i -> c.search(i, 100));
    assertEquals(List.of(0, 1, 2, 3, 0), c.searched);
    assertEquals(5, m.latenciesMs().length);
    assertEquals(4, m.results().size());
    assertTrue(m.truncated());
  }
}
