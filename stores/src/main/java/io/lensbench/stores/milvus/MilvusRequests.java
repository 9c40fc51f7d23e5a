package io.lensbench.stores.milvus;

import com.google.gson.Gson;
import io.lensbench.stores.CheckedSearch;
import io.lensbench.stores.Filter;
import io.lensbench.stores.HybridRequest;
import io.lensbench.stores.IndexSpec;
import io.lensbench.stores.SchemaChecks;
import io.lensbench.stores.TextField;
import io.lensbench.stores.VectorField;
import io.milvus.v2.common.ConsistencyLevel;
import io.milvus.v2.common.IndexParam;
import io.milvus.v2.service.collection.request.CreateCollectionReq;
import io.milvus.v2.service.vector.request.AnnSearchReq;
import io.milvus.v2.service.vector.request.HybridSearchReq;
import io.milvus.v2.service.vector.request.SearchReq;
import io.milvus.v2.service.vector.request.data.BaseVector;
import io.milvus.v2.service.vector.request.data.EmbeddedText;
import io.milvus.v2.service.vector.request.data.FloatVec;
import io.milvus.v2.service.vector.request.ranker.RRFRanker;
import io.milvus.v2.service.vector.request.ranker.WeightedRanker;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Milvus search requests for checked arguments: kNN ({@code ef = max(efSearch, k)} for HNSW),
 * BM25 on the text's sparse field, hybrid search with Milvus's RRF or weighted ranker, and the
 * boolean filter expression. Consistency is STRONG, except for kNN on a Milvus server whose
 * writes a strong read has already seen (see {@link MilvusStore}).
 */
final class MilvusRequests {
  private final Gson gson = new Gson();
  private final MilvusRows rows;

  MilvusRequests(MilvusRows rows) {
    this.rows = rows;
  }

  /** kNN; {@code consistency} STRONG unless the caller knows every write is already visible. */
  SearchReq knn(String collection, VectorField v, float[] vector, int k, Filter filter, ConsistencyLevel consistency) {
    return filtered(SearchReq.builder()
        .collectionName(collection)
        .annsField(v.name())
        .metricType(MilvusSchemas.metric(v.metric()))
        .data(List.of(new FloatVec(vector)))
        .limit(k)
        .consistencyLevel(consistency)
        .searchParams(searchParams(v, k)), filter).build();
  }

  SearchReq bm25(String collection, TextField t, String text, int k, Filter filter) {
    return filtered(SearchReq.builder()
        .collectionName(collection)
        .annsField(t.name() + SchemaChecks.BM25_SUFFIX)
        .metricType(IndexParam.MetricType.BM25)
        .data(List.of(new EmbeddedText(rows.text(t, text))))
        .limit(k)
        .consistencyLevel(ConsistencyLevel.STRONG), filter).build();
  }

  private static SearchReq.SearchReqBuilder filtered(SearchReq.SearchReqBuilder b, Filter filter) {
    String expr = expression(filter);
    return expr.isEmpty() ? b : b.filter(expr);
  }

  HybridSearchReq hybrid(String collection, List<CheckedSearch> searches, HybridRequest.Ranker ranker, int k, Filter filter) {
    String expr = expression(filter);
    List<AnnSearchReq> subs = new ArrayList<>();
    for (CheckedSearch sub : searches) {
      AnnSearchReq.AnnSearchReqBuilder a = AnnSearchReq.builder().limit(sub.k());
      if (sub instanceof CheckedSearch.Knn knn) {
        a.vectorFieldName(knn.field().name())
            .vectors(List.<BaseVector>of(new FloatVec(knn.vector())))
            .metricType(MilvusSchemas.metric(knn.field().metric()))
            .params(gson.toJson(searchParams(knn.field(), knn.k())));
      } else if (sub instanceof CheckedSearch.Bm25 bm) {
        a.vectorFieldName(bm.field().name() + SchemaChecks.BM25_SUFFIX)
            .vectors(List.<BaseVector>of(new EmbeddedText(rows.text(bm.field(), bm.text()))))
            .metricType(IndexParam.MetricType.BM25)
            .params("{}");
      }
      if (!expr.isEmpty()) {
        a.filter(expr);
      }
      subs.add(a.build());
    }
    return HybridSearchReq.builder()
        .collectionName(collection)
        .searchRequests(subs)
        .ranker(ranker(ranker))
        .limit(k)
        .consistencyLevel(ConsistencyLevel.STRONG)
        .build();
  }

  private static CreateCollectionReq.Function ranker(HybridRequest.Ranker ranker) {
    if (ranker instanceof HybridRequest.Rrf rrf) {
      return RRFRanker.builder().k(rrf.k()).build();
    }
    HybridRequest.Weighted w = (HybridRequest.Weighted) ranker;
    return WeightedRanker.builder()
        .weights(w.weights().stream().map(Double::floatValue).collect(Collectors.toList()))
        .build();
  }

  private static Map<String, Object> searchParams(VectorField v, int k) {
    Map<String, Object> p = new HashMap<>();
    p.put("metric_type", MilvusSchemas.metric(v.metric()).name());
    if (v.index().type() == IndexSpec.Type.HNSW) {
      p.put("ef", Math.max(v.index().efSearch(), k));
    } else if (v.index().type() == IndexSpec.Type.IVF_FLAT) {
      p.put("nprobe", v.index().nprobe());
    }
    return p;
  }

  /** Milvus boolean expression for a filter: equals on scalars, id not in excluded ids. */
  static String expression(Filter filter) {
    if (filter == null || filter.isEmpty()) {
      return "";
    }
    List<String> parts = new ArrayList<>();
    filter.equals().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> {
          Object v = e.getValue();
          parts.add(e.getKey() + " == " + (v instanceof String str ? quote(str) : String.valueOf(((Number) v).longValue())));
        });
    if (!filter.excludeIds().isEmpty()) {
      parts.add(SchemaChecks.ID_FIELD + " not in ["
          + filter.excludeIds().stream().sorted().map(MilvusRequests::quote).collect(Collectors.joining(", "))
          + "]");
    }
    return String.join(" and ", parts);
  }

  static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '\\' -> b.append("\\\\");
        case '"' -> b.append("\\\"");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> b.append(c);
      }
    }
    return b.append('"').toString();
  }
}
