package io.lensbench.encoders;

import java.io.IOException;

/** Public handle on {@link FakeEmbeddingsServer} for tests in other packages. */
public final class FakeEmbeddingsServerAccess implements AutoCloseable {
  private final FakeEmbeddingsServer server = new FakeEmbeddingsServer();

  public FakeEmbeddingsServerAccess() throws IOException {}

  public String baseUrl() {
    return server.baseUrl();
  }

  public int inputs() {
    return server.inputs();
  }

  @Override
  public void close() {
    server.close();
  }
}
