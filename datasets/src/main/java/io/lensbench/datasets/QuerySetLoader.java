package io.lensbench.datasets;

import static io.lensbench.datasets.JsonLines.stringMap;
import static io.lensbench.datasets.JsonLines.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.lensbench.core.BadInputException;
import io.lensbench.core.Names;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Loads one query set of a dataset being loaded: {@code queries/<set>.jsonl} and {@code
 * qrels/<set>.qrels}, checked against the corpus and the splits. Problems go to the load's list;
 * judgments and queries dropped only because an item was skipped go to {@code cascade}.
 */
final class QuerySetLoader {
  private record ParsedQuery(String file, int line, Query query, boolean valid) {}

  private final Path dir;
  private final Map<String, DatasetLoader.ParsedItem> items;
  private final Map<String, Split> splits;
  private final String searchSplit;
  private final ImageRoots images;
  private final Problems problems;
  private final List<Problem> cascade;

  QuerySetLoader(Path dir, Map<String, DatasetLoader.ParsedItem> items, Map<String, Split> splits,
      String searchSplit, ImageRoots images, Problems problems, List<Problem> cascade) {
    this.dir = dir;
    this.items = items;
    this.splits = splits;
    this.searchSplit = searchSplit;
    this.images = images;
    this.problems = problems;
    this.cascade = cascade;
  }

  QuerySet load(String set) {
    String qfile = NativeLayout.QUERIES_DIR + "/" + set + ".jsonl";
    Map<String, ParsedQuery> parsed = new LinkedHashMap<>();
    JsonLines.read(dir.resolve(qfile), qfile, problems, (line, node) -> {
      String id = text(node, "id");
      if (id == null || id.isBlank()) {
        problems.add(qfile, line, "", "query without an 'id'");
      } else if (Names.idProblem(id) != null) {
        problems.add(qfile, line, "", Names.idMessage("query", id));
      } else if (parsed.containsKey(id)) {
        problems.add(qfile, line, id, String.format(Locale.ROOT,
            "duplicate query id '%s' (first on line %d)", id, parsed.get(id).line()));
      } else {
        parsed.put(id, query(qfile, line, id, node));
      }
    });
    String rfile = NativeLayout.QRELS_DIR + "/" + set + ".qrels";
    Map<String, Map<String, Integer>> judgments = judgments(set, qfile, rfile, parsed);
    List<Query> queries = new ArrayList<>();
    Map<String, Map<String, Integer>> kept = new LinkedHashMap<>();
    for (ParsedQuery pq : parsed.values()) {
      if (pq.valid() && hasRelevant(pq, rfile, judgments.getOrDefault(pq.query().id(), Map.of()))) {
        queries.add(pq.query());
        kept.put(pq.query().id(), judgments.getOrDefault(pq.query().id(), Map.of()));
      }
    }
    return new QuerySet(set, queries, new Qrels(kept));
  }

  private ParsedQuery query(String qfile, int line, String id, JsonNode node) {
    String kindName = text(node, "kind");
    QueryKind kind;
    try {
      kind = QueryKind.parse(kindName == null ? "(missing)" : kindName, qfile + " line " + line);
    } catch (BadInputException e) {
      problems.add(qfile, line, id, String.format(Locale.ROOT,
          "unknown query kind '%s' (expected one of text, image, table_image, image_text)", kindName));
      return new ParsedQuery(qfile, line, null, false);
    }
    boolean valid = true;
    String qtext = text(node, "text");
    if (kind.hasText() && (qtext == null || qtext.isBlank())) {
      problems.add(qfile, line, id, "empty text for a " + kind.wireName() + " query");
      valid = false;
    }
    String imageRef = text(node, "image");
    Path image = null;
    if (kind.hasImage()) {
      if (imageRef == null || imageRef.isBlank()) {
        problems.add(qfile, line, id, "no image for a " + kind.wireName() + " query");
        valid = false;
      } else {
        ImageRoots.Resolved r = images.resolve(imageRef);
        image = r.path();
        if (r.problem() != null) {
          problems.add(qfile, line, id, r.problem());
          valid = false;
        }
      }
    }
    String language = text(node, "language");
    if (language == null || language.isBlank()) {
      problems.add(qfile, line, id, "missing 'language' (ISO 639-1 code, or 'none')");
      valid = false;
    }
    Set<String> exclude = new LinkedHashSet<>();
    JsonNode ex = node.get("excludeIds");
    if (ex != null && ex.isArray()) {
      for (JsonNode e : ex) {
        if (!items.containsKey(e.asText())) {
          problems.add(qfile, line, id, "excludeIds names unknown item '" + e.asText() + "'");
          valid = false;
        }
        exclude.add(e.asText());
      }
    }
    Query q = new Query(id, kind, language, qtext, image, stringMap(node.get("attributes"), false), exclude);
    return new ParsedQuery(qfile, line, q, valid);
  }

