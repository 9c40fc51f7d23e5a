package io.lensbench.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import javax.imageio.ImageIO;

/**
 * Writes a small, SYNTHETIC run directory in the format of docs/run-directory.md: real catalogue
 * rows and photos from the shared Kaggle fashion sample (read-only; generated colour swatches when
 * that folder is absent, recorded in the card), but rankings produced by a seeded generator — no
 * model. Per-query metrics are computed here from those rankings and the qrels (plain definitions:
 * recall@k, success@k, reciprocal rank, nDCG@10 with raw-grade gains). Holds XSS probes in a query
 * text and in a product name.
 */
public final class SyntheticRun {
  public static final String XSS_QUERY = "red <script>alert(1)</script> \"dress\" for 'her'";
  public static final String XSS_NAME = "Probe \"><img src=x onerror=\"window.__xss=1\"><script>window.__xss=2</script> Tee";
  public static final Path SHARED = Path.of(System.getenv().getOrDefault("LENSBENCH_FASHION_DIR",
      "/work/shared/datasets/fashion-kaggle-default"));

  public record Item(String id, String gender, String type, String colour, String name, Path image) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Creates the run directory; {@code variant} shifts strategy quality (for comparison mode). */
  public static Path create(Path dir, int variant) throws IOException {
    Files.createDirectories(dir);
    List<Item> items = SyntheticCatalogue.items(dir);
    boolean real = Files.isDirectory(SHARED.resolve("images"));

    // ---- query sets: text-en, text-ko, image, table-image-en, image-text
    Map<String, List<ObjectNode>> queries = new LinkedHashMap<>();
    Map<String, Map<String, Map<String, Integer>>> qrels = new LinkedHashMap<>();
    Map<String, String> ko = Map.of("Men", "남성", "Women", "여성", "Tshirts", "티셔츠", "Casual Shoes", "캐주얼화",
        "Handbags", "핸드백", "Watches", "시계", "Shirts", "셔츠", "Kurtas", "쿠르타");
    Map<String, String> koColour = Map.of("Black", "검은색", "White", "흰색", "Blue", "파란색", "Red", "빨간색",
        "Brown", "갈색", "Grey", "회색", "Navy Blue", "남색", "Green", "초록색", "Pink", "분홍색");
    int qn = 0;
    for (String qs : List.of("text-en", "text-ko", "image", "table-image-en", "image-text")) {
      List<ObjectNode> qlist = new ArrayList<>();
      Map<String, Map<String, Integer>> qr = new LinkedHashMap<>();
      for (int i = 0; i < 12; i++) {
        Item src = items.get((i * 7 + qs.length() * 3) % items.size());
        String qid = String.format(Locale.ROOT, "q-%05d", ++qn);
        ObjectNode q = JSON.createObjectNode();
        q.put("id", qid);
        String text = src.gender() + " " + src.colour().toLowerCase(Locale.ROOT) + " " + src.type().toLowerCase(Locale.ROOT);
        switch (qs) {
          case "text-en" -> {
            q.put("kind", "text").put("language", "en").put("text", i == 0 ? XSS_QUERY : text);
          }
          case "text-ko" -> q.put("kind", "text").put("language", "ko").put("text",
              ko.getOrDefault(src.gender(), "남녀공용") + " " + koColour.getOrDefault(src.colour(), "색상") + " "
                  + ko.getOrDefault(src.type(), src.type()));
          case "image" -> q.put("kind", "image").put("language", "none").putNull("text").put("image", src.image().toString());
          case "table-image-en" -> q.put("kind", "table_image").put("language", "en").putNull("text")
              .put("image", SyntheticCatalogue.tableImage(dir, qid, src).toString());
          default -> q.put("kind", "image_text").put("language", "en").put("text", "same style in black")
              .put("image", src.image().toString());
        }
        q.putObject("attributes").put("granularity", "gender+colour+type").put("sourceItem", src.id());
        qlist.add(q);
        Map<String, Integer> rel = new LinkedHashMap<>();
        for (Item it : items) {
          boolean type = it.type().equals(src.type());
          boolean colour = it.colour().equals(src.colour());
          if (type && colour && it.gender().equals(src.gender())) {
            rel.put(it.id(), 2);
          } else if (type) {
            rel.put(it.id(), 1);
          } else if (colour) {
            rel.put(it.id(), 0);
          }
        }
        if (qs.equals("image")) {
          rel.remove(src.id());
        }
        qr.put(qid, rel);
      }
      queries.put(qs, qlist);
      qrels.put(qs, qr);
    }

    // ---- write queries and qrels
    Files.createDirectories(dir.resolve("queries"));
    Files.createDirectories(dir.resolve("qrels"));
    for (String qs : queries.keySet()) {
      StringBuilder b = new StringBuilder();
      for (ObjectNode q : queries.get(qs)) {
        b.append(JSON.writeValueAsString(q)).append('\n');
      }
      Files.writeString(dir.resolve("queries").resolve(qs + ".jsonl"), b.toString(), StandardCharsets.UTF_8);
      StringBuilder r = new StringBuilder();
      qrels.get(qs).forEach((qid, docs) -> docs.forEach((d, g) -> r.append(qid).append(" 0 ").append(d).append(' ').append(g).append('\n')));
      Files.writeString(dir.resolve("qrels").resolve(qs + ".qrels"), r.toString(), StandardCharsets.UTF_8);
    }
    StringBuilder itemsJsonl = new StringBuilder();
    for (Item it : items) {
      ObjectNode o = JSON.createObjectNode();
      o.put("id", it.id()).put("image", it.image().toString()).put("name", it.name());
      o.putObject("attributes").put("gender", it.gender()).put("articleType", it.type()).put("baseColour", it.colour());
      itemsJsonl.append(JSON.writeValueAsString(o)).append('\n');
    }
    Files.writeString(dir.resolve("items.jsonl"), itemsJsonl.toString(), StandardCharsets.UTF_8);

    // ---- cells: strategy × store (+ one reranked cell per query set)
    record Sys(String strategy, String store, String reranker, double quality) {}
    List<Sys> systems = List.of(
        new Sys("joint", "milvus", null, 0.55),
        new Sys("joint", "opensearch", null, 0.55),
        new Sys("text-dense", "milvus", null, 0.70 + 0.05 * variant),
        new Sys("text-dense", "opensearch", null, 0.69 + 0.05 * variant),
        new Sys("multivector-rrf", "milvus", null, 0.80),
        new Sys("multivector-rrf", "opensearch", null, 0.79),
        new Sys("multivector-rrf", "milvus", "llm-listwise", 0.88));
    for (String sub : List.of("metrics", "records", "runs", "cells")) {
      Files.createDirectories(dir.resolve(sub));
    }
    for (String qs : queries.keySet()) {
      for (Sys s : systems) {
        String cell = "fashion." + qs + "." + s.strategy() + "." + s.store() + (s.reranker() == null ? "" : "." + s.reranker());
        long seed = cell.hashCode() * 31L;
        Map<String, Map<String, Double>> perQuery = new TreeMap<>();
        StringBuilder trec = new StringBuilder();
        StringBuilder recs = new StringBuilder();
        for (ObjectNode q : queries.get(qs)) {
          String qid = q.get("id").asText();
          Map<String, Integer> rel = qrels.get(qs).get(qid);
          double quality = s.reranker() != null ? 0.80 : s.quality();
          List<String[]> first = rank(items, rel, quality, seed + qid.hashCode(), q.path("attributes").path("sourceItem").asText(), qs);
          List<String[]> finalList = first;
          ObjectNode rec = JSON.createObjectNode();
          rec.put("query", qid);
          SplittableRandom rnd = new SplittableRandom(seed ^ qid.hashCode());
          if (s.reranker() != null) {
            finalList = rerank(first, rel, rnd);
            ArrayNode fs = rec.putArray("firstStage");
            for (String[] h : first) {
              fs.addObject().put("id", h[0]).put("score", Double.parseDouble(h[1]));
            }
          }
          ArrayNode hits = rec.putArray("hits");
          for (int i = 0; i < finalList.size(); i++) {
            String[] h = finalList.get(i);
            hits.addObject().put("id", h[0]).put("score", Double.parseDouble(h[1]));
            trec.append(qid).append(" Q0 ").append(h[0]).append(' ').append(i + 1).append(' ').append(h[1]).append(' ').append(cell).append('\n');
          }
          double search = (s.store().equals("milvus") ? 3.0 : 4.5) + rnd.nextDouble() * 2;
          double encode = s.strategy().equals("joint") ? 2.5 : 1.3;
          double rr = s.reranker() == null ? 0 : 600 + rnd.nextDouble() * 400;
          rec.putObject("timingMs").put("encode", encode).put("search", search).put("fuse", 0.1).put("rerank", rr)
              .put("total", encode + search + 0.1 + rr);
          if (s.reranker() != null) {
            rec.putObject("rerank").put("policy", "fail-open").put("dropped", rnd.nextInt(3) == 0 ? 1 : 0)
                .put("duplicated", rnd.nextInt(5) == 0 ? 1 : 0).put("invented", rnd.nextInt(7) == 0 ? 1 : 0)
                .put("malformed", false).put("timeout", false).put("httpErrors", 0).put("retries", 0)
                .put("promptTokens", 1200 + rnd.nextInt(200)).put("completionTokens", 50 + rnd.nextInt(20))
                .put("latencyMs", rr).put("cached", false);
          }
          recs.append(JSON.writeValueAsString(rec)).append('\n');
          perQuery.put(qid, metrics(finalList, rel));
        }
        Files.writeString(dir.resolve("runs").resolve(cell + ".trec"), trec.toString(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("records").resolve(cell + ".jsonl"), recs.toString(), StandardCharsets.UTF_8);
        ObjectNode m = JSON.createObjectNode();
        m.put("cell", cell).put("dataset", "fashion").put("querySet", qs).put("strategy", s.strategy()).put("store", s.store());
        if (s.reranker() == null) {
          m.putNull("reranker");
        } else {
          m.put("reranker", s.reranker());
        }
        m.put("numQueries", perQuery.size());
        ObjectNode summary = m.putObject("summary");
        for (String key : perQuery.values().iterator().next().keySet()) {
          double[] v = perQuery.values().stream().mapToDouble(x -> x.get(key)).toArray();
          double[] ci = bootstrap(v, 42);
          summary.putObject(key).put("mean", Arrays.stream(v).average().orElse(0)).put("ciLow", ci[0]).put("ciHigh", ci[1]);
        }
        ObjectNode pq = m.putObject("perQuery");
        perQuery.forEach((qid, vals) -> {
          ObjectNode o = pq.putObject(qid);
          vals.forEach(o::put);
        });
        m.putObject("bootstrap").put("resamples", 1000).put("seed", 42).put("level", 0.95);
        Files.writeString(dir.resolve("metrics").resolve(cell + ".json"), JSON.writeValueAsString(m), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("cells").resolve(cell + ".done"), "ok\n", StandardCharsets.UTF_8);
      }
    }

    // ---- provenance, card, experiment, parity, JMH
    ObjectNode prov = JSON.createObjectNode();
    prov.putObject("git").put("commit", "0123456789abcdef0123456789abcdef01234567").put("dirty", false);
    prov.put("jdk", System.getProperty("java.version")).put("os", "Linux amd64");
    prov.put("startedAt", "2026-11-22T01:00:00Z").put("finishedAt", "2026-11-22T01:02:00Z");
    prov.putObject("dataset").put("name", "fashion").put("checksum", "sha256:synthetic-" + items.size());
    prov.put("configHash", "sha256:c0ffee").put("experimentFile", "experiments/synthetic.yaml");
    ArrayNode models = prov.putArray("models");
    models.addObject().put("id", "all-minilm-l6-v2-q").put("card", "sentence-transformers MiniLM-L6 v2, quantized ONNX, 384-d");
    models.addObject().put("id", "joint-ridge-64").put("card", "ridge map from image features onto MiniLM space (trained here)");
    ArrayNode stores = prov.putArray("stores");
    stores.addObject().put("name", "milvus").put("version", "milvus-lite 3.2.2");
    stores.addObject().put("name", "opensearch").put("version", "2.19.1");
    prov.put("synthetic", true);
    write(dir.resolve("provenance.json"), prov);

    ObjectNode card = JSON.createObjectNode();
    card.put("name", "fashion").put("synthetic", true)
        .put("note", "SYNTHETIC test fixture for the report: rankings are generated, not produced by a model")
        .put("source", real ? "Kaggle Fashion Product Images (shared sample, " + SHARED + ")" : "generated colour swatches")
        .put("licence", "MIT (Kaggle dataset card)").put("items", items.size())
        .put("koreanText", "glossary-derived (attribute glossary), not native Korean product copy");
    write(dir.resolve("dataset-card.json"), card);

    ObjectNode exp = JSON.createObjectNode();
    exp.put("schemaVersion", 1).put("dataset", "fashion");
    exp.putArray("strategies").add("joint").add("text-dense").add("multivector-rrf");
    exp.putArray("stores").add("milvus").add("opensearch");
    exp.put("note", "</script><script>window.__xss=3</script>");
    write(dir.resolve("experiment.resolved.json"), exp);

    ObjectNode parity = JSON.createObjectNode();
    parity.put("k", 10);
    ArrayNode pairs = parity.putArray("pairs");
    String[] strategies = {"joint", "text-dense", "multivector-rrf"};
    for (int i = 0; i < strategies.length; i++) {
      for (String qs : List.of("text-en", "image")) {
        pairs.addObject().put("strategy", strategies[i]).put("querySet", qs).put("storeA", "milvus").put("storeB", "opensearch")
            .put("k", 10).put("overlapAtK", 0.98 - 0.12 * i - (qs.equals("image") ? 0.05 : 0)).put("numQueries", 12);
      }
    }
    write(dir.resolve("parity.json"), parity);

    Files.createDirectories(dir.resolve("bench"));
    ArrayNode jmh = JSON.createArrayNode();
    double[] p99 = {4.1, 6.3, 9.8, 12.4, 1100};
    int j = 0;
    for (Sys s : systems) {
      if (s.store().equals("opensearch") && s.reranker() != null) {
        continue;
      }
      ObjectNode b = jmh.addObject();
      b.put("benchmark", "io.lensbench.benchmarks.SearchBenchmark.search").put("mode", "sample").put("threads", 1).put("forks", 1);
      ObjectNode params = b.putObject("params").put("strategy", s.strategy()).put("store", s.store());
      if (s.reranker() != null) {
        params.put("reranker", s.reranker());
      }
      double base = s.reranker() != null ? p99[4] : p99[j % 4] * (s.store().equals("opensearch") ? 1.3 : 1.0);
      ObjectNode pm = b.putObject("primaryMetric");
      pm.put("score", base * 0.5).put("scoreUnit", "ms/op");
      pm.putObject("scorePercentiles").put("0.0", base * 0.2).put("50.0", base * 0.45).put("90.0", base * 0.8)
          .put("99.0", base).put("99.9", "NaN").put("100.0", base * 1.4);
      j++;
    }
    write(dir.resolve("bench").resolve("jmh.json"), jmh);
    return dir;
  }

  private static void write(Path f, Object node) throws IOException {
    Files.writeString(f, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node), StandardCharsets.UTF_8);
  }

