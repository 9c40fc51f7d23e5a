package io.lensbench.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lensbench.core.BadInputException;
import io.lensbench.stores.HybridRequest;
import io.lensbench.strategies.FusionSpec;
import io.lensbench.strategies.QueryPlan;
import io.lensbench.strategies.fusion.WeightedSum;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes and reads pre-encoded {@link QueryPlan}s as JSON, so benchmarks measure searches with
 * the exact query vectors the runner produced, without loading any model.
 */
public final class PlanCodec {
  private PlanCodec() {}

  public static ObjectNode write(ObjectMapper mapper, QueryPlan plan) {
    ObjectNode n = mapper.createObjectNode();
    ArrayNode searches = n.putArray("searches");
    for (HybridRequest.SubSearch s : plan.searches()) {
      ObjectNode o = searches.addObject();
      if (s instanceof HybridRequest.Knn knn) {
        o.put("type", "knn").put("field", knn.field()).put("k", knn.k());
        ArrayNode v = o.putArray("vector");
        for (float f : knn.vector()) {
          v.add(f);
        }
      } else {
        HybridRequest.Bm25 b = (HybridRequest.Bm25) s;
        o.put("type", "bm25").put("field", b.field()).put("k", b.k()).put("text", b.text());
      }
    }
    ArrayNode w = n.putArray("weights");
    plan.weights().forEach(w::add);
    ObjectNode f = n.putObject("fusion");
    f.put("mode", plan.fusion().mode().wireName());
    f.put("rrfK", plan.fusion().rrfK());
    f.put("normalization", plan.fusion().normalization().name());
    n.put("candidates", plan.candidates());
    return n;
  }

  public static QueryPlan read(JsonNode n, String where) {
    try {
      List<HybridRequest.SubSearch> subs = new ArrayList<>();
      for (JsonNode o : n.get("searches")) {
        String type = o.get("type").asText();
        String field = o.get("field").asText();
        int k = o.get("k").asInt();
        if (type.equals("knn")) {
          JsonNode v = o.get("vector");
          float[] vec = new float[v.size()];
          for (int i = 0; i < vec.length; i++) {
            vec[i] = (float) v.get(i).asDouble();
          }
          subs.add(new HybridRequest.Knn(field, vec, k));
        } else if (type.equals("bm25")) {
          subs.add(new HybridRequest.Bm25(field, o.get("text").asText(), k));
        } else {
          throw new BadInputException(where + ": unknown sub-search type '" + type + "'");
        }
      }
      List<Double> weights = new ArrayList<>();
      n.get("weights").forEach(x -> weights.add(x.asDouble()));
      JsonNode f = n.get("fusion");
      FusionSpec fusion =
          new FusionSpec(
              FusionSpec.Mode.parse(f.get("mode").asText(), where),
              f.get("rrfK").asInt(),
              WeightedSum.Normalization.valueOf(
                  f.get("normalization").asText().toUpperCase(Locale.ROOT)));
      return new QueryPlan(subs, weights, fusion, n.get("candidates").asInt());
    } catch (NullPointerException e) {
      throw new BadInputException(where + ": malformed query plan (missing field)", e);
    }
  }
}
