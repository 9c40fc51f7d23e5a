package io.lensbench.datasets;

import com.fasterxml.jackson.databind.JsonNode;
import io.lensbench.core.BadInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Loads and validates a dataset in the native layout (docs/datasets.md). Every problem is
 * reported with file and line; a strict load fails with a {@link BadInputException} listing all
 * of them, a load with {@code skipInvalid} drops the invalid records and lists each one.
 */
public final class DatasetLoader {
  private final LoadOptions options;

  public DatasetLoader(LoadOptions options) {
    this.options = options;
  }

  /** Strict load: any problem fails with a {@link BadInputException} (exit 2) listing all of them. */
  public static Dataset load(Path dir) {
    return new DatasetLoader(LoadOptions.strict()).loadWithReport(dir).dataset();
  }

  public static LoadResult load(Path dir, LoadOptions options) {
    return new DatasetLoader(options).loadWithReport(dir);
  }

  private record ParsedItem(int line, Item item, boolean valid) {}

  private record ParsedQuery(String file, int line, Query query, boolean valid) {}

  public LoadResult loadWithReport(Path dirIn) {
    Path dir = dirIn.toAbsolutePath().normalize();
    Path cardFile = dir.resolve(NativeLayout.CARD);
    if (!Files.isRegularFile(cardFile)) {
      throw new BadInputException("not a dataset directory: expected " + cardFile
          + " (build one with 'lensbench datasets build fashion --out DIR')");
    }
    Map<String, Object> card = readCard(cardFile);
    Problems problems = new Problems();
    ImageCheck images = new ImageCheck();
    Map<String, Path> roots = imageRoots(card, dir);

    verifyChecksums(dir, card, problems);

    // corpus
    Map<String, ParsedItem> parsedItems = new LinkedHashMap<>();
    readJsonl(dir.resolve(NativeLayout.CORPUS), NativeLayout.CORPUS, problems, (line, node) -> {
      String id = text(node, "id");
      if (id == null || id.isBlank()) {
        problems.add(NativeLayout.CORPUS, line, "", "item without an 'id'");
        return;
      }
      if (parsedItems.containsKey(id)) {
        problems.add(NativeLayout.CORPUS, line, id, String.format(Locale.ROOT,
            "duplicate item id '%s' (first on line %d)", id, parsedItems.get(id).line()));
        return;
      }
      boolean valid = true;
      Map<String, String> texts = stringMap(node.get("texts"), true);
      for (Map.Entry<String, String> t : texts.entrySet()) {
        if (t.getValue() == null || t.getValue().isBlank()) {
          problems.add(NativeLayout.CORPUS, line, id, "empty text field '" + t.getKey() + "'");
          valid = false;
        }
      }
      String imageRef = text(node, "image");
      Path image = null;
      if (imageRef != null) {
        image = resolveImage(imageRef, dir, roots);
        String p = image == null ? "image root of '" + imageRef + "' is not declared in dataset.json imageRoots"
            : options.checkImages() ? images.problem(image) : null;
        if (p != null) {
          problems.add(NativeLayout.CORPUS, line, id, p);
          valid = false;
        }
      }
      if (texts.isEmpty() && imageRef == null) {
        problems.add(NativeLayout.CORPUS, line, id, "item has neither texts nor an image");
        valid = false;
      }
      Item item = new Item(id, image, texts, stringMap(node.get("attributes"), false));
      parsedItems.put(id, new ParsedItem(line, item, valid));
    });

    // splits
    Map<String, Split> splits = new LinkedHashMap<>();
    Path splitsFile = dir.resolve(NativeLayout.SPLITS);
    if (Files.isRegularFile(splitsFile)) {
      List<String> lines = readLines(splitsFile, NativeLayout.SPLITS, problems);
      for (int i = 0; i < lines.size(); i++) {
        String l = lines.get(i);
        if (l.isBlank() || (i == 0 && l.startsWith("item\t"))) {
          continue;
        }
        String[] f = l.split("\t", -1);
        if (f.length != 2 || !(f[1].equals("train") || f[1].equals("test"))) {
          problems.add(NativeLayout.SPLITS, i + 1, f[0],
              "expected 'item<TAB>train|test', found '" + l + "'");
          continue;
        }
        if (!parsedItems.containsKey(f[0])) {
          problems.add(NativeLayout.SPLITS, i + 1, f[0], "split names unknown item '" + f[0] + "'");
          continue;
        }
        if (splits.put(f[0], Split.valueOf(f[1].toUpperCase(Locale.ROOT))) != null) {
          problems.add(NativeLayout.SPLITS, i + 1, f[0], "item '" + f[0] + "' listed twice");
        }
      }
    }
    String searchSplit = card.get("searchSplit") instanceof String s ? s : "all";

    // query sets
    List<String> setNames = new ArrayList<>();
    Path qdir = dir.resolve(NativeLayout.QUERIES_DIR);
    if (Files.isDirectory(qdir)) {
      try (Stream<Path> s = Files.list(qdir)) {
        s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jsonl"))
            .map(n -> n.substring(0, n.length() - ".jsonl".length())).sorted()
            .forEach(setNames::add);
      } catch (IOException e) {
        throw new BadInputException("cannot list " + qdir + ": " + e.getMessage());
      }
    }
    Map<String, Item> validItems = new LinkedHashMap<>();
    parsedItems.forEach((id, p) -> {
      if (p.valid()) {
        validItems.put(id, p.item());
      }
    });
    List<Problem> cascade = new ArrayList<>();
    List<QuerySet> sets = new ArrayList<>();
    for (String set : setNames) {
      sets.add(loadSet(dir, set, parsedItems, validItems, splits, searchSplit, roots, images,
          problems, cascade));
    }

    if (!problems.isEmpty() && !options.skipInvalid()) {
      problems.throwIfAny("dataset " + dir + " is invalid");
    }
    List<Problem> skipped = new ArrayList<>(problems.list());
    skipped.addAll(cascade);
    Map<String, Split> keptSplits = new LinkedHashMap<>();
    splits.forEach((id, s) -> {
      if (validItems.containsKey(id)) {
        keptSplits.put(id, s);
      }
    });
    String name = card.get("name") instanceof String n ? n : dir.getFileName().toString();
    String checksum = card.get("checksum") instanceof String c ? c : "";
    Dataset ds = new Dataset(name, dir, validItems, sets, keptSplits, checksum, card);
    return new LoadResult(ds, skipped);
  }

