package io.lensbench.datasets.fashion;

import io.lensbench.core.BadInputException;
import io.lensbench.datasets.NativeLayout;
import io.lensbench.datasets.NativeLayout.QuerySetFiles;
import io.lensbench.datasets.Problem;
import io.lensbench.datasets.Problems;
import io.lensbench.datasets.Split;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Builds the fashion benchmark in the native layout from a Kaggle fashion source
 * (docs/datasets.md). Deterministic: the same source, options and seed give byte-identical files.
 */
public final class FashionBuilder {
  /** Bumped when a build's content changes (2: the cross-lingual query sets). */
  public static final String BUILDER_VERSION = "2";
  public static final String LICENCE = "MIT as shown for the Kaggle dataset 'Fashion Product Images' "
      + "(paramaggarwal, Myntra catalogue); copyright of the photos stays with their owners; see "
      + "PROVENANCE.md of the data source";

  /**
   * Build options.
   *
   * @param source source name, e.g. fashion-kaggle-default
   * @param sourceDir the source folder (items.csv, images/)
   * @param out output folder
   * @param seed seed for the split and every sample
   * @param maxQueries cap on the number of queries per query set
   * @param testFraction fraction of each article type's items put in the test split
   * @param skipInvalid skip invalid source rows (and list them) instead of failing
   * @param checkImages decode every source image while reading
   */
  public record Options(String source, Path sourceDir, Path out, long seed, int maxQueries,
      double testFraction, boolean skipInvalid, boolean checkImages) {
    public Options {
      if (maxQueries < 1) {
        throw new BadInputException("--max-queries must be at least 1, found " + maxQueries);
      }
      if (!(testFraction > 0 && testFraction < 1)) {
        throw new BadInputException("--test-fraction must be in (0, 1), found " + testFraction);
      }
    }

    /** The random source of one purpose (split, a query set): the seed and the purpose. */
    Random rng(String purpose) {
      return new Random(seed * 0x9E3779B97F4A7C15L + purpose.hashCode());
    }
  }

  /**
   * Whether dir holds a fashion build of this builder version from the named source (a build by
   * an older LensBench lacks query sets and is rebuilt rather than reused).
   */
  public static boolean isCurrent(Path dir, String source) {
    Path card = dir.resolve(NativeLayout.CARD);
    if (!Files.isRegularFile(card)) {
      return false;
    }
    try {
      var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(card.toFile());
      return BUILDER_VERSION.equals(node.path("build").path("builderVersion").asText())
          && source.equals(node.path("source").path("name").asText());
    } catch (IOException e) {
      return false;
    }
  }

  /** What a build produced. */
  public record Result(Path out, Map<String, Object> card, List<Problem> skipped) {}

  private final Options o;
  private final Glossary glossary;
  private final Consumer<String> progress;

  public FashionBuilder(Options options, Glossary glossary, Consumer<String> progress) {
    this.o = options;
    this.glossary = glossary;
    this.progress = progress;
  }

  public Result build() {
    progress.accept("reading " + o.sourceDir().resolve(KaggleFashionLoader.ITEMS));
    Problems problems = new Problems();
    List<FashionItem> rows = validRows(problems);
    prepareOut();
    Map<String, Split> splits = split(rows);
    List<FashionItem> test = rows.stream().filter(r -> splits.get(r.id()) == Split.TEST).toList();
    progress.accept(String.format(Locale.ROOT, "%d items: %d train, %d test", rows.size(),
        rows.size() - test.size(), test.size()));

    ItemTexts texts = new ItemTexts(glossary);
    NativeLayout.writeCorpus(o.out(), rows.stream().map(texts::corpusLine).toList());
    NativeLayout.writeSplits(o.out(), splits);

    List<QuerySetFiles> sets = new ArrayList<>();
    ShopperKorean shopper = ShopperKorean.load();
    sets.addAll(new TextQueries(o, glossary, shopper).build(test));
    sets.add(new ImageQueries(o).build(test));
    sets.addAll(new TableQueries(o, glossary).build(test));
    sets.addAll(new ComposedQueries(o, glossary, shopper).build(test));
    for (QuerySetFiles s : sets) {
      NativeLayout.writeQuerySet(o.out(), s);
      progress.accept(String.format(Locale.ROOT, "query set %-15s %4d queries, %6d judgments",
          s.name(), s.queries().size(), FashionCard.judgments(s)));
    }
    Map<String, Object> card = new FashionCard(o, glossary, shopper).card(rows, test, sets,
        problems.list());
    Map<String, Object> full = NativeLayout.writeCard(o.out(), card);
    return new Result(o.out(), full, problems.list());
  }

