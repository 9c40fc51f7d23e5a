package io.lensbench.runner;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.lensbench.core.BadInputException;
import io.lensbench.datasets.Query;
import io.lensbench.datasets.QuerySet;
import io.lensbench.core.SearchHit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reading and writing the files of a run directory (docs/run-directory.md). */
final class RunFiles {
  static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
  static final ObjectMapper JSONL = new ObjectMapper();

  private RunFiles() {}

  /** Writes atomically: to a temp file next to the target, then a move. */
  static void writeString(Path file, String content) {
    try {
      Files.createDirectories(file.getParent());
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      Files.writeString(tmp, content, StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  static void writeJson(Path file, Object value) {
    try {
      writeString(file, JSON.writeValueAsString(value) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serialise " + file, e);
    }
  }

  static JsonNode readJson(Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new BadInputException(
          String.format(Locale.ROOT, "%s: cannot read JSON (%s)", file, e.getMessage()), e);
    }
  }

  /**
   * The run directory's fixed parts: the resolved experiment, the dataset card, the corpus
   * (items.jsonl) and every query set's queries and qrels.
   */
  static void writeInputs(Path dir, String resolvedJson, io.lensbench.datasets.Dataset dataset,
      RunSelection selection) {
    writeString(dir.resolve("experiment.resolved.json"), resolvedJson);
    writeJson(dir.resolve("dataset-card.json"), dataset.card());
    writeString(dir.resolve("items.jsonl"), itemsJsonl(selection.corpus()));
    for (QuerySet qs : selection.querySets()) {
      writeString(dir.resolve("queries").resolve(qs.name() + ".jsonl"), queriesJsonl(qs));
      writeString(dir.resolve("qrels").resolve(qs.name() + ".qrels"), qrels(qs));
    }
  }

  /** TREC run: "qid Q0 docid rank score tag"; scores as float, as trec_eval reads them. */
  static String trecRun(List<Query> queries, Map<String, List<SearchHit>> run, String tag) {
    StringBuilder sb = new StringBuilder();
    for (Query q : queries) {
      List<SearchHit> hits = run.getOrDefault(q.id(), List.of());
      for (int i = 0; i < hits.size(); i++) {
        SearchHit h = hits.get(i);
        sb.append(q.id()).append(" Q0 ").append(h.id()).append(' ').append(i + 1).append(' ')
            .append(Float.toString((float) h.score())).append(' ').append(tag).append('\n');
      }
    }
    return sb.toString();
  }

  static String qrels(QuerySet qs) {
    StringBuilder sb = new StringBuilder();
    qs.qrels().asMap().forEach(
        (q, docs) -> docs.forEach(
            (d, g) -> sb.append(q).append(" 0 ").append(d).append(' ').append(g).append('\n')));
    return sb.toString();
  }

  static String queriesJsonl(QuerySet qs) {
    StringBuilder sb = new StringBuilder();
    try {
      for (Query q : qs.queries()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", q.id());
        m.put("kind", q.kind().wireName());
        m.put("language", q.language());
        m.put("text", q.text());
        m.put("image", q.image() == null ? null : q.image().toAbsolutePath().toString());
        m.put("attributes", new java.util.TreeMap<>(q.attributes()));
        if (!q.excludeIds().isEmpty()) {
          m.put("excludeIds", new java.util.TreeSet<>(q.excludeIds()));
        }
        sb.append(JSONL.writeValueAsString(m)).append('\n');
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return sb.toString();
  }

  /** items.jsonl for the report's drill-down: {"id","image","name","attributes"}. */
  static String itemsJsonl(List<io.lensbench.datasets.Item> items) {
    StringBuilder sb = new StringBuilder();
    try {
      for (io.lensbench.datasets.Item it : items) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", it.id());
        m.put("image", it.image() == null ? null : it.image().toAbsolutePath().toString());
        m.put("name", io.lensbench.strategies.TextSummary.name(it));
        m.put("attributes", new java.util.TreeMap<>(it.attributes()));
        sb.append(JSONL.writeValueAsString(m)).append('\n');
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return sb.toString();
  }

  static String recordLine(QueryRecord r) {
    try {
      return JSONL.writeValueAsString(r.toJson());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads records/<cell>.jsonl: query id → final hits. */
  static Map<String, List<SearchHit>> readRecordHits(Path file) {
    Map<String, List<SearchHit>> out = new LinkedHashMap<>();
    try {
      int line = 0;
      for (String s : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        line++;
        if (s.isBlank()) {
          continue;
        }
        JsonNode n = JSONL.readTree(s);
        if (!n.has("query") || !n.has("hits")) {
          throw new BadInputException(String.format(Locale.ROOT,
              "%s line %d: expected keys 'query' and 'hits'", file, line));
        }
        List<SearchHit> hits = new ArrayList<>();
        for (JsonNode h : n.get("hits")) {
          hits.add(new SearchHit(h.get("id").asText(), h.get("score").asDouble()));
        }
        out.put(n.get("query").asText(), hits);
      }
    } catch (IOException e) {
      throw new BadInputException(
          String.format(Locale.ROOT, "%s: cannot read records (%s)", file, e.getMessage()), e);
    }
    return out;
  }
}
