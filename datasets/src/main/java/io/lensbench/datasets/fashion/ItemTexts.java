package io.lensbench.datasets.fashion;

import io.lensbench.datasets.NativeLayout.CorpusLine;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The corpus line of a fashion item: its English name and summary, and a Korean name and summary
 * derived from the glossary (not translations of the product name).
 */
final class ItemTexts {
  private final Glossary glossary;

  ItemTexts(Glossary glossary) {
    this.glossary = glossary;
  }

  CorpusLine corpusLine(FashionItem r) {
    Map<String, String> texts = new LinkedHashMap<>();
    texts.put("name_en", r.name());
    texts.put("summary_en", summaryEn(r));
    texts.put("name_ko", nameKo(r.attributes()));
    texts.put("summary_ko", summaryKo(r));
    Map<String, String> derived = new LinkedHashMap<>();
    derived.put("name_ko", "glossary-ko");
    derived.put("summary_ko", "glossary-ko");
    return new CorpusLine(r.id(), "source:" + r.image(), texts, derived, r.attributes());
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
      appendYear(sb, a);
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
      appendYear(sb, a);
    }
    return sb.toString();
  }

  /** " <year>." after a season (the year only when known). */
  private static void appendYear(StringBuilder sb, Map<String, String> a) {
    if (a.containsKey("year")) {
      sb.append(' ').append(a.get("year"));
    }
    sb.append('.');
  }

  private static String cap(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
