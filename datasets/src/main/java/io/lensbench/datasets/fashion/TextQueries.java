package io.lensbench.datasets.fashion;

import static io.lensbench.datasets.fashion.QuerySetDraft.attrs;
import static io.lensbench.datasets.fashion.QuerySetDraft.hasGrade2;
import static io.lensbench.datasets.fashion.QuerySetDraft.judge;
import static io.lensbench.datasets.fashion.QuerySetDraft.languageAttrs;
import static io.lensbench.datasets.fashion.QuerySetDraft.sample;

import io.lensbench.datasets.NativeLayout.QueryLine;
import io.lensbench.datasets.NativeLayout.QuerySetFiles;
import io.lensbench.datasets.QueryKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * Text queries ({@code text-en}, {@code text-ko}): an article type, or (gender, colour, article
 * type) phrased by one of three templates.
 */
record TextQueries(FashionBuilder.Options o, Glossary glossary, ShopperKorean shopper) {
  /** A text intent: (articleType) or (gender, colour, articleType). */
  private record Intent(String granularity, String gender, String colour, String type) {}

  /** An intent phrased in English, glossary Korean and everyday Korean. */
  private record Phrasing(String en, String ko, String shopperKo, String template) {
    String text(String variant) {
      return switch (variant) {
        case "en" -> en;
        case "ko" -> ko;
        default -> shopperKo;
      };
    }
  }

  List<QuerySetFiles> build(List<FashionItem> test) {
    QuerySetDraft draft = new QuerySetDraft("text", QuerySetDraft.WITH_CROSS_LINGUAL);
    Random tpl = o.rng("text-templates");
    int n = 0;
    for (Intent i : intents(test)) {
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
      Phrasing p = phrase(i, tpl);
      Map<String, String> a = attrs("granularity", i.granularity(), "intent", intentId,
          "articleType", i.type(), "gender", i.gender(), "baseColour", i.colour(), "template", p.template());
      for (String variant : draft.variants()) {
        String id = draft.id(variant, n);
        draft.add(variant, new QueryLine(id, QueryKind.TEXT, QuerySetDraft.language(variant),
            p.text(variant), null, languageAttrs(a, "text", variant), List.of()), j);
      }
    }
    return draft.sets();
  }

  /** A third of the queries name an article type; the rest a (gender, colour, type). */
  private List<Intent> intents(List<FashionItem> test) {
    Set<String> types = new TreeSet<>();
    Set<List<String>> fine = new TreeSet<>(Comparator.comparing((List<String> l) -> String.join("\u0000", l)));
    for (FashionItem t : test) {
      types.add(t.attr("articleType"));
      if (t.attr("baseColour") != null) {
        fine.add(List.of(t.attr("gender"), t.attr("baseColour"), t.attr("articleType")));
      }
    }
    Random rng = o.rng("text");
    int typeCap = Math.max(1, o.maxQueries() / 3);
    List<Intent> intents = new ArrayList<>();
    for (String t : sample(new ArrayList<>(types), typeCap, rng)) {
      intents.add(new Intent("type", null, null, t));
    }
    for (List<String> f : sample(new ArrayList<>(fine), o.maxQueries() - intents.size(), rng)) {
      intents.add(new Intent("gender_colour_type", f.get(0), f.get(1), f.get(2)));
    }
    return intents;
  }

  private Phrasing phrase(Intent i, Random tpl) {
    if (i.granularity().equals("type")) {
      return new Phrasing(glossary.enPlural("articleType", i.type()),
          glossary.ko("articleType", i.type()), shopper.ko("articleType", i.type()), "type");
    }
    String g = glossary.en("gender", i.gender());
    String gPoss = glossary.enPlural("gender", i.gender());
    String c = glossary.en("baseColour", i.colour());
    String ts = glossary.en("articleType", i.type());
    String tp = glossary.enPlural("articleType", i.type());
    String gk = glossary.ko("gender", i.gender());
    String ck = glossary.ko("baseColour", i.colour());
    String tk = glossary.ko("articleType", i.type());
    String gs = shopper.ko("gender", i.gender());
    String gsFor = gs.endsWith("용") ? gs : gs + "용"; // 남녀공용 already says "for"
    String cs = shopper.ko("baseColour", i.colour());
    String ts2 = shopper.ko("articleType", i.type());
    int v = tpl.nextInt(3);
    return switch (v) {
      case 0 -> new Phrasing(g + " " + c + " " + ts, gk + " " + ck + " " + tk,
          gs + " " + cs + " " + ts2, "t0");
      case 1 -> new Phrasing(gPoss + " " + c + " " + ts, gk + " " + ck + " " + tk,
          gsFor + " " + cs + " " + ts2, "t1");
      default -> new Phrasing(c + " " + tp + " for " + g, ck + " " + tk + " " + gk + "용",
          cs + " " + ts2 + " " + gsFor, "t" + v);
    };
  }
}
