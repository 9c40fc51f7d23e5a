package io.lensbench.datasets.fashion;

import io.lensbench.core.Hashing;
import io.lensbench.datasets.NativeLayout.QuerySetFiles;
import io.lensbench.datasets.Problem;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** The dataset card (dataset.json, before checksums) of a fashion build. */
record FashionCard(FashionBuilder.Options o, Glossary glossary, ShopperKorean shopper) {
  static final String LABEL_GLOSSARY_KO = "Korean-on-Korean, glossary-derived: the queries and the"
      + " Korean item texts come from the same glossary (measures lexical matching of glossary terms)";
  static final String LABEL_CROSS_LINGUAL = "cross-lingual: everyday Korean (" + ShopperKorean.RESOURCE
      + ", not the glossary) searched against the ENGLISH catalogue text and images only";


  Map<String, Object> card(List<FashionItem> rows, List<FashionItem> test,
      List<QuerySetFiles> sets, List<Problem> skipped) {
    Map<String, Object> card = new LinkedHashMap<>();
    card.put("name", "fashion");
    Map<String, Object> source = new LinkedHashMap<>();
    source.put("name", o.source());
    source.put("itemsCsvSha256", Hashing.sha256Hex(o.sourceDir().resolve(KaggleFashionLoader.ITEMS)));
    source.put("imagesSha256", imagesChecksum(rows));
    source.put("provenance", "PROVENANCE.md next to the source folder (data root)");
    card.put("source", source);
    card.put("licence", FashionBuilder.LICENCE);
    card.put("seed", o.seed());
    card.put("build", build(skipped));
    Map<String, Object> roots = new LinkedHashMap<>();
    roots.put("source", Map.of("dataset", o.source(), "builtFrom",
        o.sourceDir().toAbsolutePath().normalize().toString()));
    card.put("imageRoots", roots);
    card.put("searchSplit", "test");
    card.put("derived", Map.of(
        "name_ko", "glossary-derived: '<gender> <colour> <articleType>' in Korean from " + Glossary.RESOURCE
            + ", not a translation of the product name",
        "summary_ko", "glossary-derived Korean summary of the catalogue attributes",
        "queries", "Korean queries (language ko) are glossary-derived from the same intents as the English ones",
        "queries_ko_en", "cross-lingual query sets (*-ko-en): the same intents and qrels, phrased in everyday"
            + " Korean from " + ShopperKorean.RESOURCE + "; strategies search only English item text and images"
            + " for them (queries carry corpusLanguage: en)"));
    card.put("counts", counts(rows, test, sets));
    return card;
  }

  private Map<String, Object> build(List<Problem> skipped) {
    Map<String, Object> build = new LinkedHashMap<>();
    build.put("builder", FashionBuilder.class.getName());
    build.put("builderVersion", FashionBuilder.BUILDER_VERSION);
    build.put("command", String.format(Locale.ROOT,
        "lensbench datasets build fashion --source %s --seed %d --max-queries %d --test-fraction %s%s",
        o.source(), o.seed(), o.maxQueries(), Double.toString(o.testFraction()),
        o.skipInvalid() ? " --skip-invalid" : ""));
    build.put("split", "stratified by articleType: per type, a seeded shuffle puts round(n * testFraction) "
        + "items (at least 1 when n >= 2) in test; every query and every judged item is a test item");
    build.put("glossary", Glossary.RESOURCE + " sha256 " + glossary.sha256());
    build.put("shopperKorean", ShopperKorean.RESOURCE + " sha256 " + shopper.sha256());
    build.put("skippedSourceRows", skipped.stream().map(Problem::toString).toList());
    return build;
  }

  private static Map<String, Object> counts(List<FashionItem> rows, List<FashionItem> test,
      List<QuerySetFiles> sets) {
    Map<String, Object> counts = new LinkedHashMap<>();
    counts.put("items", rows.size());
    counts.put("train", rows.size() - test.size());
    counts.put("test", test.size());
    Map<String, Object> perSet = new LinkedHashMap<>();
    Map<String, Integer> byKindLang = new TreeMap<>();
    for (QuerySetFiles s : sets) {
      Map<String, Object> c = new LinkedHashMap<>();
      String kind = s.queries().isEmpty() ? "" : s.queries().get(0).kind().wireName();
      String lang = s.queries().isEmpty() ? "" : s.queries().get(0).language();
      c.put("kind", kind);
      c.put("language", lang);
      c.put("label", label(s, lang));
      c.put("queries", s.queries().size());
      c.put("judgments", judgments(s));
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
    return counts;
  }

  /** What a query set's language means: English, glossary Korean-on-Korean, or cross-lingual. */
  static String label(QuerySetFiles s, String language) {
    if (s.queries().stream().anyMatch(q -> "en".equals(q.attributes().get("corpusLanguage")))) {
      return LABEL_CROSS_LINGUAL;
    }
    return switch (language) {
      case "ko" -> LABEL_GLOSSARY_KO;
      case "en" -> "English";
      default -> "no text";
    };
  }

  /** Judgments in a query set. */
  static int judgments(QuerySetFiles s) {
    return s.qrels().asMap().values().stream().mapToInt(Map::size).sum();
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
