package io.lensbench.datasets.beir;

import com.fasterxml.jackson.databind.JsonNode;
import io.lensbench.core.BadInputException;
import io.lensbench.datasets.Dataset;
import io.lensbench.datasets.Item;
import io.lensbench.datasets.Json;
import io.lensbench.datasets.Problems;
import io.lensbench.datasets.Qrels;
import io.lensbench.datasets.Query;
import io.lensbench.datasets.QueryKind;
import io.lensbench.datasets.QuerySet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Loads a BEIR text dataset: {@code corpus.jsonl} ({@code _id, title, text[, metadata]}),
 * {@code queries.jsonl} ({@code _id, text[, metadata]}) and {@code qrels/<split>.tsv}
 * ({@code query-id corpus-id score}, tab-separated, with a header). Each qrels file becomes a
 * query set named after it, holding the queries it judges. Items get texts {@code title_<lang>}
 * and {@code text_<lang>}; string metadata becomes attributes. Problems are reported with file and
 * line; the load fails listing all of them.
 */
public final class BeirLoader {
  private BeirLoader() {}

  public static Dataset load(Path dirIn, String language) {
    Path dir = dirIn.toAbsolutePath().normalize();
    Problems problems = new Problems();
    Map<String, Item> items = new LinkedHashMap<>();
    Map<String, Integer> itemLines = new HashMap<>();
    readJsonl(dir.resolve("corpus.jsonl"), "corpus.jsonl", problems, (line, n) -> {
      String id = n.path("_id").asText("");
      if (id.isEmpty()) {
        problems.add("corpus.jsonl", line, "", "document without '_id'");
        return;
      }
      if (itemLines.putIfAbsent(id, line) != null) {
        problems.add("corpus.jsonl", line, id, String.format(Locale.ROOT,
            "duplicate document id '%s' (first on line %d)", id, itemLines.get(id)));
        return;
      }
      String title = n.path("title").asText("");
      String text = n.path("text").asText("");
      if (title.isBlank() && text.isBlank()) {
        problems.add("corpus.jsonl", line, id, "empty text: both 'title' and 'text' are empty");
        return;
      }
      Map<String, String> texts = new LinkedHashMap<>();
      if (!title.isBlank()) {
        texts.put("title_" + language, title);
      }
      if (!text.isBlank()) {
        texts.put("text_" + language, text);
      }
      items.put(id, new Item(id, null, texts, metadata(n.get("metadata"))));
    });
    Map<String, Query> queries = new LinkedHashMap<>();
    Map<String, Integer> queryLines = new HashMap<>();
    readJsonl(dir.resolve("queries.jsonl"), "queries.jsonl", problems, (line, n) -> {
      String id = n.path("_id").asText("");
      if (id.isEmpty()) {
        problems.add("queries.jsonl", line, "", "query without '_id'");
        return;
      }
      if (queryLines.putIfAbsent(id, line) != null) {
        problems.add("queries.jsonl", line, id, String.format(Locale.ROOT,
            "duplicate query id '%s' (first on line %d)", id, queryLines.get(id)));
        return;
      }
      String text = n.path("text").asText("");
      if (text.isBlank()) {
        problems.add("queries.jsonl", line, id, "empty text");
        return;
      }
      queries.put(id, new Query(id, QueryKind.TEXT, language, text, null, metadata(n.get("metadata")), Set.of()));
    });
    List<QuerySet> sets = new ArrayList<>();
    Path qrelsDir = dir.resolve("qrels");
    List<Path> files;
    try (Stream<Path> s = Files.list(qrelsDir)) {
      files = s.filter(p -> p.getFileName().toString().endsWith(".tsv")).sorted().toList();
    } catch (IOException e) {
      throw new BadInputException("BEIR dataset " + dir + ": expected a qrels/ folder with <split>.tsv files ("
          + e.getMessage() + ")");
    }
    for (Path f : files) {
      String name = f.getFileName().toString().replaceFirst("\\.tsv$", "");
      String display = "qrels/" + f.getFileName();
      Map<String, Map<String, Integer>> j = new LinkedHashMap<>();
      List<String> lines = readLines(f, display, problems);
      for (int i = 0; i < lines.size(); i++) {
        String l = lines.get(i);
        if (l.isBlank() || (i == 0 && l.startsWith("query-id"))) {
          continue;
        }
        String[] p = l.split("\t");
        if (p.length != 3) {
          problems.add(display, i + 1, "", "expected 'query-id<TAB>corpus-id<TAB>score', found '" + l + "'");
          continue;
        }
        int score;
        try {
          score = Integer.parseInt(p[2].strip());
        } catch (NumberFormatException e) {
          problems.add(display, i + 1, p[0] + "/" + p[1], "expected an integer score, found '" + p[2] + "'");
          continue;
        }
        if (!queries.containsKey(p[0])) {
          problems.add(display, i + 1, p[0] + "/" + p[1], "qrels name unknown query '" + p[0] + "'");
          continue;
        }
        if (!items.containsKey(p[1])) {
          problems.add(display, i + 1, p[0] + "/" + p[1], "qrels name unknown document '" + p[1] + "'");
          continue;
        }
        j.computeIfAbsent(p[0], k -> new LinkedHashMap<>()).put(p[1], score);
      }
      List<Query> qs = new ArrayList<>();
      Map<String, Map<String, Integer>> ordered = new LinkedHashMap<>();
      for (Query q : queries.values()) {
        Map<String, Integer> qj = j.get(q.id());
        if (qj == null) {
          continue;
        }
        if (qj.values().stream().noneMatch(v -> v > 0)) {
          problems.add("queries.jsonl", queryLines.get(q.id()), q.id(),
              "query has no relevant document in " + display);
          continue;
        }
        qs.add(q);
        ordered.put(q.id(), qj);
      }
      sets.add(new QuerySet(name, qs, new Qrels(ordered)));
    }
    problems.throwIfAny("BEIR dataset " + dir + " is invalid");
    Map<String, Object> card = new LinkedHashMap<>();
    card.put("name", dir.getFileName().toString());
    card.put("format", "beir");
    card.put("language", language);
    return new Dataset(dir.getFileName().toString(), dir, items, sets, Map.of(), "", card);
  }

  private static Map<String, String> metadata(JsonNode n) {
    Map<String, String> m = new LinkedHashMap<>();
    if (n != null && n.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> it = n.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        if (e.getValue().isValueNode() && !e.getValue().isNull()) {
          m.put(e.getKey(), e.getValue().asText());
        }
      }
    }
    return m;
  }

  interface Handler {
    void accept(int line, JsonNode node);
  }

  private static void readJsonl(Path f, String display, Problems problems, Handler h) {
    List<String> lines = readLines(f, display, problems);
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      try {
        JsonNode n = Json.LINE.readTree(lines.get(i));
        if (!n.isObject()) {
          problems.add(display, i + 1, "", "expected a JSON object");
          continue;
        }
        h.accept(i + 1, n);
      } catch (IOException e) {
        problems.add(display, i + 1, "", "not valid JSON: " + e.getMessage());
      }
    }
  }

  private static List<String> readLines(Path f, String display, Problems problems) {
    try {
      return Files.readAllLines(f, StandardCharsets.UTF_8);
    } catch (IOException e) {
      problems.add(display, 0, "", "cannot read " + f + ": " + e.getMessage());
      return List.of();
    }
  }
}
