package io.lensbench.stores.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lensbench.core.BadInputException;
import io.lensbench.core.InfrastructureException;
import io.lensbench.core.SearchHit;
import io.lensbench.stores.CheckedSearch;
import io.lensbench.stores.CheckedStore;
import io.lensbench.stores.CollectionSchema;
import io.lensbench.stores.Filter;
import io.lensbench.stores.Footprint;
import io.lensbench.stores.HybridFusion;
import io.lensbench.stores.HybridRequest;
import io.lensbench.stores.RetrievalStore;
import io.lensbench.stores.ScalarField;
import io.lensbench.stores.StoreConfig;
import io.lensbench.stores.StoreDocument;
import io.lensbench.stores.StoreErrors;
import io.lensbench.stores.StoreId;
import io.lensbench.stores.TextField;
import io.lensbench.stores.VectorField;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5Transport;

/**
 * {@link RetrievalStore} on OpenSearch through opensearch-java over {@link
 * ApacheHttpClient5Transport}: the embedded node ({@code ./lensbench stores up}) or any cluster
 * (several URLs, basic auth, TLS with a trust store or, for dev clusters, an insecure flag; see
 * {@link OpenSearchClients}). Checks, schema cache and errors are {@link CheckedStore}'s; this
 * class makes the OpenSearch calls.
 *
 * <p>Mapping ({@link OpenSearchMappings}; shards and replicas from {@link StoreConfig#layout()},
 * default one shard and no replica; {@code dynamic: strict}): the id is {@code
 * _id}; each vector field a {@code knn_vector} with method {@code hnsw} on engine {@code lucene} —
 * always: faiss/nmslib need native libraries the embedded node lacks and a knn_vector without a
 * method defaults to faiss, which kills the node on the first write. FLAT fields are mapped the
 * same way but searched exactly with the k-NN plugin's {@code knn_score} script ({@code
 * script_score}). Text fields are {@code text} with analyser {@code standard} ("en") or {@code
 * nori} ("ko", from the project's nori plugin); KEYWORD → {@code keyword}, INT → {@code long},
 * JSON → an unindexed {@code object}. The {@link CollectionSchema} JSON is kept in the mapping's
 * {@code _meta}.
 *
 * <p>Scores are converted back from Lucene's ({@link OpenSearchHits}).
 *
 * <p>Hybrid: this distribution has no neural-search plugin (no hybrid query, no normalization
 * search pipeline), so the sub-searches run server-side in one {@code _msearch} request and are
 * fused here by {@link HybridFusion} with Milvus's RRF / weighted formulas.
 */
public final class OpenSearchStore extends CheckedStore<String> {
  private final ApacheHttpClient5Transport transport;
  private final ObjectMapper json = new ObjectMapper();
  private final OpenSearchHttp http;
  private final OpenSearchMappings mappings = new OpenSearchMappings(json);
  private final OpenSearchQueries queries = new OpenSearchQueries(json);
  private final String version;

  private OpenSearchStore(ApacheHttpClient5Transport transport, StoreId id, StoreConfig config, StoreErrors errors) {
    super(id, config, errors);
    this.transport = transport;
    this.http = new OpenSearchHttp(transport, errors, json);
    this.version = http.ok("GET", "/", null, "opensearch at " + address(), "server info")
        .path("version").path("number").asText("unknown");
  }

  /** Connects; fails with an InfrastructureException naming the URL when the node is down. */
  public static OpenSearchStore open(StoreId id, StoreConfig config) {
    StoreErrors errors = new StoreErrors(id, config, e -> false);
    ApacheHttpClient5Transport t = null;
    try {
      t = OpenSearchClients.transport(config);
      return new OpenSearchStore(t, id, config, errors);
    } catch (RuntimeException e) {
      closeQuietly(t);
      throw errors.onOpen(e);
    }
  }

  private static void closeQuietly(ApacheHttpClient5Transport t) {
    try {
      if (t != null) {
        t.close();
      }
    } catch (IOException ignored) {
      // already failing
    }
  }

