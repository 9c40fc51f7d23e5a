package io.lensbench.stores;

import io.lensbench.core.BadInputException;
import io.lensbench.stores.milvus.MilvusStore;
import io.lensbench.stores.opensearch.OpenSearchStore;
import java.util.List;
import java.util.Locale;

/** Opens a {@link RetrievalStore} by name ("milvus" or "opensearch"). The caller closes it. */
public final class Stores {
  public static final List<String> NAMES = List.of("milvus", "opensearch");

  private Stores() {}

  /**
   * Connects to the named store. Fails with {@link io.lensbench.core.InfrastructureException} when
   * the store does not answer (for the embedded defaults the message says how to start it).
   */
  public static RetrievalStore open(String name, StoreConfig config) {
    String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    return switch (n) {
      case "milvus" -> MilvusStore.open(config);
      case "opensearch" -> OpenSearchStore.open(config);
      default -> throw new BadInputException(
          "store name: expected one of " + NAMES + ", found '" + name + "'");
    };
  }
}
