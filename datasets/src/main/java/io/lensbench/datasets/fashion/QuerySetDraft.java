package io.lensbench.datasets.fashion;

import io.lensbench.datasets.NativeLayout.QueryLine;
import io.lensbench.datasets.NativeLayout.QuerySetFiles;
import io.lensbench.datasets.Qrels;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * An English and a Korean query set drawn from the same intents ({@code <prefix>-en}, {@code
 * <prefix>-ko}), optionally a cross-lingual one ({@code <prefix>-ko-en}: everyday Korean searched
 * against the English catalogue), with the judging and sampling helpers every fashion query
 * builder shares. A set's variant is its name suffix; its queries' language is the variant's
 * first part.
 */
final class QuerySetDraft {
  static final List<String> LANGUAGES = List.of("en", "ko");
  /** Korean queries meant for the English catalogue (text and images) only. */
  static final String CROSS_LINGUAL = "ko-en";
  static final List<String> WITH_CROSS_LINGUAL = List.of("en", "ko", CROSS_LINGUAL);

  private final String prefix;
  private final List<String> variants;
  private final Map<String, List<QueryLine>> queries = new LinkedHashMap<>();
  private final Map<String, Map<String, Map<String, Integer>>> qrels = new LinkedHashMap<>();

  QuerySetDraft(String prefix) {
    this(prefix, LANGUAGES);
  }

  QuerySetDraft(String prefix, List<String> variants) {
    this.prefix = prefix;
    this.variants = variants;
    for (String lang : variants) {
      queries.put(lang, new ArrayList<>());
      qrels.put(lang, new LinkedHashMap<>());
    }
  }

  /** The id of query {@code n} in the set of {@code lang}. */
  String id(String lang, int n) {
    return qid(prefix + "-" + lang, n);
  }

  void add(String lang, QueryLine query, Map<String, Integer> judgments) {
    queries.get(lang).add(query);
    qrels.get(lang).put(query.id(), judgments);
  }

  List<QuerySetFiles> sets() {
    List<QuerySetFiles> out = new ArrayList<>();
    for (String lang : variants) {
      out.add(new QuerySetFiles(prefix + "-" + lang, queries.get(lang),
          new Qrels(qrels.get(lang))));
    }
    return out;
  }

  /** The variants of this draft, in order. */
  List<String> variants() {
    return variants;
  }

  /** The query language of a variant: {@code ko} for the cross-lingual one. */
  static String language(String variant) {
    return variant.equals(CROSS_LINGUAL) ? "ko" : variant;
  }

  /**
   * {@code a} plus kind and language, and where the Korean comes from: {@code derived:
   * glossary-ko} (the glossary that also wrote the Korean item texts), or for the cross-lingual
   * variant {@code derived: shopper-ko} and {@code corpusLanguage: en} (search the English
   * catalogue only).
   */
  static Map<String, String> languageAttrs(Map<String, String> a, String kind, String variant) {
    Map<String, String> qa = new LinkedHashMap<>(a);
    qa.put("kind", kind);
    qa.put("language", language(variant));
    if (variant.equals("ko")) {
      qa.put("derived", "glossary-ko");
    } else if (variant.equals(CROSS_LINGUAL)) {
      qa.put("derived", "shopper-ko");
      qa.put("corpusLanguage", "en");
    }
    return qa;
  }

  /** Judgments of one intent over the test items, in id order, leaving out excluded items. */
  static Map<String, Integer> judge(Relevance rel, List<FashionItem> test, Set<String> exclude) {
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

  static boolean hasGrade2(Map<String, Integer> j) {
    return j.containsValue(2);
  }

  static String qid(String set, int n) {
    return String.format(Locale.ROOT, "%s-%04d", set, n);
  }

  static <T> List<T> sample(List<T> all, int n, Random rng) {
    List<T> l = new ArrayList<>(all);
    Collections.shuffle(l, rng);
    return l.size() > n ? new ArrayList<>(l.subList(0, n)) : l;
  }

  /** Key-value pairs in order, leaving out null values. */
  static Map<String, String> attrs(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i + 1 < kv.length; i += 2) {
      if (kv[i + 1] != null) {
        m.put(kv[i], kv[i + 1]);
      }
    }
    return m;
  }
}
