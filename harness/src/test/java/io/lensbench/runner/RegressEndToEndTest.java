package io.lensbench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lensbench.cli.RegressCommand;
import io.lensbench.regress.Expected;
import io.lensbench.regress.ExpectedFile;
import io.lensbench.stores.embedded.EmbeddedStores;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code lensbench regress} through {@code lensbench run}'s real path against the real Milvus and
 * OpenSearch (fashion test split, 3 queries per set, one strategy, both stores): --update records
 * values, counts and the index sizes the stores report; a check passes; a value moved beyond its
 * tolerance exits 1 naming cell and metric; a lost cell is run again (resume) and checks OK.
 */
class RegressEndToEndTest {
  @TempDir static Path tmp;

  private record Result(int code, String out) {}

  private static Result regress(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
    int code = new CommandLine(new RegressCommand(RegressCommand::runThroughRunCommand, ps, System.err)).execute(args);
    return new Result(code, out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void updateCheckFailAndResumeOnTheRealStores() throws Exception {
    EmbeddedStores.Endpoints endpoints = EndToEndFixture.stores();
    Path data = EndToEndFixture.buildDataset(tmp.resolve("fashion"), 3);
    Path run = tmp.resolve("run");
    Path experiment = Files.writeString(tmp.resolve("tiny.yaml"), String.join("\n",
        "schemaVersion: 1",
        "name: tiny",
        "dataset: {name: fashion, path: '" + data + "'}",
        "querySets: [text-en, text-ko]",
        "stores:",
        "  - {name: milvus, uri: '" + endpoints.milvusUri() + "'}",
        "  - {name: opensearch, uri: '" + endpoints.openSearchUrl() + "'}",
        "models: {captioner: tesseract, ocr: tesseract}", // no joint model needed
        "k: 20",
        "strategies: [{id: crossmodal-summary, type: crossmodal, captioner: text-summary}]",
        "output: '" + run + "'",
        ""));
    Path expectedFile = tmp.resolve("tiny.expected.yaml");

    Result update = regress(experiment.toString(), "--update");
    assertEquals(0, update.code(), update.out());
    Expected expected = ExpectedFile.read(expectedFile);
    assertEquals(4, expected.cells().size(), "2 query sets × 1 strategy × 2 stores");
    int corpus = expected.counts().corpusItems();
    assertEquals(Map.of("milvus", (long) corpus, "opensearch", (long) corpus), expected.counts().indexes().get("crossmodal-summary"),
        "index counts as the stores report them");
    assertEquals("glossary-ko", expected.counts().querySets().get("text-ko").derived());

    Result ok = regress(experiment.toString());
    assertEquals(0, ok.code(), ok.out());
    assertTrue(ok.out().contains("4 cells: 4 OK"), ok.out());

    String cell = "fashion.text-en.crossmodal-summary.opensearch";
    String text = Files.readString(expectedFile);
    double ndcg = expected.cells().get(cell).values().get("ndcg_at_10");
    String was = String.format(Locale.ROOT, "ndcg_at_10: %.4f}", ndcg);
    int at = text.indexOf(was, text.indexOf("  " + cell + ":"));
    Files.writeString(expectedFile, text.substring(0, at) + String.format(Locale.ROOT, "ndcg_at_10: %.4f}", ndcg > 0.5 ? ndcg - 0.05 : ndcg + 0.05)
        + text.substring(at + was.length()));
    Result fail = regress(experiment.toString());
    assertEquals(1, fail.code(), fail.out());
    String line = fail.out().lines().filter(l -> l.startsWith("FAIL")).findFirst().orElseThrow();
    assertTrue(line.contains(cell) && line.contains("ndcg_at_10"), line);
    Files.writeString(expectedFile, text);

    Files.delete(run.resolve("metrics").resolve(cell + ".json"));
    Files.delete(run.resolve("cells").resolve(cell + ".done"));
    Result resumed = regress(experiment.toString());
    assertEquals(0, resumed.code(), resumed.out());
    assertTrue(Files.exists(run.resolve("metrics").resolve(cell + ".json")), "the lost cell was run again");
  }
}