  /** Scores every item: relevant ones get a boost scaled by quality, plus seeded noise; top 20. */
  private static List<String[]> rank(List<Item> items, Map<String, Integer> rel, double quality, long seed, String src, String qs) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<String[]> all = new ArrayList<>();
    for (Item it : items) {
      if (qs.equals("image") && it.id().equals(src)) {
        continue;
      }
      int g = rel.getOrDefault(it.id(), 0);
      double score = (quality - 0.4) * g * 0.5 + rnd.nextDouble();
      all.add(new String[] {it.id(), String.format(Locale.ROOT, "%.4f", score)});
    }
    all.sort(Comparator.<String[]>comparingDouble(a -> -Double.parseDouble(a[1])).thenComparing(a -> a[0], Comparator.reverseOrder()));
    return new ArrayList<>(all.subList(0, Math.min(20, all.size())));
  }

  /** Moves relevant items up among the first 10 and drops one candidate, as a listwise reranker might. */
  private static List<String[]> rerank(List<String[]> first, Map<String, Integer> rel, SplittableRandom rnd) {
    List<String[]> top = new ArrayList<>(first.subList(0, Math.min(10, first.size())));
    top.sort(Comparator.<String[]>comparingInt(a -> -rel.getOrDefault(a[0], 0)).thenComparingDouble(a -> rnd.nextDouble()));
    List<String[]> out = new ArrayList<>();
    for (int i = 0; i < top.size(); i++) {
      out.add(new String[] {top.get(i)[0], String.format(Locale.ROOT, "%.4f", 1.0 - i * 0.05)});
    }
    for (int i = 10; i < first.size(); i++) {
      out.add(first.get(i));
    }
    return out;
  }

  public static Map<String, Double> metrics(List<String[]> hits, Map<String, Integer> rel) {
    long numRel = rel.values().stream().filter(g -> g > 0).count();
    Map<String, Double> m = new TreeMap<>();
    for (int k : new int[] {1, 5, 10, 20}) {
      long found = 0;
      for (int i = 0; i < Math.min(k, hits.size()); i++) {
        if (rel.getOrDefault(hits.get(i)[0], 0) > 0) {
          found++;
        }
      }
      m.put("recall_at_" + k, numRel == 0 ? 0 : (double) found / numRel);
      if (k <= 10) {
        m.put("success_at_" + k, found > 0 ? 1.0 : 0.0);
      }
    }
    double rr = 0;
    for (int i = 0; i < hits.size(); i++) {
      if (rel.getOrDefault(hits.get(i)[0], 0) > 0) {
        rr = 1.0 / (i + 1);
        break;
      }
    }
    m.put("mrr", rr);
    double dcg = 0;
    for (int i = 0; i < Math.min(10, hits.size()); i++) {
      dcg += Math.max(0, rel.getOrDefault(hits.get(i)[0], 0)) / (Math.log(i + 2) / Math.log(2));
    }
    List<Integer> ideal = new ArrayList<>(rel.values().stream().filter(g -> g > 0).toList());
    ideal.sort(Comparator.reverseOrder());
    double idcg = 0;
    for (int i = 0; i < Math.min(10, ideal.size()); i++) {
      idcg += ideal.get(i) / (Math.log(i + 2) / Math.log(2));
    }
    m.put("ndcg_at_10", idcg == 0 ? 0 : dcg / idcg);
    return m;
  }

  private static double[] bootstrap(double[] v, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    double[] means = new double[1000];
    for (int r = 0; r < means.length; r++) {
      double s = 0;
      for (int i = 0; i < v.length; i++) {
        s += v[rnd.nextInt(v.length)];
      }
      means[r] = s / v.length;
    }
    Arrays.sort(means);
    return new double[] {means[25], means[974]};
  }
}
