package io.lensbench.stores;

import io.lensbench.core.BadInputException;
import java.util.Locale;

/**
 * How a store spreads one collection ({@code stores[].shards}, {@code stores[].replicas} in an
 * experiment). OpenSearch: {@code number_of_shards} and {@code number_of_replicas} (copies besides
 * the primary; default 1 and 0). Milvus: {@code shardsNum} (DML channels) and the load replica
 * number {@code replicas + 1}; null keeps the engine's default.
 *
 * @param shards primary shards, 1..1024, or null for the store's default
 * @param replicas copies besides the primary, 0..16, or null for the store's default
 */
public record StoreLayout(Integer shards, Integer replicas) {
  /** The store's defaults (OpenSearch: one shard, no replica; Milvus: the server's). */
  public static final StoreLayout DEFAULT = new StoreLayout(null, null);

  public StoreLayout {
    if (shards != null && (shards < 1 || shards > 1024)) {
      throw new BadInputException(String.format(Locale.ROOT, "store shards: expected 1..1024, found %d", shards));
    }
    if (replicas != null && (replicas < 0 || replicas > 16)) {
      throw new BadInputException(String.format(Locale.ROOT, "store replicas: expected 0..16, found %d", replicas));
    }
  }

  /** OpenSearch primary shards: the set value, else 1. */
  public int shardsOr1() {
    return shards == null ? 1 : shards;
  }

  /** OpenSearch replicas: the set value, else 0. */
  public int replicasOr0() {
    return replicas == null ? 0 : replicas;
  }

  /**
   * What makes a collection built with this layout differ from one built with the defaults: ""
   * for the defaults, else {@code shards=2,replicas=1} (the unset part left out).
   */
  public String tag() {
    StringBuilder b = new StringBuilder();
    if (shards != null) {
      b.append("shards=").append(shards);
    }
    if (replicas != null) {
      b.append(b.length() > 0 ? "," : "").append("replicas=").append(replicas);
    }
    return b.toString();
  }
}
