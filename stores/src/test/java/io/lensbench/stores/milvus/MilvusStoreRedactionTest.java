package io.lensbench.stores.milvus;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.lensbench.core.LensBenchException;
import io.lensbench.core.Secret;
import io.lensbench.stores.StoreConfig;
import io.lensbench.stores.StoreId;
import io.lensbench.stores.StoreKind;
import io.milvus.grpc.BoolResponse;
import io.milvus.grpc.ConnectRequest;
import io.milvus.grpc.ConnectResponse;
import io.milvus.grpc.GetVersionRequest;
import io.milvus.grpc.GetVersionResponse;
import io.milvus.grpc.HasCollectionRequest;
import io.milvus.grpc.MilvusServiceGrpc;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A Milvus that echoes the caller's credentials in its errors — an in-process fake speaking
 * Milvus's gRPC protocol — and the real adapter: no credential reaches an exception message.
 */
class MilvusStoreRedactionTest {
  private static final String PASSWORD = "Milvus-Pa55-" + System.nanoTime();
  private static final String TOKEN = "root:" + PASSWORD;

  private Server server;
  private volatile boolean versionFails;

  @BeforeEach
  void start() throws IOException {
    server = ServerBuilder.forPort(0).addService(new EchoingMilvus()).build().start();
  }

  @AfterEach
  void stop() throws InterruptedException {
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  private final class EchoingMilvus extends MilvusServiceGrpc.MilvusServiceImplBase {
    @Override
    public void connect(ConnectRequest request, StreamObserver<ConnectResponse> out) {
      out.onNext(ConnectResponse.newBuilder().build());
      out.onCompleted();
    }

    @Override
    public void getVersion(GetVersionRequest request, StreamObserver<GetVersionResponse> out) {
      if (versionFails) {
        out.onError(Status.PERMISSION_DENIED.withDescription("token " + TOKEN + " is not allowed").asRuntimeException());
        return;
      }
      out.onNext(GetVersionResponse.newBuilder().setVersion("fake").build());
      out.onCompleted();
    }

    @Override
    public void hasCollection(HasCollectionRequest request, StreamObserver<BoolResponse> out) {
      out.onError(Status.PERMISSION_DENIED
          .withDescription("user root (password " + PASSWORD + ") may not read " + request.getCollectionName())
          .asRuntimeException());
    }
  }

  private StoreConfig config() {
    return StoreConfig.defaults()
        .withMilvus(new StoreConfig.MilvusConfig("http://127.0.0.1:" + server.getPort(), Secret.ofNullable(TOKEN),
            null, null, null))
        .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5));
  }

  @Test
  void errorRepliesNeverCarryCredentialsIntoMessages() {
    try (MilvusStore store = MilvusStore.open(StoreId.of(StoreKind.MILVUS), config())) {
      for (Runnable call : new Runnable[] {() -> store.exists("docs"), () -> store.count("docs"), () -> store.drop("docs")}) {
        LensBenchException e = assertThrows(LensBenchException.class, call::run);
        assertFalse(e.getMessage().contains(PASSWORD), e.getMessage());
        assertTrue(e.getMessage().contains("milvus (http://127.0.0.1:" + server.getPort() + ") collection 'docs': exists failed"),
            e.getMessage());
      }
    }
  }

  @Test
  void aRefusedConnectionNeverCarriesCredentialsIntoTheMessage() {
    versionFails = true;
    LensBenchException e = assertThrows(LensBenchException.class, () -> MilvusStore.open(StoreId.of(StoreKind.MILVUS), config()).close());
    assertFalse(e.getMessage().contains(PASSWORD), e.getMessage());
    assertTrue(e.getMessage().contains("is unreachable (connect)"), e.getMessage());
  }
}
