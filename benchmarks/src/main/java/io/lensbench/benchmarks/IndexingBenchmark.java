package io.lensbench.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lensbench.bench.BenchFixture;
import io.lensbench.core.BadInputException;
import io.lensbench.stores.CollectionSchema;
import io.lensbench.stores.RetrievalStore;
import io.lensbench.stores.StoreDocument;
import io.lensbench.stores.StoreKind;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Indexing throughput per store: one measured operation upserts every pre-encoded document of the
 * fixture (batched by the store adapter) into a fresh scratch collection with the same schema as
 * the benchmarked one, then flushes. Items/s = documents / operation time. The scratch collection
 * is recreated before each iteration (outside the measurement) and dropped at the end.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class IndexingBenchmark {

  @Param({StoreKind.MILVUS_ID, StoreKind.OPENSEARCH_ID})
  public String store;

  private RetrievalStore client;
  private CollectionSchema scratch;
  private List<StoreDocument> docs;

  @Setup(Level.Trial)
  public void load() throws IOException {
    BenchFixture f = Fixtures.load();
    if (f.indexDocs() == null || f.indexStrategy() == null) {
      throw new BadInputException("bench fixture has no indexing documents");
    }
    BenchFixture.Cell cell = f.cell(f.indexStrategy(), store);
    client = Fixtures.openChecked(cell);
    CollectionSchema source =
        client
            .describe(cell.collection())
            .orElseThrow(() -> new BadInputException("cannot describe " + cell.collection()));
    scratch =
        new CollectionSchema(
            "lb_bench_indexing_" + store.replace('-', '_'), source.vectors(), source.texts(), source.scalars(),
            Map.of("purpose", "lensbench indexing benchmark (scratch)"));
    docs = readDocs(f);
  }

  static List<StoreDocument> readDocs(BenchFixture f) throws IOException {
    ObjectMapper m = new ObjectMapper();
    List<StoreDocument> out = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(f.indexDocs(), StandardCharsets.UTF_8)) {
      String line;
      while ((line = r.readLine()) != null) {
        JsonNode n = m.readTree(line);
        Map<String, float[]> vectors = new LinkedHashMap<>();
        n.path("vectors").fields().forEachRemaining(e -> {
          float[] v = new float[e.getValue().size()];
          for (int i = 0; i < v.length; i++) {
            v[i] = (float) e.getValue().get(i).asDouble();
          }
          vectors.put(e.getKey(), v);
        });
        Map<String, String> texts = new LinkedHashMap<>();
        n.path("texts").fields().forEachRemaining(e -> texts.put(e.getKey(), e.getValue().asText()));
        Map<String, Object> scalars = new LinkedHashMap<>();
        n.path("scalars").fields().forEachRemaining(e -> scalars.put(e.getKey(),
            e.getValue().isNumber() ? (Object) e.getValue().asLong() : e.getValue().asText()));
        out.add(new StoreDocument(n.get("id").asText(), vectors, texts, scalars));
      }
    }
    return out;
  }

  @Setup(Level.Iteration)
  public void fresh() {
    client.drop(scratch.name());
    client.create(scratch);
  }

  @Benchmark
  public long upsertAndFlush() {
    client.upsert(scratch.name(), docs);
    client.flush(scratch.name());
    return docs.size();
  }

  @TearDown(Level.Trial)
  public void close() {
    if (client != null) {
      client.drop(scratch.name());
      client.close();
    }
  }
}