  /** The source rows with a glossary entry for every attribute, in {@link #ID_ORDER}. */
  private List<FashionItem> validRows(Problems problems) {
    List<FashionItem> rows = new ArrayList<>(new KaggleFashionLoader(o.checkImages())
        .load(o.sourceDir(), problems));
    for (FashionItem r : rows) {
      for (Map.Entry<String, String> a : r.attributes().entrySet()) {
        if (!a.getKey().equals("year") && !glossary.has(a.getKey(), a.getValue())) {
          problems.add(o.source() + "/" + KaggleFashionLoader.ITEMS, r.line(), r.id(),
              "no glossary entry for " + a.getKey() + " '" + a.getValue() + "' in " + Glossary.RESOURCE);
        }
      }
    }
    if (!problems.isEmpty() && !o.skipInvalid()) {
      problems.throwIfAny("source " + o.sourceDir() + " is invalid");
    }
    Set<String> bad = new TreeSet<>();
    problems.list().forEach(p -> bad.add(p.recordId()));
    rows.removeIf(r -> bad.contains(r.id()));
    rows.sort(ID_ORDER);
    if (rows.isEmpty()) {
      throw new BadInputException("source " + o.sourceDir() + " has no valid items");
    }
    return rows;
  }

  /** Numeric ids in numeric order, others after them in string order. */
  static final Comparator<FashionItem> ID_ORDER = Comparator
      .comparingInt((FashionItem r) -> r.id().length())
      .thenComparing(FashionItem::id);

  private void prepareOut() {
    Path out = o.out();
    try {
      if (Files.isDirectory(out)) {
        try (Stream<Path> s = Files.list(out)) {
          List<Path> entries = s.toList();
          if (!entries.isEmpty() && !Files.isRegularFile(out.resolve(NativeLayout.CARD))) {
            throw new BadInputException("--out " + out + " is not empty and holds no "
                + NativeLayout.CARD + ": refusing to write a dataset there");
          }
          for (String name : List.of(NativeLayout.CARD, NativeLayout.CORPUS, NativeLayout.SPLITS,
              NativeLayout.QUERIES_DIR, NativeLayout.QRELS_DIR, NativeLayout.IMAGES_DIR)) {
            deleteRecursively(out.resolve(name));
          }
        }
      }
      Files.createDirectories(out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare " + out, e);
    }
  }

  private static void deleteRecursively(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> s = Files.walk(p)) {
      for (Path x : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(x);
      }
    }
  }

  /** Stratified by article type: each type's items are shuffled (seeded) and a fraction goes to test. */
  Map<String, Split> split(List<FashionItem> rows) {
    Map<String, List<FashionItem>> byType = new TreeMap<>();
    rows.forEach(r -> byType.computeIfAbsent(r.attr("articleType"), k -> new ArrayList<>()).add(r));
    Map<String, Split> s = new TreeMap<>();
    for (Map.Entry<String, List<FashionItem>> e : byType.entrySet()) {
      List<FashionItem> l = new ArrayList<>(e.getValue());
      Collections.shuffle(l, o.rng("split:" + e.getKey()));
      int n = l.size();
      int nTest = n < 2 ? 0 : Math.max(1, (int) Math.round(n * o.testFraction()));
      for (int i = 0; i < n; i++) {
        s.put(l.get(i).id(), i < nTest ? Split.TEST : Split.TRAIN);
      }
    }
    Map<String, Split> ordered = new LinkedHashMap<>();
    rows.forEach(r -> ordered.put(r.id(), s.get(r.id())));
    return ordered;
  }
}