  @Override
  public String serverVersion() {
    return version;
  }

  @Override
  public String engine() {
    return "OpenSearch " + version;
  }

  @Override
  public List<String> fallbacks() {
    return List.of("hybrid search: sub-searches in one _msearch, fused client-side (no neural-search plugin)");
  }

  @Override
  protected boolean collectionExists(String collection) {
    OpenSearchHttp.Reply r = http.request("HEAD", "/" + collection, null);
    if (r.status() == 200 || r.status() == 404) {
      return r.status() == 200;
    }
    throw new InfrastructureException(where(collection) + ": exists: expected HTTP 200 or 404, found " + r.status());
  }

  @Override
  protected void createCollection(CollectionSchema schema) {
    OpenSearchHttp.Reply r = http.request("PUT", "/" + schema.name(), mappings.createBody(schema, config().layout()));
    if (r.status() != 200) {
      String where = where(schema.name());
      String reason = http.errorReason(r);
      if (reason.contains("nori")) {
        throw new InfrastructureException(where + ": Korean text field needs analyzer 'nori', but the node does "
            + "not have it (expected the LensBench nori plugin installed): " + reason);
      }
      throw new BadInputException(where + ": create failed: expected HTTP 200, found " + r.status() + ": " + reason);
    }
  }

  @Override
  protected CollectionSchema readSchema(String collection) {
    String where = where(collection);
    JsonNode reply = http.ok("GET", "/" + collection + "/_mapping", null, where, "describe");
    return mappings.read(collection, reply.path(collection).path("mappings"), where);
  }

  @Override
  protected void dropCollection(String collection) {
    OpenSearchHttp.Reply r = http.request("DELETE", "/" + collection, null);
    if (r.status() != 200 && r.status() != 404) {
      throw new InfrastructureException(
          where(collection) + ": drop: expected HTTP 200, found " + r.status() + ": " + http.errorReason(r));
    }
  }

  /** The bulk lines of one document: the index action and the source. */
  @Override
  protected String encode(String collection, CollectionSchema schema, StoreDocument d) {
    ObjectNode action = json.createObjectNode();
    action.putObject("index").put("_id", d.id());
    return http.write(action) + "\n" + http.write(source(schema, d)) + "\n";
  }

  private ObjectNode source(CollectionSchema s, StoreDocument d) {
    ObjectNode o = json.createObjectNode();
    for (VectorField v : s.vectors()) {
      ArrayNode a = o.putArray(v.name());
      for (float x : d.vectors().get(v.name())) {
        a.add(x);
      }
    }
    if (d.texts() != null) {
      d.texts().forEach(o::put);
    }
    if (d.scalars() != null) {
      for (ScalarField f : s.scalars()) {
        Object v = d.scalars().get(f.name());
        if (v != null) {
          o.set(f.name(), json.valueToTree(v));
        }
      }
    }
    return o;
  }

  @Override
  protected void write(String collection, List<String> batch, String what) {
    String where = where(collection);
    JsonNode reply = http.ok("POST", "/" + collection + "/_bulk", String.join("", batch), where, what);
    if (reply.path("errors").asBoolean(false)) {
      for (JsonNode item : reply.path("items")) {
        JsonNode res = item.path("index");
        if (res.has("error")) {
          throw new BadInputException(
              where + ": " + what + ": document '" + res.path("_id").asText() + "' rejected: "
                  + res.path("error").path("type").asText() + ": " + res.path("error").path("reason").asText());
        }
      }
    }
  }

  @Override
  protected void flushCollection(String collection) {
    http.ok("POST", "/" + collection + "/_refresh", null, where(collection), "refresh");
  }

