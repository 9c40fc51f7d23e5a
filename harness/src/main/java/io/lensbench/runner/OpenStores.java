package io.lensbench.runner;

import io.lensbench.stores.RetrievalStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The run's stores, opened in experiment order, with what provenance records of each: server
 * version, engine, the adapter's fallbacks, address, and the layout tag ({@link
 * io.lensbench.stores.StoreLayout#tag()}) their collections are built with.
 */
record OpenStores(Map<String, RetrievalStore> stores, Map<String, String> versions,
    Map<String, String> uris, Map<String, String> layouts) {

  static OpenStores open(List<Experiment.StoreSpec> specs, Components components) {
    Map<String, RetrievalStore> stores = new LinkedHashMap<>();
    Map<String, String> versions = new LinkedHashMap<>();
    Map<String, String> uris = new LinkedHashMap<>();
    Map<String, String> layouts = new LinkedHashMap<>();
    for (Experiment.StoreSpec s : specs) {
      RetrievalStore store = components.store(s);
      stores.put(s.name(), store);
      versions.put(s.name(), store.serverVersion());
      uris.put(s.name(), components.storeAddress(s));
      layouts.put(s.name(), s.layout().tag());
    }
    return new OpenStores(stores, versions, uris, layouts);
  }

  RetrievalStore get(String name) {
    return stores.get(name);
  }
}
