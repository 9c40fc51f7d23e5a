package io.lensbench.stores;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Locale;

/**
 * How a vector field is indexed.
 *
 * @param type FLAT (exact, brute force), HNSW (graph) or IVF_FLAT (inverted lists of raw vectors)
 * @param m HNSW graph degree (0 otherwise)
 * @param efConstruction HNSW build beam (0 otherwise)
 * @param efSearch HNSW search beam; must be ≥ k at query time (0 otherwise)
 * @param nlist IVF_FLAT clusters (0 otherwise)
 * @param nprobe IVF_FLAT clusters searched per query (0 otherwise)
 *     <p>The IVF parameters are left out of a stored schema when 0, so FLAT and HNSW schemas are
 *     stored exactly as before they existed.
 */
public record IndexSpec(Type type, int m, int efConstruction, int efSearch,
    @JsonInclude(JsonInclude.Include.NON_DEFAULT) int nlist,
    @JsonInclude(JsonInclude.Include.NON_DEFAULT) int nprobe) {
  public enum Type {
    FLAT,
    HNSW,
    IVF_FLAT
  }

  public IndexSpec(Type type, int m, int efConstruction, int efSearch) {
    this(type, m, efConstruction, efSearch, 0, 0);
  }

  public static IndexSpec flat() {
    return new IndexSpec(Type.FLAT, 0, 0, 0);
  }

  public static IndexSpec hnsw(int m, int efConstruction, int efSearch) {
    return new IndexSpec(Type.HNSW, m, efConstruction, efSearch);
  }

  public static IndexSpec ivfFlat(int nlist, int nprobe) {
    return new IndexSpec(Type.IVF_FLAT, 0, 0, 0, nlist, nprobe);
  }

  /** This index searched with other search-time parameters (the built index is the same). */
  public IndexSpec searchedWith(SearchParams p) {
    return switch (type) {
      case FLAT -> this;
      case HNSW -> p.ef() > 0 ? hnsw(m, efConstruction, p.ef()) : this;
      case IVF_FLAT -> p.nprobe() > 0 ? ivfFlat(nlist, p.nprobe()) : this;
    };
  }

  /** The four-field form for FLAT and HNSW (strategy fingerprints and content hashes read it). */
  @Override
  public String toString() {
    String s = String.format(Locale.ROOT, "IndexSpec[type=%s, m=%d, efConstruction=%d, efSearch=%d", type, m,
        efConstruction, efSearch);
    return type == Type.IVF_FLAT
        ? s + String.format(Locale.ROOT, ", nlist=%d, nprobe=%d]", nlist, nprobe) : s + "]";
  }
}