  /** The judgments of the valid queries on valid items; each bad line is a problem. */
  private Map<String, Map<String, Integer>> judgments(String set, String qfile, String rfile,
      Map<String, ParsedQuery> parsed) {
    Map<String, Map<String, Integer>> judgments = new LinkedHashMap<>();
    Path rpath = dir.resolve(rfile);
    if (!Files.isRegularFile(rpath)) {
      problems.add(rfile, 0, "", "qrels file missing for query set '" + set + "'");
      return judgments;
    }
    Map<String, Integer> seen = new HashMap<>();
    for (QrelsFiles.Line l : QrelsFiles.read(rpath, rfile, problems)) {
      String pair = l.queryId() + "/" + l.docId();
      ParsedQuery pq = parsed.get(l.queryId());
      DatasetLoader.ParsedItem pi = items.get(l.docId());
      String problem = judgmentProblem(l, qfile, pq, pi, seen);
      if (problem != null) {
        problems.add(rfile, l.line(), pair, problem);
      } else if (!pi.valid()) {
        cascade.add(new Problem(rfile, l.line(), pair, "skipped: item '" + l.docId() + "' was skipped"));
      } else if (pq.valid()) { // an invalid query is skipped whole and listed already
        judgments.computeIfAbsent(l.queryId(), k -> new LinkedHashMap<>()).put(l.docId(), l.grade());
      }
    }
    return judgments;
  }

  private String judgmentProblem(QrelsFiles.Line l, String qfile, ParsedQuery pq,
      DatasetLoader.ParsedItem pi, Map<String, Integer> seen) {
    String pair = l.queryId() + "/" + l.docId();
    if (pq == null) {
      return "qrels name unknown query '" + l.queryId() + "' (not in " + qfile + ")";
    }
    if (pi == null) {
      return String.format(Locale.ROOT, "qrels name unknown item '%s' (not in %s, %d items)",
          l.docId(), NativeLayout.CORPUS, items.size());
    }
    if (searchSplit.equals("test") && splits.get(l.docId()) == Split.TRAIN) {
      return "qrels name train item '" + l.docId() + "' but dataset.json says searchSplit=test";
    }
    Integer first = seen.putIfAbsent(pair, l.line());
    return first == null ? null : String.format(Locale.ROOT,
        "duplicate judgment for %s (first on line %d)", pair, first);
  }

  /** Whether a valid query keeps a relevant item; if not, why it is dropped is recorded. */
  private boolean hasRelevant(ParsedQuery pq, String rfile, Map<String, Integer> j) {
    Query q = pq.query();
    boolean anyRelevant = j.entrySet().stream()
        .anyMatch(e -> e.getValue() > 0 && !q.excludeIds().contains(e.getKey()));
    if (anyRelevant) {
      return true;
    }
    boolean hadSkippedItems = cascade.stream().anyMatch(c -> c.file().equals(rfile)
        && c.recordId().startsWith(q.id() + "/"));
    if (hadSkippedItems) {
      cascade.add(new Problem(pq.file(), pq.line(), q.id(),
          "skipped: no relevant item left after skipping invalid items"));
    } else {
      problems.add(pq.file(), pq.line(), q.id(), "query has no relevant item in " + rfile
          + " (expected at least one judgment with grade > 0 outside excludeIds)");
    }
    return false;
  }
}
