package io.lensbench.datasets.fashion;

import static io.lensbench.datasets.fashion.QuerySetDraft.attrs;
import static io.lensbench.datasets.fashion.QuerySetDraft.hasGrade2;
import static io.lensbench.datasets.fashion.QuerySetDraft.judge;
import static io.lensbench.datasets.fashion.QuerySetDraft.languageAttrs;
import static io.lensbench.datasets.fashion.QuerySetDraft.sample;

import io.lensbench.datasets.NativeLayout.QueryLine;
import io.lensbench.datasets.NativeLayout.QuerySetFiles;
import io.lensbench.datasets.QueryKind;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Composed image+text queries ({@code image-text-en}, {@code image-text-ko}): a test item's photo
 * and an instruction changing its colour ("the same in blue") or its gender ("this, for women").
 */
record ComposedQueries(FashionBuilder.Options o, Glossary glossary, ShopperKorean shopper) {
  private static final Map<String, String> OTHER_GENDER =
      Map.of("Men", "Women", "Women", "Men", "Boys", "Girls", "Girls", "Boys");

  /** What the instruction changes: the attribute, its old and new value, and who is relevant. */
  private record Change(String attribute, String from, String to, Relevance relevance) {
    boolean colour() {
      return attribute.equals("baseColour");
    }
  }

  List<QuerySetFiles> build(List<FashionItem> test) {
    QuerySetDraft draft = new QuerySetDraft("image-text", QuerySetDraft.WITH_CROSS_LINGUAL);
    Random rng = o.rng("image-text");
    int n = 0;
    for (FashionItem t : sample(test, test.size(), o.rng("image-text-refs"))) {
      if (n >= o.maxQueries()) {
        break;
      }
      if (t.attr("baseColour") == null) {
        continue;
      }
      Change change = change(t, test, rng);
      if (change == null) {
        continue;
      }
      Map<String, Integer> j = judge(change.relevance(), test, Set.of(t.id()));
      if (!hasGrade2(j)) {
        continue;
      }
      n++;
      int v = rng.nextInt(2);
      String[] texts = instruction(change, v);
      String gender = t.attr("gender");
      String colour = t.attr("baseColour");
      Map<String, String> a = attrs("granularity", "change_" + (change.colour() ? "colour" : "gender"),
          "sourceItem", t.id(), "articleType", t.attr("articleType"), "changedAttribute", change.attribute(),
          "from", change.from(), "to", change.to(),
          "gender", change.colour() ? gender : change.to(),
          "baseColour", change.colour() ? change.to() : colour, "template", "t" + v);
      for (int k = 0; k < draft.variants().size(); k++) {
        String variant = draft.variants().get(k);
        String id = draft.id(variant, n);
        draft.add(variant, new QueryLine(id, QueryKind.IMAGE_TEXT, QuerySetDraft.language(variant),
            texts[k], "source:" + t.queryImage(), languageAttrs(a, "image_text", variant),
            List.of(t.id())), j);
      }
    }
    return draft.sets();
  }

  /** Two in three queries change the colour (always, when the gender has no counterpart). */
  private Change change(FashionItem t, List<FashionItem> test, Random rng) {
    String type = t.attr("articleType");
    String gender = t.attr("gender");
    String colour = t.attr("baseColour");
    boolean changeColour = rng.nextInt(3) < 2 || !OTHER_GENDER.containsKey(gender);
    if (!changeColour) {
      String target = OTHER_GENDER.get(gender);
      return new Change("gender", gender, target,
          new Relevance(attrs("articleType", type, "gender", target), attrs("baseColour", colour)));
    }
    List<String> colours = test.stream()
        .filter(x -> type.equals(x.attr("articleType")) && Relevance.matches("gender", gender, x.attr("gender")))
        .map(x -> x.attr("baseColour")).filter(c -> c != null && !c.equals(colour))
        .distinct().sorted().toList();
    if (colours.isEmpty()) {
      return null;
    }
    String target = colours.get(rng.nextInt(colours.size()));
    return new Change("baseColour", colour, target,
        new Relevance(attrs("articleType", type, "baseColour", target), attrs("gender", gender)));
  }

  /** The instruction in English, glossary Korean and everyday Korean, template {@code v}. */
  private String[] instruction(Change change, int v) {
    if (change.colour()) {
      String c = glossary.en("baseColour", change.to());
      String ck = glossary.ko("baseColour", change.to());
      String cs = shopper.ko("baseColour", change.to());
      return new String[] {v == 0 ? "the same in " + c : "this, but " + c,
          v == 0 ? "같은 디자인 " + ck + " 색상으로" : "이거 " + ck + " 색상으로",
          v == 0 ? "같은 걸 " + cs + "으로" : "이거 " + cs + "으로 보여줘"};
    }
    String g = glossary.en("gender", change.to());
    String gk = glossary.ko("gender", change.to());
    String gs = shopper.ko("gender", change.to());
    return new String[] {v == 0 ? "this, for " + g : "the same for " + g,
        v == 0 ? "이거 " + gk + "용으로" : "같은 디자인 " + gk + "용으로",
        v == 0 ? "이거 " + gs + "용으로" : "같은 걸로 " + gs + "용"};
  }
}
