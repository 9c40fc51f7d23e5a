package io.lensbench.stores.opensearch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lensbench.stores.Filter;
import io.lensbench.stores.IndexSpec;
import io.lensbench.stores.TextField;
import io.lensbench.stores.VectorField;
import java.util.Map;

/**
 * Search bodies for checked arguments: HNSW fields with the k-NN {@code knn} query ({@code
 * ef_search = max(efSearch, k)}), FLAT fields exactly with the {@code knn_score} script, BM25 with
 * {@code match}, each with the filter as a bool filter.
 */
final class OpenSearchQueries {
  private final ObjectMapper json;

  OpenSearchQueries(ObjectMapper json) {
    this.json = json;
  }

  ObjectNode knn(VectorField v, float[] vector, int k, Filter filter) {
    ObjectNode body = json.createObjectNode();
    body.put("size", k);
    body.put("_source", false);
    ObjectNode query = body.putObject("query");
    if (v.index().type() == IndexSpec.Type.FLAT) {
      // exact: brute force over the (filtered) documents with the k-NN plugin's scoring script
      ObjectNode ss = query.putObject("script_score");
      ss.set("query", filter.isEmpty() ? matchAll() : filterQuery(filter));
      ObjectNode script = ss.putObject("script");
      script.put("source", "knn_score");
      script.put("lang", "knn");
      ObjectNode params = script.putObject("params");
      params.put("field", v.name());
      floats(params.putArray("query_value"), vector);
      params.put("space_type", OpenSearchMappings.spaceType(v.metric()));
    } else {
      ObjectNode f = query.putObject("knn").putObject(v.name());
      floats(f.putArray("vector"), vector);
      f.put("k", k);
      f.putObject("method_parameters").put("ef_search", Math.max(v.index().efSearch(), k));
      if (!filter.isEmpty()) {
        f.set("filter", filterQuery(filter));
      }
    }
    return body;
  }

  ObjectNode bm25(TextField t, String text, int k, Filter filter) {
    ObjectNode body = json.createObjectNode();
    body.put("size", k);
    body.put("_source", false);
    ObjectNode bool = body.putObject("query").putObject("bool");
    bool.putArray("must").addObject().putObject("match").putObject(t.name()).put("query", text);
    if (!filter.isEmpty()) {
      bool.set("filter", filterQuery(filter));
    }
    return body;
  }

  private ObjectNode matchAll() {
    ObjectNode q = json.createObjectNode();
    q.putObject("match_all");
    return q;
  }

  /** bool filter: term per equals entry, must_not ids for excluded ids. */
  private ObjectNode filterQuery(Filter filter) {
    ObjectNode q = json.createObjectNode();
    ObjectNode bool = q.putObject("bool");
    ArrayNode must = bool.putArray("filter");
    filter.equals().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> must.addObject().putObject("term").set(e.getKey(), json.valueToTree(e.getValue())));
    if (!filter.excludeIds().isEmpty()) {
      ArrayNode ids = bool.putArray("must_not").addObject().putObject("ids").putArray("values");
      filter.excludeIds().stream().sorted().forEach(ids::add);
    }
    return q;
  }

  private static void floats(ArrayNode a, float[] v) {
    for (float x : v) {
      a.add(x);
    }
  }
}
