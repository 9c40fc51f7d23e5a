package io.lensbench.stores.opensearch;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.lensbench.core.BadInputException;
import io.lensbench.core.InfrastructureException;
import io.lensbench.stores.Metric;
import io.lensbench.stores.StoreConfig;
import io.lensbench.stores.StoreErrors;
import io.lensbench.stores.StoreKind;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;

/** Score conversions measured on the real node (k-NN 2.19.1, lucene engine and knn_score script). */
class OpenSearchStoreScoresTest {
  private static final double EPS = 1e-6;

  @Test
  void luceneScoresConvertBackToContractScores() {
    // q = [2,1], a = [1,0]: cos = 2/√5, ip = 2, d² = 2 → node reported 0.9472136, 3.0, 0.33333334
    assertEquals(2 / Math.sqrt(5), OpenSearchHits.fromLucene(Metric.COSINE, 0.9472136), EPS);
    assertEquals(2.0, OpenSearchHits.fromLucene(Metric.IP, 3.0), EPS);
    assertEquals(-2.0, OpenSearchHits.fromLucene(Metric.L2, 0.33333334), EPS);
    // c = [-2,-1]: cos = -1, ip = -5, d² = 20 → node reported 0.0, 0.16666667, 0.04761905
    assertEquals(-1.0, OpenSearchHits.fromLucene(Metric.COSINE, 0.0), EPS);
    assertEquals(-5.0, OpenSearchHits.fromLucene(Metric.IP, 0.16666667), EPS);
    assertEquals(-20.0, OpenSearchHits.fromLucene(Metric.L2, 0.04761905), 1e-4);
  }

  @Test
  void unreachableEmbeddedNodeSaysHowToStartIt() {
    InfrastructureException e =
        new StoreErrors(StoreKind.OPENSEARCH, StoreConfig.defaults(), x -> false)
            .unreachable("count, collection 'x'", new ConnectException("Connection refused"));
    assertTrue(e.getMessage().contains("http://127.0.0.1:19200"), e.getMessage());
    assertTrue(e.getMessage().endsWith("start it with: ./lensbench stores up"), e.getMessage());
  }

  @Test
  void onlyLuceneEngineIndexesAreAccepted() throws Exception {
    ObjectMapper m = new ObjectMapper();
    assertDoesNotThrow(() -> OpenSearchMappings.checkLuceneOnly("w", m.readTree(
        "{\"v\":{\"type\":\"knn_vector\",\"dimension\":4,\"method\":{\"name\":\"hnsw\",\"engine\":\"lucene\"}},\"t\":{\"type\":\"text\"}}")));
    BadInputException faiss = assertThrows(BadInputException.class, () -> OpenSearchMappings.checkLuceneOnly("w", m.readTree(
        "{\"v\":{\"type\":\"knn_vector\",\"dimension\":4,\"method\":{\"name\":\"hnsw\",\"engine\":\"faiss\"}}}")));
    assertTrue(faiss.getMessage().contains("expected k-NN engine 'lucene', found 'faiss'"), faiss.getMessage());
    BadInputException noMethod = assertThrows(BadInputException.class, () -> OpenSearchMappings.checkLuceneOnly("w", m.readTree(
        "{\"v\":{\"type\":\"knn_vector\",\"dimension\":4}}")));
    assertTrue(noMethod.getMessage().contains("faiss by default"), noMethod.getMessage());
  }
}