  /**
   * Disk: the index's store size over all its shard copies ({@code _stats/store}). Memory: none;
   * the lucene k-NN engine keeps its graphs in Lucene files read through the page cache, and
   * OpenSearch reports no per-index memory for them.
   */
  @Override
  protected Footprint readFootprint(String collection, CollectionSchema schema) {
    JsonNode stats = http.ok("GET", "/" + collection + "/_stats/store", null, where(collection), "footprint");
    return new Footprint(stats.path("_all").path("total").path("store").path("size_in_bytes").asLong(),
        "_stats/store: store.size_in_bytes of every shard copy", null, null, List.of(collection),
        "the lucene k-NN engine reports no per-index memory (its graphs are read through the page cache)");
  }

  @Override
  protected long countDocuments(String collection) {
    return complete(http.ok("GET", "/" + collection + "/_count", null, where(collection), "count"), collection, "count")
        .path("count").asLong();
  }

  @Override
  protected List<SearchHit> searchKnn(String collection, VectorField field, float[] vector, int k, Filter filter) {
    return OpenSearchHits.vector(search(collection, queries.knn(field, vector, k, filter), "knn on '" + field.name() + "'"),
        field.metric());
  }

  @Override
  protected List<SearchHit> searchBm25(String collection, TextField field, String text, int k, Filter filter) {
    return OpenSearchHits.text(search(collection, queries.bm25(field, text, k, filter), "bm25 on '" + field.name() + "'"));
  }

  private JsonNode search(String collection, ObjectNode body, String what) {
    return complete(http.ok("POST", "/" + collection + "/_search", body, where(collection), what), collection, what);
  }

  /**
   * The reply of a search or count that every shard answered. With a node down, OpenSearch
   * answers from the shards it still has ("partial results", HTTP 200): such a reply is never
   * taken as the result.
   */
  private JsonNode complete(JsonNode reply, String collection, String what) {
    JsonNode shards = reply.path("_shards");
    int failed = shards.path("failed").asInt(0);
    if (failed > 0 || shards.path("successful").asInt(0) < shards.path("total").asInt(0)) {
      throw new InfrastructureException(String.format(java.util.Locale.ROOT,
          "%s: %s: expected every shard to answer, found %d of %d (%d failed: %s)", where(collection), what,
          shards.path("successful").asInt(0), shards.path("total").asInt(0), failed,
          shards.path("failures").path(0).path("reason").path("reason").asText("shard unavailable")));
    }
    return reply;
  }

  /** The sub-searches in one {@code _msearch}, fused here by {@link HybridFusion}. */
  @Override
  protected List<SearchHit> searchHybrid(
      String collection, List<CheckedSearch> searches, HybridRequest.Ranker ranker, int k, Filter filter) {
    String where = where(collection);
    StringBuilder nd = new StringBuilder();
    for (CheckedSearch sub : searches) {
      ObjectNode body = sub instanceof CheckedSearch.Knn knn
          ? queries.knn(knn.field(), knn.vector(), knn.k(), filter)
          : queries.bm25(((CheckedSearch.Bm25) sub).field(), ((CheckedSearch.Bm25) sub).text(), sub.k(), filter);
      nd.append("{}\n").append(http.write(body)).append('\n');
    }
    JsonNode responses = http.ok("POST", "/" + collection + "/_msearch", nd.toString(), where, "hybrid")
        .path("responses");
    List<List<SearchHit>> lists = new ArrayList<>();
    for (int i = 0; i < searches.size(); i++) {
      JsonNode one = responses.path(i);
      if (one.has("error")) {
        throw new InfrastructureException(where + ": hybrid sub-search " + (i + 1) + " failed: "
            + one.path("error").path("reason").asText(one.path("error").toString()));
      }
      complete(one, collection, "hybrid sub-search " + (i + 1));
      lists.add(searches.get(i) instanceof CheckedSearch.Knn knn
          ? OpenSearchHits.vector(one, knn.field().metric())
          : OpenSearchHits.text(one));
    }
    return HybridFusion.fuse(searches, lists, ranker, k);
  }

  @Override
  public void close() {
    try {
      transport.close();
    } catch (IOException e) {
      throw new InfrastructureException("opensearch at " + address() + ": closing the client failed: " + e.getMessage(), e);
    }
  }
}
