package io.lensbench.scale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lensbench.core.BadInputException;
import io.lensbench.core.ExitCode;
import io.lensbench.stores.IndexSpec;
import io.lensbench.stores.SearchParams;
import io.lensbench.stores.StoreKind;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Index sweeps: expansion into collections and search settings, and every refusal with exit 2. */
class IndexSweepTest {
  private static IndexSweep parse(Object sweep, StoreKind kind) {
    return IndexSweep.parse(sweep, "stores.s", Set.of(kind));
  }

  private static String refused(Object sweep, StoreKind kind) {
    BadInputException e = assertThrows(BadInputException.class, () -> parse(sweep, kind));
    assertEquals(ExitCode.BAD_INPUT.code(), e.exitCode().code());
    return e.getMessage();
  }

  @Test
  void buildParametersMultiplyAndSearchParametersShareACollection() {
    IndexSweep s = parse(List.of(
        Map.of("type", "hnsw", "M", List.of(8, 16), "efConstruction", 200, "ef", List.of(16, 64, 256)),
        Map.of("type", "ivf_flat", "nlist", 64, "nprobe", List.of(4, 16, 128))), StoreKind.MILVUS);
    List<IndexSweep.Config> c = s.configs();
    assertEquals(4, c.size(), "flat + two HNSW graphs + one IVF index");
    assertEquals(IndexSpec.flat(), c.get(0).build());
    assertEquals(IndexSpec.hnsw(16, 200, 16), c.get(2).build());
    assertEquals(List.of(new SearchParams(16, 0), new SearchParams(64, 0), new SearchParams(256, 0)), c.get(2).searches());
    assertEquals("hnsw-m16-efc200 ef=64", c.get(2).label(c.get(2).searches().get(1)));
    assertEquals(List.of(new SearchParams(0, 4), new SearchParams(0, 16)), c.get(3).searches(),
        "nprobe above nlist is left out");
    assertEquals("ivf-nlist64", c.get(3).label());
  }

  @Test
  void flatIsAlwaysTheFirstAndOnlyOnce() {
    IndexSweep s = parse(List.of(Map.of("type", "flat"), Map.of("type", "hnsw")), StoreKind.OPENSEARCH);
    assertEquals(2, s.configs().size(), "a listed flat is the reference itself, built once and first");
    assertEquals(IndexSpec.Type.FLAT, s.configs().get(0).build().type());
    assertEquals(IndexSpec.hnsw(16, 200, 64), s.configs().get(1).build());
  }

  @Test
  void refusesUnknownTypesKeysValuesAndWhatAStoreCannotBuild() {
    assertTrue(refused(List.of(Map.of("type", "diskann")), StoreKind.MILVUS)
        .contains("stores.s[0].type: expected 'flat', 'hnsw' or 'ivf_flat', found 'diskann'"));
    assertTrue(refused(List.of(Map.of("type", "hnsw", "nprobe", 4)), StoreKind.MILVUS)
        .contains("found key 'nprobe'"));
    assertTrue(refused(List.of(Map.of("type", "hnsw", "M", List.of(8, 1))), StoreKind.MILVUS)
        .contains("stores.s[0].M: expected integers 2..100, found 1"));
    assertTrue(refused(List.of(Map.of("type", "hnsw", "ef", "many")), StoreKind.MILVUS)
        .contains("found many"));
    assertTrue(refused(List.of(Map.of("type", "ivf_flat", "nlist", 16, "nprobe", 32)), StoreKind.MILVUS)
        .contains("expected at least one value <= nlist 16"));
    assertTrue(refused(List.of(Map.of("type", "ivf_flat")), StoreKind.OPENSEARCH)
        .contains("store kind 'opensearch' builds [FLAT, HNSW] only, found type 'ivf_flat'"));
    assertTrue(refused(List.of(), StoreKind.MILVUS).contains("expected a non-empty list"));
    assertTrue(refused(List.of("hnsw"), StoreKind.MILVUS).contains("expected a mapping with 'type'"));
  }

  @Test
  void scalePlanFilesAreCheckedToo() {
    String plan = "dataset: fashion\nquick: {steps: [10k, 30k]}\nfull: {steps: [10k]}\n"
        + "stores:\n  opensearch: [{type: ivf_flat, nlist: 8}]\n";
    BadInputException e = assertThrows(BadInputException.class, () -> ScaleFile.parse(plan, "scale.yaml", true));
    assertTrue(e.getMessage().contains("scale.yaml.stores.opensearch[0]: store kind 'opensearch'"), e.getMessage());
    BadInputException order = assertThrows(BadInputException.class, () -> ScaleFile.parse(
        "quick: {steps: [30k, 10k]}\nfull: {steps: [1M]}\nstores: {milvus: [{type: hnsw}]}\n", "p", true));
    assertTrue(order.getMessage().contains("expected ascending sizes"), order.getMessage());
    BadInputException key = assertThrows(BadInputException.class, () -> ScaleFile.parse(
        "quick: {steps: [10k]}\nstores: {milvus: [{type: hnsw}]}\nsize: 3\n", "p", true));
    assertTrue(key.getMessage().contains("found key 'size'"), key.getMessage());
  }
}