  private QuerySet loadSet(Path dir, String set, Map<String, ParsedItem> parsedItems,
      Map<String, Item> validItems, Map<String, Split> splits, String searchSplit,
      Map<String, Path> roots, ImageCheck images, Problems problems, List<Problem> cascade) {
    String qfile = NativeLayout.QUERIES_DIR + "/" + set + ".jsonl";
    Map<String, ParsedQuery> parsed = new LinkedHashMap<>();
    readJsonl(dir.resolve(qfile), qfile, problems, (line, node) -> {
      String id = text(node, "id");
      if (id == null || id.isBlank()) {
        problems.add(qfile, line, "", "query without an 'id'");
        return;
      }
      if (parsed.containsKey(id)) {
        problems.add(qfile, line, id, String.format(Locale.ROOT,
            "duplicate query id '%s' (first on line %d)", id, parsed.get(id).line()));
        return;
      }
      String kindName = text(node, "kind");
      QueryKind kind;
      try {
        kind = QueryKind.parse(kindName == null ? "(missing)" : kindName, qfile + " line " + line);
      } catch (BadInputException e) {
        problems.add(qfile, line, id, String.format(Locale.ROOT,
            "unknown query kind '%s' (expected one of text, image, table_image, image_text)", kindName));
        parsed.put(id, new ParsedQuery(qfile, line, null, false));
        return;
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
          image = resolveImage(imageRef, dir, roots);
          String p = image == null ? "image root of '" + imageRef + "' is not declared in dataset.json imageRoots"
              : options.checkImages() ? images.problem(image) : null;
          if (p != null) {
            problems.add(qfile, line, id, p);
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
          if (!parsedItems.containsKey(e.asText())) {
            problems.add(qfile, line, id, "excludeIds names unknown item '" + e.asText() + "'");
            valid = false;
          }
          exclude.add(e.asText());
        }
      }
      Query q = new Query(id, kind, language, qtext, image, stringMap(node.get("attributes"), false), exclude);
      parsed.put(id, new ParsedQuery(qfile, line, q, valid));
    });

    String rfile = NativeLayout.QRELS_DIR + "/" + set + ".qrels";
    Map<String, Map<String, Integer>> judgments = new LinkedHashMap<>();
    Path rpath = dir.resolve(rfile);
    if (!Files.isRegularFile(rpath)) {
      problems.add(rfile, 0, "", "qrels file missing for query set '" + set + "'");
    } else {
      Map<String, Integer> seen = new HashMap<>();
      for (QrelsFiles.Line l : QrelsFiles.read(rpath, rfile, problems)) {
        String pair = l.queryId() + "/" + l.docId();
        ParsedQuery pq = parsed.get(l.queryId());
        if (pq == null) {
          problems.add(rfile, l.line(), pair, "qrels name unknown query '" + l.queryId()
              + "' (not in " + qfile + ")");
          continue;
        }
        ParsedItem pi = parsedItems.get(l.docId());
        if (pi == null) {
          problems.add(rfile, l.line(), pair, String.format(Locale.ROOT,
              "qrels name unknown item '%s' (not in %s, %d items)", l.docId(), NativeLayout.CORPUS,
              parsedItems.size()));
          continue;
        }
        if (searchSplit.equals("test") && splits.get(l.docId()) == Split.TRAIN) {
          problems.add(rfile, l.line(), pair, "qrels name train item '" + l.docId()
              + "' but dataset.json says searchSplit=test");
          continue;
        }
        Integer first = seen.putIfAbsent(pair, l.line());
        if (first != null) {
          problems.add(rfile, l.line(), pair, String.format(Locale.ROOT,
              "duplicate judgment for %s (first on line %d)", pair, first));
          continue;
        }
        if (!pi.valid()) {
          cascade.add(new Problem(rfile, l.line(), pair, "skipped: item '" + l.docId() + "' was skipped"));
          continue;
        }
        if (!pq.valid()) {
          continue; // the whole query is skipped and listed already
        }
        judgments.computeIfAbsent(l.queryId(), k -> new LinkedHashMap<>()).put(l.docId(), l.grade());
      }
    }
    List<Query> queries = new ArrayList<>();
    Map<String, Map<String, Integer>> kept = new LinkedHashMap<>();
    for (ParsedQuery pq : parsed.values()) {
      if (!pq.valid()) {
        continue;
      }
      Query q = pq.query();
      Map<String, Integer> j = judgments.getOrDefault(q.id(), Map.of());
      boolean anyRelevant = j.entrySet().stream()
          .anyMatch(e -> e.getValue() > 0 && !q.excludeIds().contains(e.getKey()));
      if (!anyRelevant) {
        boolean hadSkippedItems = cascade.stream().anyMatch(c -> c.file().equals(rfile)
            && c.recordId().startsWith(q.id() + "/"));
        if (hadSkippedItems) {
          cascade.add(new Problem(pq.file(), pq.line(), q.id(),
              "skipped: no relevant item left after skipping invalid items"));
        } else {
          problems.add(pq.file(), pq.line(), q.id(), "query has no relevant item in " + rfile
              + " (expected at least one judgment with grade > 0 outside excludeIds)");
        }
        continue;
      }
      queries.add(q);
      kept.put(q.id(), j);
    }
    return new QuerySet(set, queries, new Qrels(kept));
  }

