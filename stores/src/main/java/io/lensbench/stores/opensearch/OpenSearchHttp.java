package io.lensbench.stores.opensearch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lensbench.core.InfrastructureException;
import io.lensbench.stores.StoreErrors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.generic.Body;
import org.opensearch.client.opensearch.generic.OpenSearchGenericClient;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5Transport;
import org.opensearch.client.transport.httpclient5.ResponseException;

/**
 * HTTP exchanges with the cluster through opensearch-java's generic client: JSON or NDJSON
 * bodies, replies read as status + text (error statuses too). A request that gets no answer is
 * reported unreachable; a reply with an unexpected status as "where: what: expected HTTP 200,
 * found …".
 */
final class OpenSearchHttp {
  private static final int SHORT_BODY = 500;

  private final OpenSearchGenericClient client;
  private final StoreErrors errors;
  private final ObjectMapper json;

  OpenSearchHttp(ApacheHttpClient5Transport transport, StoreErrors errors, ObjectMapper json) {
    this.client = new OpenSearchClient(transport).generic();
    this.errors = errors;
    this.json = json;
  }

  /** One exchange; {@code body} is a JsonNode, an NDJSON string or null. */
  Reply request(String method, String path, Object body) {
    Body b = null;
    if (body instanceof JsonNode node) {
      b = Body.from(write(node).getBytes(StandardCharsets.UTF_8), "application/json");
    } else if (body instanceof String ndjson) {
      b = Body.from(ndjson.getBytes(StandardCharsets.UTF_8), "application/x-ndjson");
    }
    try (Response resp = client.execute(Requests.create(method, path, List.of(), Map.of(), b))) {
      return new Reply(resp.getStatus(), resp.getBody().map(Body::bodyAsString).orElse(""));
    } catch (IOException | RuntimeException e) {
      return errorReply(e).orElseThrow(() -> errors.unreachable(method + " " + path, e));
    }
  }

  /**
   * The reply inside the exception the transport throws for an error status: the node answered.
   * Its message is "method [..], host [..], URI [..], status line [..]" and the body on the next
   * lines.
   */
  private static Optional<Reply> errorReply(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof ResponseException re) {
        String m = String.valueOf(re.getMessage());
        int nl = m.indexOf('\n');
        return Optional.of(new Reply(re.status(), nl < 0 ? "" : m.substring(nl + 1)));
      }
    }
    return Optional.empty();
  }

  /** The JSON reply of a request that must answer HTTP 200. */
  JsonNode ok(String method, String path, Object body, String where, String what) {
    Reply r = request(method, path, body);
    if (r.status() != 200) {
      throw new InfrastructureException(
          where + ": " + what + ": expected HTTP 200, found " + r.status() + ": " + errorReason(r));
    }
    return json(r, where);
  }

  String write(JsonNode node) {
    try {
      return json.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  JsonNode json(Reply r, String where) {
    try {
      return json.readTree(r.body());
    } catch (JsonProcessingException e) {
      throw new InfrastructureException(where + ": expected a JSON reply, found: " + shortBody(r), e);
    }
  }

  /** The error's reason (and root cause) from an error reply, else the start of the body. */
  String errorReason(Reply r) {
    try {
      JsonNode e = json.readTree(r.body()).path("error");
      if (e.isMissingNode()) {
        return shortBody(r);
      }
      String reason = e.path("reason").asText(e.toString());
      String rootReason = e.path("root_cause").path(0).path("reason").asText("");
      return rootReason.isEmpty() || rootReason.equals(reason) ? reason : reason + " (" + rootReason + ")";
    } catch (JsonProcessingException ex) {
      return shortBody(r);
    }
  }

  private static String shortBody(Reply r) {
    return r.body().length() > SHORT_BODY ? r.body().substring(0, SHORT_BODY) + "…" : r.body();
  }

  /** An HTTP status and the reply's text. */
  record Reply(int status, String body) {}
}
