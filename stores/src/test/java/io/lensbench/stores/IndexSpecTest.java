package io.lensbench.stores;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Index specs: stored schemas, fingerprints and search-time parameters. */
class IndexSpecTest {
  private static CollectionSchema schema(IndexSpec spec) {
    return new CollectionSchema("c", List.of(new VectorField("v", 4, Metric.COSINE, spec)), List.of(), List.of(), Map.of());
  }

  @Test
  void flatAndHnswAreStoredAndPrintedAsBeforeIvfExisted() {
    SchemaCodec codec = new SchemaCodec();
    String hnsw = codec.toJson(schema(IndexSpec.hnsw(16, 200, 64)));
    assertFalse(hnsw.contains("nlist") || hnsw.contains("nprobe"), hnsw);
    assertEquals("IndexSpec[type=HNSW, m=16, efConstruction=200, efSearch=64]", IndexSpec.hnsw(16, 200, 64).toString());
    assertEquals("IndexSpec[type=FLAT, m=0, efConstruction=0, efSearch=0]", IndexSpec.flat().toString());
    CollectionSchema ivf = schema(IndexSpec.ivfFlat(128, 8));
    assertEquals(ivf, codec.fromJson(codec.toJson(ivf), "test"));
    assertEquals(schema(IndexSpec.flat()), codec.fromJson(codec.toJson(schema(IndexSpec.flat())), "test"));
  }

  @Test
  void searchParametersReplaceOnlyWhatTheIndexSearchesWith() {
    assertEquals(IndexSpec.hnsw(16, 200, 256), IndexSpec.hnsw(16, 200, 64).searchedWith(new SearchParams(256, 0)));
    assertEquals(IndexSpec.hnsw(16, 200, 64), IndexSpec.hnsw(16, 200, 64).searchedWith(SearchParams.DEFAULT));
    assertEquals(IndexSpec.ivfFlat(128, 32), IndexSpec.ivfFlat(128, 8).searchedWith(new SearchParams(99, 32)));
    assertEquals(IndexSpec.flat(), IndexSpec.flat().searchedWith(new SearchParams(64, 8)));
    assertTrue(StoreKind.MILVUS.indexTypes().contains(IndexSpec.Type.IVF_FLAT));
    assertFalse(StoreKind.OPENSEARCH.indexTypes().contains(IndexSpec.Type.IVF_FLAT));
  }
}
