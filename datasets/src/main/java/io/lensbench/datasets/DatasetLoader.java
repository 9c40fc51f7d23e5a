package io.lensbench.datasets;

import static io.lensbench.datasets.JsonLines.stringMap;
import static io.lensbench.datasets.JsonLines.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.lensbench.core.BadInputException;
import io.lensbench.core.BoundedText;
import io.lensbench.core.Names;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Loads and validates a dataset in the native layout (docs/datasets.md). Every problem is
 * reported with file and line; a strict load fails with a {@link BadInputException} listing all
 * of them, a load with {@code skipInvalid} drops the invalid records and lists each one.
 */
public final class DatasetLoader {
  /** The card key that lets a query set be empty (else an empty set is a problem). */
  public static final String ALLOW_EMPTY_KEY = "allowEmptyQuerySets";
  /** The largest dataset.json read: 64 MiB (it lists a checksum per file). */
  static final long MAX_CARD_BYTES = 64L << 20;

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

  /** A corpus line as read: {@code valid} is false when it has a problem. */
  record ParsedItem(int line, Item item, boolean valid) {}

  public LoadResult loadWithReport(Path dirIn) {
    Path dir = dirIn.toAbsolutePath().normalize();
    Path cardFile = dir.resolve(NativeLayout.CARD);
    if (!Files.isRegularFile(cardFile)) {
      throw new BadInputException("not a dataset directory: expected " + cardFile
          + " (build one with 'lensbench datasets build fashion --out DIR')");
    }
    Map<String, Object> card = readCard(cardFile);
    String name = card.get("name") instanceof String n ? n : dir.getFileName().toString();
    Names.requireName(cardFile + ": name" + (card.containsKey("name") ? "" : " (the folder's name: "
        + "the card has none)"), name);
    Problems problems = new Problems();
    ImageRoots images = new ImageRoots(card, dir, options);
    verifyChecksums(dir, card, problems);
    Map<String, ParsedItem> parsedItems = readCorpus(dir, images, problems);
    Map<String, Split> splits = readSplits(dir, parsedItems, problems);
    String searchSplit = card.get("searchSplit") instanceof String s ? s : "all";
    List<Problem> cascade = new ArrayList<>();
    QuerySetLoader sets = new QuerySetLoader(dir, parsedItems, splits, searchSplit, images,
        problems, cascade);
    List<QuerySet> querySets = new ArrayList<>();
    boolean allowEmpty = Boolean.TRUE.equals(card.get(ALLOW_EMPTY_KEY));
    for (String set : setNames(dir, problems)) {
      QuerySet qs = sets.load(set);
      if (!qs.queries().isEmpty() || allowEmpty) {
        querySets.add(qs);
      } else {
        problems.add(NativeLayout.QUERIES_DIR + "/" + set + ".jsonl", 0, "", String.format(Locale.ROOT,
            "query set '%s': expected at least one query, found none (set \"%s\": true in "
                + "dataset.json to allow an empty set)", set, ALLOW_EMPTY_KEY));
      }
    }
    if (!problems.isEmpty() && !options.skipInvalid()) {
      problems.throwIfAny("dataset " + dir + " is invalid");
    }
    List<Problem> skipped = new ArrayList<>(problems.list());
    skipped.addAll(cascade);
    Map<String, Item> validItems = new LinkedHashMap<>();
    parsedItems.forEach((id, p) -> {
      if (p.valid()) {
        validItems.put(id, p.item());
      }
    });
    Map<String, Split> keptSplits = new LinkedHashMap<>();
    splits.forEach((id, s) -> {
      if (validItems.containsKey(id)) {
        keptSplits.put(id, s);
      }
    });
    String checksum = card.get("checksum") instanceof String c ? c : "";
    Dataset ds = new Dataset(name, dir, validItems, querySets, keptSplits, checksum, card);
    return new LoadResult(ds, skipped);
  }

