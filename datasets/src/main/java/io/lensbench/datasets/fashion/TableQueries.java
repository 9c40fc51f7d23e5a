package io.lensbench.datasets.fashion;

import static io.lensbench.datasets.fashion.QuerySetDraft.attrs;
import static io.lensbench.datasets.fashion.QuerySetDraft.hasGrade2;
import static io.lensbench.datasets.fashion.QuerySetDraft.judge;
import static io.lensbench.datasets.fashion.QuerySetDraft.languageAttrs;
import static io.lensbench.datasets.fashion.QuerySetDraft.sample;

import io.lensbench.datasets.NativeLayout;
import io.lensbench.datasets.NativeLayout.QueryLine;
import io.lensbench.datasets.NativeLayout.QuerySetFiles;
import io.lensbench.datasets.QueryKind;
import io.lensbench.datasets.fashion.TableImageRenderer.Row;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;

/**
 * Table-image queries ({@code table-image-en}, {@code table-image-ko}): a rendered attribute
 * table (PNG under {@code images/tables/}) describing a (category, type, gender, colour, usage)
 * combination.
 */
record TableQueries(FashionBuilder.Options o, Glossary glossary) {

  List<QuerySetFiles> build(List<FashionItem> test) {
    TableImageRenderer renderer = new TableImageRenderer(HangulFont.find(22f));
    Path dir = o.out().resolve(NativeLayout.IMAGES_DIR).resolve("tables");
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + dir, e);
    }
    QuerySetDraft draft = new QuerySetDraft("table-image");
    int n = 0;
    for (List<String> c : sample(new ArrayList<>(combinations(test)), o.maxQueries(), o.rng("table"))) {
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
      for (String lang : QuerySetDraft.LANGUAGES) {
        String id = draft.id(lang, n);
        Path png = dir.resolve(id + ".png");
        TableImageRenderer.writePng(renderer.render(tableHeader(glossary, lang), tableRows(glossary, a, lang)), png);
        draft.add(lang, new QueryLine(id, QueryKind.TABLE_IMAGE, lang, null,
            NativeLayout.IMAGES_DIR + "/tables/" + id + ".png", languageAttrs(a, "table_image", lang),
            List.of()), j);
      }
    }
    return draft.sets();
  }

  /** (masterCategory, subCategory, articleType, gender, colour, usage) of the test items. */
  private static Set<List<String>> combinations(List<FashionItem> test) {
    Set<List<String>> combos = new TreeSet<>(Comparator.comparing((List<String> l) -> String.join("\u0000", l)));
    for (FashionItem t : test) {
      if (t.attr("baseColour") != null && t.attr("usage") != null) {
        combos.add(List.of(t.attr("masterCategory"), t.attr("subCategory"), t.attr("articleType"),
            t.attr("gender"), t.attr("baseColour"), t.attr("usage")));
      }
    }
    return combos;
  }

  /** The header row of a table image. */
  static Row tableHeader(Glossary glossary, String lang) {
    return new Row(glossary.label("attribute", lang), glossary.label("value", lang));
  }

  /**
   * The rows of a table image: Category (masterCategory > subCategory), Type, Gender, Colour,
   * Usage — catalogue values in English, glossary terms in Korean.
   */
  static List<Row> tableRows(Glossary glossary, Map<String, String> a, String lang) {
    boolean ko = lang.equals("ko");
    BiFunction<String, String, String> v = (field, value) -> ko ? glossary.ko(field, value) : value;
    return List.of(
        new Row(glossary.label("category", lang),
            v.apply("masterCategory", a.get("masterCategory")) + " > " + v.apply("subCategory", a.get("subCategory"))),
        new Row(glossary.label("type", lang), v.apply("articleType", a.get("articleType"))),
        new Row(glossary.label("gender", lang), v.apply("gender", a.get("gender"))),
        new Row(glossary.label("colour", lang), v.apply("baseColour", a.get("baseColour"))),
        new Row(glossary.label("usage", lang), v.apply("usage", a.get("usage"))));
  }
}
