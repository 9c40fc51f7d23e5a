package io.lensbench.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lensbench.core.BadInputException;
import io.lensbench.strategies.QueryPlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the JMH benchmarks measure against, written by {@code lensbench bench} after the
 * experiment's indexes are built: the collections (name and expected count) per strategy ×
 * store, and a seeded ring of pre-encoded query plans per strategy (with the query ids and their
 * texts/images, so end-to-end benchmarks can encode the same queries).
 *
 * @param experiment the experiment file the indexes were built from
 * @param runDir the run directory (results go to {@code bench/})
 * @param cells one entry per strategy × store
 * @param rings per strategy: the seeded ring of queries with their pre-encoded plans
 * @param indexDocs JSONL file of pre-encoded documents for the indexing benchmark
 * @param indexStrategy the strategy whose schema and documents the indexing benchmark uses
 * @param textEncoder text encoder id for the encoder benchmark
 * @param jointModel trained joint model folder for the encoder benchmark (null when none)
 * @param texts sample query texts (seeded) for the encoder benchmark
 * @param images sample query images (seeded) for the encoder and rerank benchmarks
 */
public record BenchFixture(
    Path experiment,
    Path runDir,
    List<Cell> cells,
    Map<String, List<RingQuery>> rings,
    Path indexDocs,
    String indexStrategy,
    String textEncoder,
    Path jointModel,
    List<String> texts,
    List<Path> images) {

  /**
   * One indexed collection the benchmarks search.
   *
   * @param uri the store's address as the run resolved it (null: the store name's default)
   */
  public record Cell(String strategy, String store, String collection, long count, String uri) {
    public Cell(String strategy, String store, String collection, long count) {
      this(strategy, store, collection, count, null);
    }

    public Cell withUri(String address) {
      return new Cell(strategy, store, collection, count, address);
    }
  }

  /** One query of a ring: its id, query set and pre-encoded plan. */
  public record RingQuery(String querySet, String queryId, QueryPlan plan) {}

  public Cell cell(String strategy, String store) {
    return cells.stream()
        .filter(c -> c.strategy().equals(strategy) && c.store().equals(store))
        .findFirst()
        .orElseThrow(
            () ->
                new BadInputException(
                    "bench fixture has no collection for strategy '" + strategy + "' on store '"
                        + store + "' (it has " + cells + ")"));
  }

  public List<RingQuery> ring(String strategy) {
    List<RingQuery> r = rings.get(strategy);
    if (r == null || r.isEmpty()) {
      throw new BadInputException(
          "bench fixture has no query ring for strategy '" + strategy + "' (it has "
              + rings.keySet() + ")");
    }
    return r;
  }

  public void write(Path file) throws IOException {
    ObjectMapper m = new ObjectMapper();
    var root = m.createObjectNode();
    root.put("schemaVersion", 1);
    root.put("experiment", experiment.toString());
    root.put("runDir", runDir.toString());
    root.put("indexDocs", indexDocs == null ? null : indexDocs.toString());
    root.put("indexStrategy", indexStrategy);
    root.put("textEncoder", textEncoder);
    root.put("jointModel", jointModel == null ? null : jointModel.toString());
    var ts = root.putArray("texts");
    texts.forEach(ts::add);
    var is = root.putArray("images");
    images.forEach(p -> is.add(p.toString()));
    var cs = root.putArray("cells");
    for (Cell c : cells) {
      cs.addObject()
          .put("strategy", c.strategy())
          .put("store", c.store())
          .put("collection", c.collection())
          .put("count", c.count())
          .put("uri", c.uri());
    }
    var rs = root.putObject("rings");
    rings.forEach(
        (s, list) -> {
          var arr = rs.putArray(s);
          for (RingQuery q : list) {
            var o = arr.addObject();
            o.put("querySet", q.querySet()).put("queryId", q.queryId());
            o.set("plan", PlanCodec.write(m, q.plan()));
          }
        });
    Files.createDirectories(file.toAbsolutePath().getParent());
    m.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), root);
  }

  public static BenchFixture read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new BadInputException(
          "bench fixture " + file + " does not exist: run `lensbench bench` (it writes it)");
    }
    try {
      JsonNode root = new ObjectMapper().readTree(file.toFile());
      List<Cell> cells = new ArrayList<>();
      for (JsonNode c : root.get("cells")) {
        cells.add(
            new Cell(
                c.get("strategy").asText(),
                c.get("store").asText(),
                c.get("collection").asText(),
                c.get("count").asLong(),
                c.path("uri").asText(null)));
      }
      Map<String, List<RingQuery>> rings = new LinkedHashMap<>();
      var it = root.get("rings").fields();
      while (it.hasNext()) {
        var e = it.next();
        List<RingQuery> list = new ArrayList<>();
        int i = 0;
        for (JsonNode q : e.getValue()) {
          list.add(
              new RingQuery(
                  q.get("querySet").asText(),
                  q.get("queryId").asText(),
                  PlanCodec.read(q.get("plan"), file + " rings." + e.getKey() + "[" + i + "]")));
          i++;
        }
        rings.put(e.getKey(), list);
      }
      JsonNode docs = root.get("indexDocs");
      List<String> texts = new ArrayList<>();
      root.path("texts").forEach(t -> texts.add(t.asText()));
      List<Path> images = new ArrayList<>();
      root.path("images").forEach(t -> images.add(Path.of(t.asText())));
      JsonNode joint = root.get("jointModel");
      return new BenchFixture(
          Path.of(root.get("experiment").asText()),
          Path.of(root.get("runDir").asText()),
          cells,
          rings,
          docs == null || docs.isNull() ? null : Path.of(docs.asText()),
          root.path("indexStrategy").asText(null),
          root.path("textEncoder").asText(null),
          joint == null || joint.isNull() ? null : Path.of(joint.asText()),
          texts,
          images);
    } catch (IOException | RuntimeException e) {
      if (e instanceof BadInputException b) {
        throw b;
      }
      throw new BadInputException("bench fixture " + file + " is malformed: " + e.getMessage(), e);
    }
  }
}
