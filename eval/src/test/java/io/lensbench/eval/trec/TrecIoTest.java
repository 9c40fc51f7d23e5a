package io.lensbench.eval.trec;

import io.lensbench.core.SearchHit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lensbench.core.BadInputException;
import io.lensbench.datasets.Qrels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrecIoTest {
  @TempDir Path dir;

  @Test
  void qrelsRoundTripKeepsOrderGradesAndUnicode() {
    Map<String, Map<String, Integer>> m = new LinkedHashMap<>();
    m.put("질의1", new LinkedHashMap<>(Map.of("문서\uD83D\uDE00", 3)));
    m.put("q2", new LinkedHashMap<>(Map.of("d\uD840\uDC0B", 0)));
    Path p = dir.resolve("x.qrels");
    TrecQrelsWriter.write(p, new Qrels(m));
    Qrels back = TrecQrelsReader.read(p);
    assertEquals(m, back.asMap());
    assertEquals(List.of("질의1", "q2"), List.copyOf(back.queryIds()));
  }

  @Test
  void runRoundTripPreservesFloatScoresExactly() {
    Path p = dir.resolve("r.trec");
    double[] scores = {0.1, 1.0 / 3, -2.5e-7, 123456.789, 0.1 + 1e-10};
    Map<String, List<SearchHit>> hits = new LinkedHashMap<>();
    hits.put("q", java.util.stream.IntStream.range(0, scores.length)
        .mapToObj(i -> new SearchHit("d" + i, scores[i])).toList());
    TrecRunWriter.write(p, "tag", hits);
    TrecRun run = TrecRunReader.read(p);
    assertEquals("tag", run.runId());
    TrecRun.Retrieved r = run.rankings().get("q");
    for (int i = 0; i < scores.length; i++) {
      assertEquals((float) scores[i], r.score(i), "score " + i);
      assertEquals("d" + i, r.docId(i));
      assertEquals(i + 1, r.line(i));
    }
  }

  @Test
  void fastNumberParserAgreesWithTheJdk() {
    String[] texts = {"0", "-0", "1", "0.5", ".5", "5.", "-12.75", "0.1000000001", "3.14159265358979",
      "123456789012345678", "1e5", "-2.5E-3", "0.30000000000000004", "9007199254740993",
      "1.00000000000000011102230246251565"};
    for (String t : texts) {
      byte[] b = ("x" + t + "y").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
      assertEquals(Double.parseDouble(t), NumberParsing.parseDouble(b, 1, b.length - 1), t);
    }
    for (String bad : new String[] {"abc", "NaN", "Infinity", "0x1p3", "1,5", "-", ""}) {
      byte[] b = bad.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
      assertThrows(NumberFormatException.class, () -> NumberParsing.parseDouble(b, 0, b.length),
          bad);
    }
  }

  @Test
  void errorsNameFileAndLine() throws Exception {
    Path p = dir.resolve("bad.trec");
    Files.writeString(p, "q Q0 d 1 0.5 t\r\nq Q0 e x 0.4 t\n");
    BadInputException e = assertThrows(BadInputException.class, () -> TrecRunReader.read(p));
    assertTrue(e.getMessage().contains(p + " line 2") && e.getMessage().contains("rank 'x'"),
        e.getMessage());
    Path q = dir.resolve("bad.qrels");
    Files.writeString(q, "q 0 d 1\nq 0 d 2\n");
    e = assertThrows(BadInputException.class, () -> TrecQrelsReader.read(q));
    assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("judged twice"),
        e.getMessage());
    e = assertThrows(BadInputException.class, () -> TrecQrelsReader.read(dir.resolve("none")));
    assertTrue(e.getMessage().contains("file not found"), e.getMessage());
  }

  @Test
  void longLinesAndNoTrailingNewlineAreReadUpToTheCap() throws Exception {
    Path p = dir.resolve("long.trec");
    String longId = "d".repeat(900_000); // longer than the 64 KiB read buffer, under the 1 MiB cap
    Files.writeString(p, "q Q0 " + longId + " 1 1 t\nq Q0 short 2 0.5 t");
    TrecRun run = TrecRunReader.read(p);
    assertEquals(2, run.rankings().get("q").size());
    assertEquals(longId, run.rankings().get("q").docId(0));
    assertEquals("short", run.rankings().get("q").docId(1));

    Files.writeString(p, "q Q0 short 2 0.5 t\nq Q0 " + "d".repeat(3 << 20) + " 1 1 t\n");
    BadInputException e = assertThrows(BadInputException.class, () -> TrecRunReader.read(p));
    assertTrue(e.getMessage().contains("long.trec line 2"), e.getMessage());
  }
}
