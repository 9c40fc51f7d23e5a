package io.lensbench.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The Pareto front: lower p99 and higher quality; a point beaten on both, or tied on quality by a faster one, is off it. */
class TradeoffTest {
  private static Tradeoff.Point p(double p99, double quality) {
    return new Tradeoff.Point(null, p99, quality, false);
  }

  @Test
  void frontKeepsOnlyPointsNoOtherBeatsOnBoth() {
    List<Tradeoff.Point> out = Tradeoff.front(List.of(p(30, 0.5), p(10, 0.2), p(20, 0.2), p(40, 0.9), p(35, 0.4), p(50, 0.9)));
    assertEquals(List.of(10.0, 20.0, 30.0, 35.0, 40.0, 50.0), out.stream().map(Tradeoff.Point::p99Ms).toList(), "sorted by p99");
    assertEquals(List.of(true, false, true, false, true, false), out.stream().map(Tradeoff.Point::front).toList());
  }

  @Test
  void equalLatencyKeepsTheBetterPointOnly() {
    List<Tradeoff.Point> out = Tradeoff.front(List.of(p(10, 0.3), p(10, 0.6)));
    assertEquals(List.of(0.6, 0.3), out.stream().map(Tradeoff.Point::quality).toList());
    assertEquals(List.of(true, false), out.stream().map(Tradeoff.Point::front).toList());
  }
}
