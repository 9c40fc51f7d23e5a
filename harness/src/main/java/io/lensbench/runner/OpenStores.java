package io.lensbench.runner;

import io.lensbench.stores.RetrievalStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The run's stores, opened in experiment order, with their server versions and addresses. */
record OpenStores(Map<String, RetrievalStore> stores, Map<String, String> versions,
    Map<String, String> uris) {

  static OpenStores open(List<Experiment.StoreSpec> specs, Components components) {
    Map<String, RetrievalStore> stores = new LinkedHashMap<>();
    Map<String, String> versions = new LinkedHashMap<>();
    Map<String, String> uris = new LinkedHashMap<>();
    for (Experiment.StoreSpec s : specs) {
      RetrievalStore store = components.store(s);
      stores.put(s.name(), store);
      versions.put(s.name(), store.serverVersion());
      uris.put(s.name(), components.storeAddress(s));
    }
    return new OpenStores(stores, versions, uris);
  }

  RetrievalStore get(String name) {
    return stores.get(name);
  }
}
