package io.lensbench.datasets.fashion;

import static io.lensbench.datasets.fashion.QuerySetDraft.attrs;
import static io.lensbench.datasets.fashion.QuerySetDraft.judge;
import static io.lensbench.datasets.fashion.QuerySetDraft.qid;
import static io.lensbench.datasets.fashion.QuerySetDraft.sample;

import io.lensbench.datasets.NativeLayout.QueryLine;
import io.lensbench.datasets.NativeLayout.QuerySetFiles;
import io.lensbench.datasets.Qrels;
import io.lensbench.datasets.QueryKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Image queries ({@code image}): a test item's photo; relevant are the other items of its gender
 * and article type, those of its colour graded higher.
 */
record ImageQueries(FashionBuilder.Options o) {

  QuerySetFiles build(List<FashionItem> test) {
    List<QueryLine> qs = new ArrayList<>();
    Map<String, Map<String, Integer>> qrels = new LinkedHashMap<>();
    int n = 0;
    for (FashionItem t : sample(test, test.size(), o.rng("image"))) {
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
      qs.add(new QueryLine(id, QueryKind.IMAGE, "none", null, "source:" + t.queryImage(),
          attrs("kind", "image", "language", "none", "granularity", "gender_type",
              "sourceItem", t.id(), "rendition", t.image224() != null ? "224" : "original",
              "articleType", t.attr("articleType"), "gender", t.attr("gender"),
              "baseColour", t.attr("baseColour")),
          List.of(t.id())));
      qrels.put(id, j);
    }
    return new QuerySetFiles("image", qs, new Qrels(qrels));
  }
}