  private static Map<String, Object> readCard(Path cardFile) {
    Map<String, Object> card;
    try {
      @SuppressWarnings("unchecked")
      Map<String, Object> m = Json.LINE.readValue(cardFile.toFile(), LinkedHashMap.class);
      card = m;
    } catch (IOException e) {
      throw new BadInputException(cardFile + ": not valid JSON: " + e.getMessage());
    }
    Object v = card.get("schemaVersion");
    if (!(v instanceof Integer i) || i != NativeLayout.SCHEMA_VERSION) {
      throw new BadInputException(String.format(Locale.ROOT,
          "%s: expected schemaVersion %d, found %s", cardFile, NativeLayout.SCHEMA_VERSION, v));
    }
    return card;
  }

  /**
   * Image roots declared in the card: {@code imageRoots: {name: {dataset, builtFrom}}}. A root is
   * found under the data root (--data, LENSBENCH_DATA, ../shared/datasets, ./data) and, failing
   * that, at the path it was built from.
   */
  private Map<String, Path> imageRoots(Map<String, Object> card, Path dir) {
    Map<String, Path> roots = new HashMap<>();
    if (!(card.get("imageRoots") instanceof Map<?, ?> decl)) {
      return roots;
    }
    for (Map.Entry<?, ?> e : decl.entrySet()) {
      String rootName = String.valueOf(e.getKey());
      if (!(e.getValue() instanceof Map<?, ?> spec) || !(spec.get("dataset") instanceof String ds)) {
        throw new BadInputException(dir.resolve(NativeLayout.CARD) + ": imageRoots." + rootName
            + " must be {\"dataset\": NAME, \"builtFrom\": PATH}");
      }
      Object built = spec.get("builtFrom");
      DataRoot dr = DataRoot.fromEnvironment(options.dataRoot());
      Path found = null;
      for (Map.Entry<String, Path> c : dr.candidates()) {
        if (Files.isDirectory(c.getValue().resolve(ds))) {
          found = c.getValue().resolve(ds);
          break;
        }
        if (c.getKey().equals("--data")) {
          break;
        }
      }
      if (found == null && options.dataRoot() == null && built instanceof String b
          && Files.isDirectory(Path.of(b))) {
        found = Path.of(b);
      }
      if (found == null) {
        try {
          dr.locate(ds, "");
        } catch (BadInputException ex) {
          throw new BadInputException("images of " + dir + " live in data source '" + ds
              + "' (built from " + built + "), which is not found: " + ex.getMessage());
        }
      }
      roots.put(rootName, found);
    }
    return roots;
  }

