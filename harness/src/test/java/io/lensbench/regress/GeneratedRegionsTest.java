package io.lensbench.regress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lensbench.core.BadInputException;
import io.lensbench.testkit.SyntheticRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tables of results in the docs are generated: a region is rewritten from its expected file, a
 * region that differs is found stale, and a region naming what the file lacks is bad input naming
 * the document's line. Also: the project's own README.md and docs are up to date.
 */
class GeneratedRegionsTest {
  @TempDir Path tmp;

  @Test
  void regionIsRewrittenFromItsExpectedFileAndDriftIsFound() throws Exception {
    Path root = Files.createDirectories(tmp.resolve("project"));
    Expected e = ExpectedFileTest.measured(SyntheticRun.create(tmp.resolve("run"), 0));
    ExpectedFile.write(root.resolve("experiments/synthetic.expected.yaml"), e, "experiments/synthetic.yaml");
    String begin = "<!-- BEGIN GENERATED: t from=experiments/synthetic.expected.yaml stores=milvus,opensearch "
        + "strategies=joint,text-dense querySets=text-ko,image metrics=mrr -->";
    Path readme = root.resolve("README.md");
    Files.writeString(readme, "# x\n\n" + begin + "\nhand-typed numbers\n<!-- END GENERATED: t -->\n\nafter\n");
    assertEquals(List.of(readme), GeneratedRegions.stale(root));
    assertEquals(List.of(readme), GeneratedRegions.writeAll(root));
    assertEquals(List.of(), GeneratedRegions.stale(root), "up to date once written");
    String text = Files.readString(readme);
    assertTrue(text.contains("| query set | joint · milvus | joint · opensearch | text-dense · milvus | text-dense · opensearch |"), text);
    String mrr = ExpectedYaml.value(e.cells().get("fashion.image.joint.milvus").values().get("mrr"));
    assertTrue(text.contains("| image | " + mrr + " |"), text);
    assertTrue(text.contains("MRR on milvus and opensearch, generated from [synthetic.expected.yaml](experiments/synthetic.expected.yaml)"), text);
    assertTrue(text.endsWith("<!-- END GENERATED: t -->\n\nafter\n"), "text around the region kept");
    assertTrue(!text.contains("hand-typed"), text);

    Path doc = Files.createDirectories(root.resolve("docs")).resolve("x.md");
    String example = "```\n" + begin + "\n<!-- END GENERATED: t -->\n```\n";
    Files.writeString(doc, example);
    assertEquals(List.of(), GeneratedRegions.writeAll(root), "a marker in a code block is an example, left alone");
    assertEquals(example, Files.readString(doc));
    Files.writeString(doc, "\n\n" + begin.replace("stores=milvus,opensearch", "stores=qdrant") + "\n<!-- END GENERATED: t -->\n");
    BadInputException bad = assertThrows(BadInputException.class, () -> GeneratedRegions.writeAll(root));
    assertTrue(bad.getMessage().startsWith("docs/x.md line 3: region 't': expected a store of the expected file (milvus, opensearch), "
        + "found 'qdrant'"), bad.getMessage());
    Files.writeString(doc, begin.replace("from=experiments/", "from=../../") + "\n<!-- END GENERATED: t -->\n");
    assertThrows(BadInputException.class, () -> GeneratedRegions.writeAll(root), "a file outside the project");
  }

  @Test
  void theProjectsReadmeAndDocsMatchTheirExpectedFiles() {
    Path root = Path.of("..").toAbsolutePath().normalize();
    assertTrue(Files.isRegularFile(root.resolve("experiments/demo.expected.yaml")), "precondition: run from the harness module");
    assertTrue(GeneratedRegions.read(root.resolve("README.md")).contains("BEGIN GENERATED: demo-table"), "the README's table is generated");
    assertEquals(List.of(), GeneratedRegions.stale(root),
        "tables differ from experiments/*.expected.yaml: run ./lensbench regress experiments/demo.yaml --tables");
  }
}
