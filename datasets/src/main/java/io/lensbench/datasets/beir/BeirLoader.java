package io.lensbench.datasets.beir;

import com.fasterxml.jackson.databind.JsonNode;
import io.lensbench.core.BadInputException;
import io.lensbench.core.Names;
import io.lensbench.datasets.Dataset;
import io.lensbench.datasets.Item;
import io.lensbench.datasets.JsonLines;
import io.lensbench.datasets.Problems;
import io.lensbench.datasets.Qrels;
import io.lensbench.datasets.Query;
import io.lensbench.datasets.QueryKind;
import io.lensbench.datasets.QuerySet;
import java.io.IOException;
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
 * line; the load fails listing all of them. The folder's name is the dataset's name and each
 * qrels file's name a query set's name: both follow core {@link Names}, as ids do.
 */
public final class BeirLoader {
  private final Path dir;
  private final String language;
  private final Problems problems = new Problems();
  private final Map<String, Item> items = new LinkedHashMap<>();
  private final Map<String, Query> queries = new LinkedHashMap<>();
  private final Map<String, Integer> queryLines = new HashMap<>();

  private BeirLoader(Path dir, String language) {
    this.dir = dir;
    this.language = language;
  }

  public static Dataset load(Path dirIn, String language) {
    Path dir = dirIn.toAbsolutePath().normalize();
    String name = Names.requireName("BEIR dataset " + dir + ": the folder's name (the dataset's name)",
        String.valueOf(dir.getFileName()));
    return new BeirLoader(dir, language).load(name);
  }

  private Dataset load(String name) {
    readCorpus();
    readQueries();
    List<QuerySet> sets = new ArrayList<>();
    for (Path f : qrelsFiles()) {
      QuerySet set = querySet(f);
      if (set != null) {
        sets.add(set);
      }
    }
    problems.throwIfAny("BEIR dataset " + dir + " is invalid");
    Map<String, Object> card = new LinkedHashMap<>();
    card.put("name", name);
    card.put("format", "beir");
    card.put("language", language);
    return new Dataset(name, dir, items, sets, Map.of(), "", card);
  }

  /** The record's {@code _id}, or null (a problem) when it is missing, duplicate or not an id. */
  private String id(String file, int line, JsonNode n, Map<String, Integer> seen, String what) {
    String id = n.path("_id").asText("");
    if (id.isEmpty()) {
      problems.add(file, line, "", what + " without '_id'");
      return null;
    }
    if (Names.idProblem(id) != null) {
      problems.add(file, line, "", Names.idMessage(what, id));
      return null;
    }
    if (seen.putIfAbsent(id, line) != null) {
      problems.add(file, line, id, String.format(Locale.ROOT,
          "duplicate %s id '%s' (first on line %d)", what, id, seen.get(id)));
      return null;
    }
    return id;
  }

  private void readCorpus() {
    Map<String, Integer> itemLines = new HashMap<>();
    JsonLines.read(dir.resolve("corpus.jsonl"), "corpus.jsonl", problems, (line, n) -> {
      String id = id("corpus.jsonl", line, n, itemLines, "document");
      if (id == null) {
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
  }

  private void readQueries() {
    JsonLines.read(dir.resolve("queries.jsonl"), "queries.jsonl", problems, (line, n) -> {
      String id = id("queries.jsonl", line, n, queryLines, "query");
      if (id == null) {
        return;
      }
      String text = n.path("text").asText("");
      if (text.isBlank()) {
        problems.add("queries.jsonl", line, id, "empty text");
        return;
      }
      queries.put(id, new Query(id, QueryKind.TEXT, language, text, null, metadata(n.get("metadata")), Set.of()));
    });
  }

  private List<Path> qrelsFiles() {
    try (Stream<Path> s = Files.list(dir.resolve("qrels"))) {
      return s.filter(p -> p.getFileName().toString().endsWith(".tsv")).sorted().toList();
    } catch (IOException e) {
      throw new BadInputException("BEIR dataset " + dir + ": expected a qrels/ folder with <split>.tsv files ("
          + e.getMessage() + ")");
    }
  }

  /** The query set of one qrels file, or null when its name is not valid. */
  private QuerySet querySet(Path f) {
    String name = f.getFileName().toString().replaceFirst("\\.tsv$", "");
    String display = "qrels/" + f.getFileName();
    if (!Names.isName(name)) {
      problems.add(display, 0, "", "query-set name: expected " + Names.NAME_RULE + ", found "
          + Names.quote(name));
      return null;
    }
    Map<String, Map<String, Integer>> j = judgments(f, display);
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
    if (qs.isEmpty()) {
      problems.add(display, 0, "", "query set '" + name + "': expected at least one query with a "
          + "relevant document, found none");
    }
    return new QuerySet(name, qs, new Qrels(ordered));
  }

  private Map<String, Map<String, Integer>> judgments(Path f, String display) {
    Map<String, Map<String, Integer>> j = new LinkedHashMap<>();
    JsonLines.lines(f, display, problems, (line, l) -> {
      if (l.isBlank() || (line == 1 && l.startsWith("query-id"))) {
        return;
      }
      String[] p = l.split("\t");
      if (p.length != 3) {
        problems.add(display, line, "", "expected 'query-id<TAB>corpus-id<TAB>score', found '" + l + "'");
        return;
      }
      int score;
      try {
        score = Integer.parseInt(p[2].strip());
      } catch (NumberFormatException e) {
        problems.add(display, line, p[0] + "/" + p[1], "expected an integer score, found '" + p[2] + "'");
        return;
      }
      if (!queries.containsKey(p[0])) {
        problems.add(display, line, p[0] + "/" + p[1], "qrels name unknown query '" + p[0] + "'");
      } else if (!items.containsKey(p[1])) {
        problems.add(display, line, p[0] + "/" + p[1], "qrels name unknown document '" + p[1] + "'");
      } else {
        j.computeIfAbsent(p[0], k -> new LinkedHashMap<>()).put(p[1], score);
      }
    });
    return j;
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
}
