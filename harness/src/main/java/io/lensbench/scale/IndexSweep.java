package io.lensbench.scale;

import io.lensbench.core.BadInputException;
import io.lensbench.stores.IndexSpec;
import io.lensbench.stores.SchemaChecks;
import io.lensbench.stores.SearchParams;
import io.lensbench.stores.StoreKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An index sweep (docs/experiments.md): a list of index configurations, each {@code type} plus
 * its parameters, a parameter being one integer or a list of them. Build parameters ({@code M},
 * {@code efConstruction}, {@code nlist}) multiply into one collection each; search parameters
 * ({@code ef}, {@code nprobe}) are tried on the same collection without rebuilding. FLAT, the
 * exact reference, is always part of a sweep (first), listed or not.
 */
public final class IndexSweep {
  /** Build configurations in order, FLAT first. */
  private final List<Config> configs;

  /** One collection to build and the search parameters tried on it. */
  public record Config(IndexSpec build, List<SearchParams> searches) {
    /** A short name for collections and tables: {@code flat}, {@code hnsw-m16-efc200}, {@code ivf-nlist256}. */
    public String label() {
      return switch (build.type()) {
        case FLAT -> "flat";
        case HNSW -> String.format(Locale.ROOT, "hnsw-m%d-efc%d", build.m(), build.efConstruction());
        case IVF_FLAT -> String.format(Locale.ROOT, "ivf-nlist%d", build.nlist());
      };
    }

    /** The label of one search of this collection: {@code hnsw-m16-efc200 ef=64}. */
    public String label(SearchParams p) {
      return switch (build.type()) {
        case FLAT -> "flat";
        case HNSW -> label() + " ef=" + p.ef();
        case IVF_FLAT -> label() + " nprobe=" + p.nprobe();
      };
    }
  }

  private IndexSweep(List<Config> configs) {
    this.configs = List.copyOf(configs);
  }

  public List<Config> configs() {
    return configs;
  }

  /** Every search setting's label, collection by collection. */
  public List<List<String>> toJson() {
    return configs.stream().map(c -> c.searches().stream().map(c::label).toList()).toList();
  }

  /** Just the exact index. */
  public static IndexSweep flatOnly() {
    return new IndexSweep(List.of(new Config(IndexSpec.flat(), List.of(SearchParams.DEFAULT))));
  }

  /**
   * Reads a sweep as parsed from YAML/JSON (a list of mappings) and checks it against the stores
   * it will run on; bad input naming {@code where}, the entry and the key otherwise.
   */
  public static IndexSweep parse(Object value, String where, Set<StoreKind> stores) {
    if (!(value instanceof List<?> list) || list.isEmpty()) {
      throw new BadInputException(where + ": expected a non-empty list of index configurations, found " + value);
    }
    List<Config> out = new ArrayList<>();
    out.add(flatOnly().configs().get(0));
    for (int i = 0; i < list.size(); i++) {
      String at = String.format(Locale.ROOT, "%s[%d]", where, i);
      if (!(list.get(i) instanceof Map<?, ?> m)) {
        throw new BadInputException(at + ": expected a mapping with 'type', found " + list.get(i));
      }
      IndexSpec.Type type = type(m.get("type"), at);
      for (StoreKind kind : stores) {
        if (!kind.indexTypes().contains(type)) {
          throw new BadInputException(String.format(Locale.ROOT,
              "%s: store kind '%s' builds %s only, found type '%s'", at, kind.id(), kind.indexTypes(),
              m.get("type")));
        }
      }
      SweepParams p = new SweepParams(m, at);
      switch (type) {
        case FLAT -> p.only();
        case HNSW -> hnsw(p, out);
        case IVF_FLAT -> ivf(p, out);
      }
    }
    return new IndexSweep(out);
  }

  private static IndexSpec.Type type(Object t, String at) {
    String s = t == null ? "" : t.toString().trim().toLowerCase(Locale.ROOT);
    return switch (s) {
      case "flat" -> IndexSpec.Type.FLAT;
      case "hnsw" -> IndexSpec.Type.HNSW;
      case "ivf_flat" -> IndexSpec.Type.IVF_FLAT;
      default -> throw new BadInputException(at + ".type: expected 'flat', 'hnsw' or 'ivf_flat', found '" + t + "'");
    };
  }

  private static void hnsw(SweepParams p, List<Config> out) {
    List<Integer> ms = p.ints("M", List.of(16), 2, 100);
    List<Integer> efcs = p.ints("efConstruction", List.of(200), 1, 4096);
    List<Integer> efs = p.ints("ef", List.of(64), 1, 32_768);
    p.only("M", "efConstruction", "ef");
    for (int m : ms) {
      for (int efc : efcs) {
        out.add(new Config(IndexSpec.hnsw(m, efc, efs.get(0)),
            efs.stream().map(ef -> new SearchParams(ef, 0)).toList()));
      }
    }
  }

  private static void ivf(SweepParams p, List<Config> out) {
    List<Integer> nlists = p.ints("nlist", List.of(128), 1, SchemaChecks.MAX_NLIST);
    List<Integer> nprobes = p.ints("nprobe", List.of(8), 1, SchemaChecks.MAX_NLIST);
    p.only("nlist", "nprobe");
    for (int nlist : nlists) {
      List<SearchParams> searches = nprobes.stream().filter(n -> n <= nlist)
          .map(n -> new SearchParams(0, n)).toList();
      if (searches.isEmpty()) {
        throw new BadInputException(String.format(Locale.ROOT,
            "%s.nprobe: expected at least one value <= nlist %d, found %s", p.where(), nlist, nprobes));
      }
      out.add(new Config(IndexSpec.ivfFlat(nlist, searches.get(0).nprobe()), searches));
    }
  }
}
