package io.lensbench.scale;

import io.lensbench.stores.embedded.EmbeddedStore;
import io.lensbench.stores.embedded.EmbeddedStores;
import io.lensbench.stores.embedded.StoresConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * What the harness can measure of a store's server from outside: its process (resident set) and,
 * for an embedded store with a data folder, the bytes a collection occupies there.
 *
 * @param pid the server process, when known
 * @param disk bytes on disk of the collection with these storage keys ({@link
 *     io.lensbench.stores.Footprint#storageKeys()}), when this server can measure them
 */
public record StoreServer(OptionalLong pid, Function<List<String>, OptionalLong> disk) {
  /** A server the harness knows nothing about (a remote store). */
  public static StoreServer unknown() {
    return new StoreServer(OptionalLong.empty(), keys -> OptionalLong.empty());
  }

  /** The embedded stores' servers by store name: their process (from their status) and data folder. */
  public static Map<String, StoreServer> ofEmbeddedStores() {
    Map<String, StoreServer> servers = new LinkedHashMap<>();
    for (EmbeddedStore s : new EmbeddedStores(StoresConfig.fromEnvironment(), line -> { }).all()) {
      servers.put(s.name(), new StoreServer(s.status().pid(), s::collectionDiskBytes));
    }
    return servers;
  }
}