  private static Map<String, ParsedItem> readCorpus(Path dir, ImageRoots images,
      Problems problems) {
    Map<String, ParsedItem> parsedItems = new LinkedHashMap<>();
    JsonLines.read(dir.resolve(NativeLayout.CORPUS), NativeLayout.CORPUS, problems, (line, node) -> {
      String id = text(node, "id");
      if (id == null || id.isBlank()) {
        problems.add(NativeLayout.CORPUS, line, "", "item without an 'id'");
      } else if (Names.idProblem(id) != null) {
        problems.add(NativeLayout.CORPUS, line, "", Names.idMessage("item", id));
      } else if (parsedItems.containsKey(id)) {
        problems.add(NativeLayout.CORPUS, line, id, String.format(Locale.ROOT,
            "duplicate item id '%s' (first on line %d)", id, parsedItems.get(id).line()));
      } else {
        parsedItems.put(id, item(line, id, node, images, problems));
      }
    });
    return parsedItems;
  }

  private static ParsedItem item(int line, String id, JsonNode node, ImageRoots images,
      Problems problems) {
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
      ImageRoots.Resolved r = images.resolve(imageRef);
      image = r.path();
      if (r.problem() != null) {
        problems.add(NativeLayout.CORPUS, line, id, r.problem());
        valid = false;
      }
    }
    if (texts.isEmpty() && imageRef == null) {
      problems.add(NativeLayout.CORPUS, line, id, "item has neither texts nor an image");
      valid = false;
    }
    Item item = new Item(id, image, texts, stringMap(node.get("attributes"), false));
    return new ParsedItem(line, item, valid);
  }

  private static Map<String, Split> readSplits(Path dir, Map<String, ParsedItem> parsedItems,
      Problems problems) {
    Map<String, Split> splits = new LinkedHashMap<>();
    Path splitsFile = dir.resolve(NativeLayout.SPLITS);
    if (!Files.isRegularFile(splitsFile)) {
      return splits;
    }
    JsonLines.lines(splitsFile, NativeLayout.SPLITS, problems, (line, l) -> {
      if (l.isBlank() || (line == 1 && l.startsWith("item\t"))) {
        return;
      }
      String[] f = l.split("\t", -1);
      if (f.length != 2 || !(f[1].equals("train") || f[1].equals("test"))) {
        problems.add(NativeLayout.SPLITS, line, f[0],
            "expected 'item<TAB>train|test', found '" + l + "'");
      } else if (!parsedItems.containsKey(f[0])) {
        problems.add(NativeLayout.SPLITS, line, f[0], "split names unknown item '" + f[0] + "'");
      } else if (splits.put(f[0], Split.valueOf(f[1].toUpperCase(Locale.ROOT))) != null) {
        problems.add(NativeLayout.SPLITS, line, f[0], "item '" + f[0] + "' listed twice");
      }
    });
    return splits;
  }

  /** The query sets' names (from queries/NAME.jsonl), sorted; a name that is not valid is a problem. */
  private static List<String> setNames(Path dir, Problems problems) {
    List<String> setNames = new ArrayList<>();
    Path qdir = dir.resolve(NativeLayout.QUERIES_DIR);
    if (Files.isDirectory(qdir)) {
      try (Stream<Path> s = Files.list(qdir)) {
        s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jsonl"))
            .map(n -> n.substring(0, n.length() - ".jsonl".length())).sorted()
            .forEach(set -> {
              if (Names.isName(set)) {
                setNames.add(set);
              } else {
                problems.add(NativeLayout.QUERIES_DIR + "/" + Names.quote(set + ".jsonl"), 0, "",
                    "query-set name: expected " + Names.NAME_RULE + ", found " + Names.quote(set));
              }
            });
      } catch (IOException e) {
        throw new BadInputException("cannot list " + qdir + ": " + e.getMessage());
      }
    }
    return setNames;
  }

  private static Map<String, Object> readCard(Path cardFile) {
    Map<String, Object> card;
    try {
      @SuppressWarnings("unchecked")
      Map<String, Object> m = Json.LINE.readValue(BoundedText.read(cardFile, MAX_CARD_BYTES),
          LinkedHashMap.class);
      card = m;
      if (card == null) {
        throw new BadInputException(cardFile + ": expected a JSON object, found null");
      }
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
}