  /** Resolves a stored image reference: {@code root:rel}, absolute, or relative to the dataset. */
  static Path resolveImage(String ref, Path dir, Map<String, Path> roots) {
    int colon = ref.indexOf(':');
    if (colon > 1) {
      Path root = roots.get(ref.substring(0, colon));
      return root == null ? null : root.resolve(ref.substring(colon + 1)).normalize();
    }
    Path p = Path.of(ref);
    return p.isAbsolute() ? p : dir.resolve(p).normalize();
  }

  private static void verifyChecksums(Path dir, Map<String, Object> card, Problems problems) {
    if (!(card.get("files") instanceof Map<?, ?> files)) {
      return;
    }
    Map<String, String> actual = NativeLayout.fileChecksums(dir);
    for (Map.Entry<?, ?> e : new TreeMap<>(files).entrySet()) {
      String rel = String.valueOf(e.getKey());
      String found = actual.get(rel);
      if (found == null) {
        problems.add(rel, 0, "", "file listed in dataset.json is missing");
      } else if (!found.equals(e.getValue())) {
        problems.add(rel, 0, "", "file changed since the dataset was built: dataset.json says sha256 "
            + e.getValue() + ", found " + found);
      }
    }
  }

  interface LineHandler {
    void accept(int line, JsonNode node);
  }

  private static void readJsonl(Path file, String display, Problems problems, LineHandler h) {
    if (!Files.isRegularFile(file)) {
      problems.add(display, 0, "", "file missing");
      return;
    }
    List<String> lines = readLines(file, display, problems);
    for (int i = 0; i < lines.size(); i++) {
      String l = lines.get(i);
      if (l.isBlank()) {
        continue;
      }
      JsonNode node;
      try {
        node = Json.LINE.readTree(l);
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        problems.add(display, i + 1, "", "not valid JSON: " + e.getOriginalMessage());
        continue;
      }
      if (!node.isObject()) {
        problems.add(display, i + 1, "", "expected a JSON object, found " + node.getNodeType());
        continue;
      }
      h.accept(i + 1, node);
    }
  }

  private static List<String> readLines(Path file, String display, Problems problems) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      problems.add(display, 0, "", "cannot read: " + e.getMessage());
      return List.of();
    }
  }

  static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  static Map<String, String> stringMap(JsonNode node, boolean keepNulls) {
    Map<String, String> m = new LinkedHashMap<>();
    if (node != null && node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> it = node.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!e.getValue().isNull()) {
          m.put(e.getKey(), e.getValue().asText());
        } else if (keepNulls) {
          m.put(e.getKey(), null);
        }
      }
    }
    return m;
  }

}
