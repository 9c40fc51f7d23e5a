package io.lensbench.rerank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What the parser tolerates, and what it refuses. */
class AnswerParserTest {
  final AnswerParser p = new AnswerParser();

  @Test
  void tolerated() {
    assertEquals(List.of("1", "2"), p.parse("{\"ranking\":[1,\"2\"],\"reason\":\"r\"}").ids());
    assertEquals("r", p.parse("{\"ranking\":[1],\"reason\":\"r\"}").reason());
    assertEquals(List.of("1", "2"), p.parse("```\n{\"ranking\":[\"#1\",\"# 2\"]}\n```").ids());
    assertEquals(List.of("10"), p.parse("Ranking: {\"ranking\":[10.0]} done.").ids());
    assertEquals(List.of("a{b}"), p.parse("x {\"ranking\":[\"a{b}\"]} y").ids(),
        "braces inside strings do not confuse the scan");
    assertEquals(List.of("3"), p.parse("<think>maybe {x}</think>{\"ranking\":[3]}").ids(),
        "an earlier non-answer object is skipped");
  }

  @Test
  void refused() {
    assertTrue(p.parse("").malformed());
    assertTrue(p.parse("The red one.").malformed());
    assertTrue(p.parse("[1,2,3]").malformed(), "a bare array is not the asked-for object");
    assertTrue(p.parse("{\"ranked_ids\":[1,2]}").malformed(), "other key names are not guessed");
    assertTrue(p.parse("{\"ranking\":[\"1\",\"2\"").malformed(), "truncated JSON is not repaired");
    assertTrue(p.parse("{\"ranking\":[1.5]}").malformed(), "1.5 is not an id");
    assertTrue(p.parse("{\"ranking\":[{\"id\":1}]}").malformed());
    assertTrue(p.parse("{\"ranking\":\"1,2\"}").malformed());
    assertFalse(p.parse("{\"ranking\":[]}").malformed(), "an empty ranking parses (all dropped)");
  }

  @Test
  void checkCountsAgainstTheCandidates() {
    AnswerCheck c = AnswerCheck.of(p.parse("{\"ranking\":[\"b\",\"x\",\"b\",\"a\",\"y\"]}"),
        List.of("a", "b", "c", "d"));
    assertEquals(List.of("b", "a"), c.valid());
    assertEquals(List.of("c", "d"), c.dropped());
    assertEquals(1, c.duplicated());
    assertEquals(2, c.invented());
    assertFalse(c.complete());
  }
}
