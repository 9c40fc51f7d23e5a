package io.lensbench.stores.milvus;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.lensbench.stores.StoreConfig;
import io.milvus.v2.client.ConnectConfig;
import java.net.ConnectException;
import java.util.Locale;

/** How the Milvus adapter connects, and which failures mean Milvus is not reachable. */
final class MilvusConnection {
  private MilvusConnection() {}

  /** The client settings: URI, timeouts and the credentials of the config (never logged). */
  static ConnectConfig config(StoreConfig config) {
    StoreConfig.MilvusConfig m = config.milvus();
    ConnectConfig.ConnectConfigBuilder b = ConnectConfig.builder()
        .uri(m.uri())
        .connectTimeoutMs(config.connectTimeout().toMillis())
        .rpcDeadlineMs(config.requestTimeout().toMillis());
    if (m.token() != null) {
      b.token(m.token().reveal());
    }
    if (m.user() != null) {
      b.username(m.user());
    }
    if (m.password() != null) {
      b.password(m.password().reveal());
    }
    if (m.database() != null) {
      b.dbName(m.database());
    }
    return b.build();
  }

  /** True when the exception means Milvus is not reachable (gRPC UNAVAILABLE, deadline, refused). */
  static boolean isConnectionFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof StatusRuntimeException sre) {
        Status.Code code = sre.getStatus().getCode();
        if (code == Status.Code.UNAVAILABLE || code == Status.Code.DEADLINE_EXCEEDED) {
          return true;
        }
      }
      if (t instanceof ConnectException) {
        return true;
      }
      String m = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
      if (m.contains("unavailable") || m.contains("connection refused") || m.contains("deadline exceeded")
          || m.contains("failed to connect") || m.contains("connect to")) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }
}
