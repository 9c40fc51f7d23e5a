package io.lensbench.stores;

import io.lensbench.core.InfrastructureException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;

/**
 * Opens a {@link RetrievalStore} through the {@link StoreProvider} of its kind, found with
 * {@link ServiceLoader}. The caller closes the store.
 */
public final class Stores {
  private Stores() {}

  /**
   * Connects to a store of this kind. Fails with {@link InfrastructureException} when the store
   * does not answer (for the embedded defaults the message says how to start it).
   */
  public static RetrievalStore open(StoreKind kind, StoreConfig config) {
    return open(StoreId.of(kind), config);
  }

  /** Connects to the store {@code id} (its kind's adapter, named {@code id.name()} in messages). */
  public static RetrievalStore open(StoreId id, StoreConfig config) {
    return provider(id.kind()).open(id, config);
  }

  /**
   * Connects to the store with this name ({@link StoreId#of(String)}: {@code milvus},
   * {@code opensearch}, or either followed by {@code -label}); {@link
   * io.lensbench.core.BadInputException} for a name of no known kind.
   */
  public static RetrievalStore open(String name, StoreConfig config) {
    return open(StoreId.of(name), config);
  }

  /** The one provider of this kind on the class path. */
  static StoreProvider provider(StoreKind kind) {
    List<StoreProvider> found = new ArrayList<>();
    for (StoreProvider p : ServiceLoader.load(StoreProvider.class, Stores.class.getClassLoader())) {
      if (p.kind() == kind) {
        found.add(p);
      }
    }
    if (found.size() != 1) {
      throw new InfrastructureException(String.format(Locale.ROOT,
          "store providers for '%s' (META-INF/services/%s): expected exactly one, found %s",
          kind, StoreProvider.class.getName(), found.stream().map(p -> p.getClass().getName()).toList()));
    }
    return found.get(0);
  }
}
