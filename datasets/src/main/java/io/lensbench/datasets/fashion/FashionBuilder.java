package io.lensbench.datasets.fashion;

import io.lensbench.core.BadInputException;
import io.lensbench.core.Hashing;
import io.lensbench.datasets.NativeLayout;
import io.lensbench.datasets.NativeLayout.ItemRecord;
import io.lensbench.datasets.NativeLayout.QueryRecord;
import io.lensbench.datasets.NativeLayout.QuerySetRecord;
import io.lensbench.datasets.Problem;
import io.lensbench.datasets.Problems;
import io.lensbench.datasets.Qrels;
import io.lensbench.datasets.QueryKind;
import io.lensbench.datasets.Split;
import io.lensbench.datasets.fashion.TableImageRenderer.Row;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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
  public static final String BUILDER_VERSION = "1";
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

    prepareOut();
    Map<String, Split> splits = split(rows);
    List<FashionItem> test = rows.stream().filter(r -> splits.get(r.id()) == Split.TEST).toList();
    progress.accept(String.format(Locale.ROOT, "%d items: %d train, %d test", rows.size(),
        rows.size() - test.size(), test.size()));

    NativeLayout.writeCorpus(o.out(), rows.stream().map(this::itemRecord).toList());
    NativeLayout.writeSplits(o.out(), splits);

    List<QuerySetRecord> sets = new ArrayList<>();
    sets.addAll(textQueries(test));
    sets.add(imageQueries(test));
    sets.addAll(tableQueries(test));
    sets.addAll(composedQueries(test));
    for (QuerySetRecord s : sets) {
      NativeLayout.writeQuerySet(o.out(), s);
      progress.accept(String.format(Locale.ROOT, "query set %-15s %4d queries, %6d judgments",
          s.name(), s.queries().size(), s.qrels().asMap().values().stream().mapToInt(Map::size).sum()));
    }
    Map<String, Object> card = card(rows, test, sets, problems.list());
    Map<String, Object> full = NativeLayout.writeCard(o.out(), card);
    return new Result(o.out(), full, problems.list());
  }

  /** Numeric ids in numeric order, others after them in string order. */
  static final Comparator<FashionItem> ID_ORDER = Comparator
      .comparingInt((FashionItem r) -> r.id().length())
      .thenComparing(FashionItem::id);

  private Random rng(String purpose) {
    return new Random(o.seed() * 0x9E3779B97F4A7C15L + purpose.hashCode());
  }

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
      Collections.shuffle(l, rng("split:" + e.getKey()));
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

  // ---------------------------------------------------------------- corpus

  private ItemRecord itemRecord(FashionItem r) {
    Map<String, String> texts = new LinkedHashMap<>();
    texts.put("name_en", r.name());
    texts.put("summary_en", summaryEn(r));
    texts.put("name_ko", nameKo(r.attributes()));
    texts.put("summary_ko", summaryKo(r));
    Map<String, String> derived = new LinkedHashMap<>();
    derived.put("name_ko", "glossary-ko");
    derived.put("summary_ko", "glossary-ko");
    return new ItemRecord(r.id(), "source:" + r.image(), texts, derived, r.attributes());
  }

  private String summaryEn(FashionItem r) {
    Map<String, String> a = r.attributes();
    StringBuilder sb = new StringBuilder();
    sb.append(cap(glossary.enPlural("gender", a.get("gender"))));
    if (a.containsKey("baseColour")) {
      sb.append(' ').append(glossary.en("baseColour", a.get("baseColour")));
    }
    sb.append(' ').append(glossary.en("articleType", a.get("articleType")));
    if (a.containsKey("usage")) {
      sb.append(" for ").append(glossary.en("usage", a.get("usage"))).append(" wear");
    }
    sb.append(". Category: ").append(a.get("masterCategory")).append(" > ")
        .append(a.get("subCategory")).append(" > ").append(a.get("articleType")).append('.');
    if (a.containsKey("season")) {
      sb.append(" Season: ").append(glossary.en("season", a.get("season")));
      if (a.containsKey("year")) {
        sb.append(' ').append(a.get("year"));
      }
      sb.append('.');
    }
    return sb.toString();
  }

  private String nameKo(Map<String, String> a) {
    StringBuilder sb = new StringBuilder(glossary.ko("gender", a.get("gender")));
    if (a.containsKey("baseColour")) {
      sb.append(' ').append(glossary.ko("baseColour", a.get("baseColour")));
    }
    return sb.append(' ').append(glossary.ko("articleType", a.get("articleType"))).toString();
  }

  private String summaryKo(FashionItem r) {
    Map<String, String> a = r.attributes();
    StringBuilder sb = new StringBuilder(nameKo(a)).append(". ");
    sb.append(glossary.label("category", "ko")).append(": ")
        .append(glossary.ko("masterCategory", a.get("masterCategory"))).append(" > ")
        .append(glossary.ko("subCategory", a.get("subCategory"))).append(" > ")
        .append(glossary.ko("articleType", a.get("articleType"))).append('.');
    if (a.containsKey("usage")) {
      sb.append(' ').append(glossary.label("usage", "ko")).append(": ")
          .append(glossary.ko("usage", a.get("usage"))).append('.');
    }
    if (a.containsKey("season")) {
      sb.append(' ').append(glossary.label("season", "ko")).append(": ")
          .append(glossary.ko("season", a.get("season")));
      if (a.containsKey("year")) {
        sb.append(' ').append(a.get("year"));
      }
      sb.append('.');
    }
    return sb.toString();
  }

  private static String cap(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  // ---------------------------------------------------------------- qrels helper

  /** Judgments of one intent over the test items, in id order, leaving out excluded items. */
  private static Map<String, Integer> judge(Relevance rel, List<FashionItem> test, Set<String> exclude) {
    Map<String, Integer> j = new LinkedHashMap<>();
    for (FashionItem t : test) {
      if (exclude.contains(t.id())) {
        continue;
      }
      int g = rel.grade(t.attributes());
      if (g > 0) {
        j.put(t.id(), g);
      }
    }
    return j;
  }

  private static boolean hasGrade2(Map<String, Integer> j) {
    return j.containsValue(2);
  }

  private static String qid(String set, int n) {
    return String.format(Locale.ROOT, "%s-%04d", set, n);
  }

  private static <T> List<T> sample(List<T> all, int n, Random rng) {
    List<T> l = new ArrayList<>(all);
    Collections.shuffle(l, rng);
    return l.size() > n ? new ArrayList<>(l.subList(0, n)) : l;
  }

  private static Map<String, String> attrs(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i + 1 < kv.length; i += 2) {
      if (kv[i + 1] != null) {
        m.put(kv[i], kv[i + 1]);
      }
    }
    return m;
  }

  // ---------------------------------------------------------------- text queries

  /** A text intent: (articleType) or (gender, colour, articleType). */
  private record TextIntent(String granularity, String gender, String colour, String type) {}

  private List<QuerySetRecord> textQueries(List<FashionItem> test) {
    Set<String> types = new TreeSet<>();
    Set<List<String>> fine = new TreeSet<>(Comparator.comparing((List<String> l) -> String.join("\u0000", l)));
    for (FashionItem t : test) {
      types.add(t.attr("articleType"));
      if (t.attr("baseColour") != null) {
        fine.add(List.of(t.attr("gender"), t.attr("baseColour"), t.attr("articleType")));
      }
    }
    Random rng = rng("text");
    int typeCap = Math.max(1, o.maxQueries() / 3);
    List<TextIntent> intents = new ArrayList<>();
    for (String t : sample(new ArrayList<>(types), typeCap, rng)) {
      intents.add(new TextIntent("type", null, null, t));
    }
    for (List<String> f : sample(new ArrayList<>(fine), o.maxQueries() - intents.size(), rng)) {
      intents.add(new TextIntent("gender_colour_type", f.get(0), f.get(1), f.get(2)));
    }
    List<QueryRecord> en = new ArrayList<>();
    List<QueryRecord> ko = new ArrayList<>();
    Map<String, Map<String, Integer>> qen = new LinkedHashMap<>();
    Map<String, Map<String, Integer>> qko = new LinkedHashMap<>();
    Random tpl = rng("text-templates");
    int n = 0;
    for (TextIntent i : intents) {
      Relevance rel = i.granularity().equals("type")
          ? new Relevance(Map.of("articleType", i.type()), Map.of())
          : new Relevance(Map.of("articleType", i.type()), attrs("gender", i.gender(), "baseColour", i.colour()));
      Map<String, Integer> j = judge(rel, test, Set.of());
      if (!hasGrade2(j)) {
        continue;
      }
      n++;
      String intentId = i.granularity().equals("type") ? "type:" + i.type()
          : "gct:" + i.gender() + "|" + i.colour() + "|" + i.type();
      String enText;
      String koText;
      String template;
      if (i.granularity().equals("type")) {
        enText = glossary.enPlural("articleType", i.type());
        koText = glossary.ko("articleType", i.type());
        template = "type";
      } else {
        String g = glossary.en("gender", i.gender());
        String gPoss = glossary.enPlural("gender", i.gender());
        String c = glossary.en("baseColour", i.colour());
        String ts = glossary.en("articleType", i.type());
        String tp = glossary.enPlural("articleType", i.type());
        String gk = glossary.ko("gender", i.gender());
        String ck = glossary.ko("baseColour", i.colour());
        String tk = glossary.ko("articleType", i.type());
        int v = tpl.nextInt(3);
        template = "t" + v;
        switch (v) {
          case 0 -> {
            enText = g + " " + c + " " + ts;
            koText = gk + " " + ck + " " + tk;
          }
          case 1 -> {
            enText = gPoss + " " + c + " " + ts;
            koText = gk + " " + ck + " " + tk;
          }
          default -> {
            enText = c + " " + tp + " for " + g;
            koText = ck + " " + tk + " " + gk + "용";
          }
        }
      }
      Map<String, String> a = attrs("granularity", i.granularity(), "intent", intentId,
          "articleType", i.type(), "gender", i.gender(), "baseColour", i.colour(), "template", template);
      String idEn = qid("text-en", n);
      String idKo = qid("text-ko", n);
      Map<String, String> aEn = new LinkedHashMap<>(a);
      aEn.put("kind", "text");
      aEn.put("language", "en");
      Map<String, String> aKo = new LinkedHashMap<>(a);
      aKo.put("kind", "text");
      aKo.put("language", "ko");
      aKo.put("derived", "glossary-ko");
      en.add(new QueryRecord(idEn, QueryKind.TEXT, "en", enText, null, aEn, List.of()));
      ko.add(new QueryRecord(idKo, QueryKind.TEXT, "ko", koText, null, aKo, List.of()));
      qen.put(idEn, j);
      qko.put(idKo, j);
    }
    return List.of(new QuerySetRecord("text-en", en, new Qrels(qen)),
        new QuerySetRecord("text-ko", ko, new Qrels(qko)));
  }

  // ---------------------------------------------------------------- image queries

  private QuerySetRecord imageQueries(List<FashionItem> test) {
    List<QueryRecord> qs = new ArrayList<>();
    Map<String, Map<String, Integer>> qrels = new LinkedHashMap<>();
    int n = 0;
    for (FashionItem t : sample(test, test.size(), rng("image"))) {
      if (n >= o.maxQueries()) {
        break;
      }
      Relevance rel = new Relevance(attrs("gender", t.attr("gender"), "articleType", t.attr("articleType")),
          attrs("baseColour", t.attr("baseColour") == null ? "(none)" : t.attr("baseColour")));
      Map<String, Integer> j = judge(rel, test, Set.of(t.id()));
      if (j.isEmpty()) {
        continue;
      }
      n++;
      String id = qid("image", n);
      qs.add(new QueryRecord(id, QueryKind.IMAGE, "none", null, "source:" + t.queryImage(),
          attrs("kind", "image", "language", "none", "granularity", "gender_type",
              "sourceItem", t.id(), "rendition", t.image224() != null ? "224" : "original",
              "articleType", t.attr("articleType"), "gender", t.attr("gender"),
              "baseColour", t.attr("baseColour")),
          List.of(t.id())));
      qrels.put(id, j);
    }
    return new QuerySetRecord("image", qs, new Qrels(qrels));
  }

  // ---------------------------------------------------------------- table-image queries

  private List<QuerySetRecord> tableQueries(List<FashionItem> test) {
    Set<List<String>> combos = new TreeSet<>(Comparator.comparing((List<String> l) -> String.join("\u0000", l)));
    for (FashionItem t : test) {
      if (t.attr("baseColour") != null && t.attr("usage") != null) {
        combos.add(List.of(t.attr("masterCategory"), t.attr("subCategory"), t.attr("articleType"),
            t.attr("gender"), t.attr("baseColour"), t.attr("usage")));
      }
    }
    TableImageRenderer renderer = new TableImageRenderer(HangulFont.find(22f));
    Path dir = o.out().resolve(NativeLayout.IMAGES_DIR).resolve("tables");
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + dir, e);
    }
    List<QueryRecord> en = new ArrayList<>();
    List<QueryRecord> ko = new ArrayList<>();
    Map<String, Map<String, Integer>> qen = new LinkedHashMap<>();
    Map<String, Map<String, Integer>> qko = new LinkedHashMap<>();
    int n = 0;
    for (List<String> c : sample(new ArrayList<>(combos), o.maxQueries(), rng("table"))) {
      Relevance rel = new Relevance(Map.of("articleType", c.get(2)),
          attrs("gender", c.get(3), "baseColour", c.get(4), "usage", c.get(5)));
      Map<String, Integer> j = judge(rel, test, Set.of());
      if (!hasGrade2(j)) {
        continue;
      }
      n++;
      Map<String, String> a = attrs("granularity", "table", "masterCategory", c.get(0),
          "subCategory", c.get(1), "articleType", c.get(2), "gender", c.get(3),
          "baseColour", c.get(4), "usage", c.get(5));
      for (String lang : List.of("en", "ko")) {
        String set = "table-image-" + lang;
        String id = qid(set, n);
        Path png = dir.resolve(id + ".png");
        TableImageRenderer.writePng(renderer.render(tableHeader(glossary, lang), tableRows(glossary, a, lang)), png);
        Map<String, String> qa = new LinkedHashMap<>(a);
        qa.put("kind", "table_image");
        qa.put("language", lang);
        if (lang.equals("ko")) {
          qa.put("derived", "glossary-ko");
        }
        QueryRecord q = new QueryRecord(id, QueryKind.TABLE_IMAGE, lang, null,
            NativeLayout.IMAGES_DIR + "/tables/" + id + ".png", qa, List.of());
        (lang.equals("en") ? en : ko).add(q);
        (lang.equals("en") ? qen : qko).put(id, j);
      }
    }
    return List.of(new QuerySetRecord("table-image-en", en, new Qrels(qen)),
        new QuerySetRecord("table-image-ko", ko, new Qrels(qko)));
  }

  /** The header row of a table image. */
  public static Row tableHeader(Glossary glossary, String lang) {
    return new Row(glossary.label("attribute", lang), glossary.label("value", lang));
  }

  /**
   * The rows of a table image: Category (masterCategory > subCategory), Type, Gender, Colour,
   * Usage — catalogue values in English, glossary terms in Korean.
   */
  public static List<Row> tableRows(Glossary glossary, Map<String, String> a, String lang) {
    boolean ko = lang.equals("ko");
    java.util.function.BiFunction<String, String, String> v =
        (field, value) -> ko ? glossary.ko(field, value) : value;
    return List.of(
        new Row(glossary.label("category", lang),
            v.apply("masterCategory", a.get("masterCategory")) + " > " + v.apply("subCategory", a.get("subCategory"))),
        new Row(glossary.label("type", lang), v.apply("articleType", a.get("articleType"))),
        new Row(glossary.label("gender", lang), v.apply("gender", a.get("gender"))),
        new Row(glossary.label("colour", lang), v.apply("baseColour", a.get("baseColour"))),
        new Row(glossary.label("usage", lang), v.apply("usage", a.get("usage"))));
  }

  // ---------------------------------------------------------------- composed queries

  private static final Map<String, String> OTHER_GENDER =
      Map.of("Men", "Women", "Women", "Men", "Boys", "Girls", "Girls", "Boys");

  private List<QuerySetRecord> composedQueries(List<FashionItem> test) {
    List<QueryRecord> en = new ArrayList<>();
    List<QueryRecord> ko = new ArrayList<>();
    Map<String, Map<String, Integer>> qen = new LinkedHashMap<>();
    Map<String, Map<String, Integer>> qko = new LinkedHashMap<>();
    Random rng = rng("image-text");
    int n = 0;
    for (FashionItem t : sample(test, test.size(), rng("image-text-refs"))) {
      if (n >= o.maxQueries()) {
        break;
      }
      String type = t.attr("articleType");
      String gender = t.attr("gender");
      String colour = t.attr("baseColour");
      if (colour == null) {
        continue;
      }
      boolean changeColour = rng.nextInt(3) < 2 || !OTHER_GENDER.containsKey(gender);
      String changed;
      String target;
      Relevance rel;
      if (changeColour) {
        List<String> colours = test.stream()
            .filter(x -> type.equals(x.attr("articleType")) && Relevance.matches("gender", gender, x.attr("gender")))
            .map(x -> x.attr("baseColour")).filter(c -> c != null && !c.equals(colour))
            .distinct().sorted().toList();
        if (colours.isEmpty()) {
          continue;
        }
        changed = "baseColour";
        target = colours.get(rng.nextInt(colours.size()));
        rel = new Relevance(attrs("articleType", type, "baseColour", target), attrs("gender", gender));
      } else {
        changed = "gender";
        target = OTHER_GENDER.get(gender);
        rel = new Relevance(attrs("articleType", type, "gender", target), attrs("baseColour", colour));
      }
      Map<String, Integer> j = judge(rel, test, Set.of(t.id()));
      if (!hasGrade2(j)) {
        continue;
      }
      n++;
      int v = rng.nextInt(2);
      String enText;
      String koText;
      if (changed.equals("baseColour")) {
        String c = glossary.en("baseColour", target);
        String ck = glossary.ko("baseColour", target);
        enText = v == 0 ? "the same in " + c : "this, but " + c;
        koText = v == 0 ? "같은 디자인 " + ck + " 색상으로" : "이거 " + ck + " 색상으로";
      } else {
        String g = glossary.en("gender", target);
        String gk = glossary.ko("gender", target);
        enText = v == 0 ? "this, for " + g : "the same for " + g;
        koText = v == 0 ? "이거 " + gk + "용으로" : "같은 디자인 " + gk + "용으로";
      }
      Map<String, String> a = attrs("granularity", "change_" + (changed.equals("baseColour") ? "colour" : "gender"),
          "sourceItem", t.id(), "articleType", type, "changedAttribute", changed,
          "from", changed.equals("baseColour") ? colour : gender, "to", target,
          "gender", changed.equals("gender") ? target : gender,
          "baseColour", changed.equals("baseColour") ? target : colour, "template", "t" + v);
      for (String lang : List.of("en", "ko")) {
        String id = qid("image-text-" + lang, n);
        Map<String, String> qa = new LinkedHashMap<>(a);
        qa.put("kind", "image_text");
        qa.put("language", lang);
        if (lang.equals("ko")) {
          qa.put("derived", "glossary-ko");
        }
        QueryRecord q = new QueryRecord(id, QueryKind.IMAGE_TEXT, lang, lang.equals("en") ? enText : koText,
            "source:" + t.queryImage(), qa, List.of(t.id()));
        (lang.equals("en") ? en : ko).add(q);
        (lang.equals("en") ? qen : qko).put(id, j);
      }
    }
    return List.of(new QuerySetRecord("image-text-en", en, new Qrels(qen)),
        new QuerySetRecord("image-text-ko", ko, new Qrels(qko)));
  }

  // ---------------------------------------------------------------- card

  private Map<String, Object> card(List<FashionItem> rows, List<FashionItem> test,
      List<QuerySetRecord> sets, List<Problem> skipped) {
    Map<String, Object> card = new LinkedHashMap<>();
    card.put("name", "fashion");
    Map<String, Object> source = new LinkedHashMap<>();
    source.put("name", o.source());
    source.put("itemsCsvSha256", Hashing.sha256Hex(o.sourceDir().resolve(KaggleFashionLoader.ITEMS)));
    source.put("imagesSha256", imagesChecksum(rows));
    source.put("provenance", "PROVENANCE.md next to the source folder (data root)");
    card.put("source", source);
    card.put("licence", LICENCE);
    card.put("seed", o.seed());
    Map<String, Object> build = new LinkedHashMap<>();
    build.put("builder", FashionBuilder.class.getName());
    build.put("builderVersion", BUILDER_VERSION);
    build.put("command", String.format(Locale.ROOT,
        "lensbench datasets build fashion --source %s --seed %d --max-queries %d --test-fraction %s%s",
        o.source(), o.seed(), o.maxQueries(), Double.toString(o.testFraction()),
        o.skipInvalid() ? " --skip-invalid" : ""));
    build.put("split", "stratified by articleType: per type, a seeded shuffle puts round(n * testFraction) "
        + "items (at least 1 when n >= 2) in test; every query and every judged item is a test item");
    build.put("glossary", Glossary.RESOURCE + " sha256 " + glossary.sha256());
    build.put("skippedSourceRows", skipped.stream().map(Problem::toString).toList());
    card.put("build", build);
    Map<String, Object> roots = new LinkedHashMap<>();
    roots.put("source", Map.of("dataset", o.source(), "builtFrom",
        o.sourceDir().toAbsolutePath().normalize().toString()));
    card.put("imageRoots", roots);
    card.put("searchSplit", "test");
    card.put("derived", Map.of(
        "name_ko", "glossary-derived: '<gender> <colour> <articleType>' in Korean from " + Glossary.RESOURCE
            + ", not a translation of the product name",
        "summary_ko", "glossary-derived Korean summary of the catalogue attributes",
        "queries", "Korean queries (language ko) are glossary-derived from the same intents as the English ones"));
    Map<String, Object> counts = new LinkedHashMap<>();
    counts.put("items", rows.size());
    counts.put("train", rows.size() - test.size());
    counts.put("test", test.size());
    Map<String, Object> perSet = new LinkedHashMap<>();
    Map<String, Integer> byKindLang = new TreeMap<>();
    for (QuerySetRecord s : sets) {
      Map<String, Object> c = new LinkedHashMap<>();
      String kind = s.queries().isEmpty() ? "" : s.queries().get(0).kind().wireName();
      String lang = s.queries().isEmpty() ? "" : s.queries().get(0).language();
      c.put("kind", kind);
      c.put("language", lang);
      c.put("queries", s.queries().size());
      c.put("judgments", s.qrels().asMap().values().stream().mapToInt(Map::size).sum());
      Map<String, Integer> gran = new TreeMap<>();
      s.queries().forEach(q -> gran.merge(q.attributes().getOrDefault("granularity", ""), 1, Integer::sum));
      c.put("byGranularity", gran);
      perSet.put(s.name(), c);
      byKindLang.merge(kind + "/" + lang, s.queries().size(), Integer::sum);
    }
    counts.put("querySets", perSet);
    counts.put("queriesByKindAndLanguage", byKindLang);
    Map<String, Integer> itemsByLang = new TreeMap<>();
    itemsByLang.put("en", rows.size());
    itemsByLang.put("ko", rows.size());
    counts.put("itemTextsByLanguage", itemsByLang);
    card.put("counts", counts);
    return card;
  }

  private String imagesChecksum(List<FashionItem> rows) {
    StringBuilder sb = new StringBuilder();
    Set<String> files = new LinkedHashSet<>();
    for (FashionItem r : rows) {
      files.add(r.image());
      if (r.image224() != null) {
        files.add(r.image224());
      }
    }
    for (String f : new TreeSet<>(files)) {
      sb.append(f).append(' ').append(Hashing.sha256Hex(o.sourceDir().resolve(f))).append('\n');
    }
    return Hashing.sha256Hex(sb.toString());
  }
}
