package io.lensbench.stores;

import io.lensbench.core.BadInputException;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One configured store: its name in the experiment ({@code stores[].name}, cell ids, run file
 * names) and its engine. The name is the kind's id ({@code milvus}) or, for several stores of one
 * kind, the id followed by {@code -} and a label ({@code milvus-lite}, {@code opensearch-3nodes});
 * the kind is derived from that prefix unless given.
 *
 * @param name lower-case letters, digits and '-'
 * @param kind the engine
 */
public record StoreId(String name, StoreKind kind) {
  /**
   * Milvus Lite (the Python server over FAISS that {@code stores up} starts next to the Milvus
   * server): its own name so a report never shows it as {@code milvus}, the Milvus server.
   */
  public static final String MILVUS_LITE = "milvus-lite";

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");

  public StoreId {
    Objects.requireNonNull(kind, "kind");
    if (name == null || !NAME.matcher(name).matches()) {
      throw new BadInputException(
          "store name: expected lower-case letters, digits and '-', found '" + name + "'");
    }
  }

  /** The store named by its kind alone ({@code milvus}). */
  public static StoreId of(StoreKind kind) {
    return new StoreId(kind.id(), kind);
  }

  /** The store with this name, its kind derived from the name; {@link BadInputException} otherwise. */
  public static StoreId of(String name) {
    return find(name).orElseThrow(() -> new BadInputException(
        "store name: expected " + StoreKind.choices() + " (or one of them followed by '-' and a label), found '"
            + name + "'"));
  }

  /** The store with this name when a kind can be derived from it: {@code <kind>} or {@code <kind>-<label>}. */
  public static Optional<StoreId> find(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      return Optional.empty();
    }
    for (StoreKind k : StoreKind.values()) {
      if (name.equals(k.id()) || name.startsWith(k.id() + "-") && name.length() > k.id().length() + 1) {
        return Optional.of(new StoreId(name, k));
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return name;
  }
}
