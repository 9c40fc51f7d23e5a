package io.lensbench.scale;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.lensbench.core.BadInputException;
import io.lensbench.datasets.grow.ItemCount;
import io.lensbench.runner.Experiment;
import io.lensbench.runner.ExperimentReader;
import io.lensbench.runner.ExperimentValidator;
import io.lensbench.runner.Overrides;
import io.lensbench.stores.StoreId;
import io.lensbench.stores.StoreKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A scale plan file ({@code experiments/scale.yaml}, docs/scale.md): the dataset, the
 * single-vector strategies, the query set, the corpus sizes of the quick and the full profile, and
 * per store its index sweep ({@link IndexSweep}). Unknown keys are refused.
 */
public final class ScaleFile {
  private static final Set<String> KEYS = Set.of("dataset", "strategy", "strategies", "jointEncoder", "querySet", "k",
      "rounds", "batchSize", "seed", "quick", "full", "stores", "requestTimeoutSeconds",
      "searchBudgetSeconds");

  private static final ObjectMapper JSON = new ObjectMapper();

  private ScaleFile() {}

  /** The plan in {@code file} for one profile ({@code quick} or {@code full}). */
  public static Plan read(Path file, boolean quick) {
    try {
      return parse(Files.readString(file), file.toString(), quick);
    } catch (IOException e) {
      throw new BadInputException(file + ": expected a readable scale plan, found " + e.getMessage());
    }
  }

  /** A base experiment (what each step's run derives from) and the scale settings. */
  public record Plan(Experiment experiment, ScaleSettings settings) {
    /** This plan with other corpus sizes ({@code --steps}); itself when {@code steps} is null. */
    public Plan withSteps(List<String> steps) {
      if (steps == null) {
        return this;
      }
      ScaleSettings s = settings;
      return new Plan(experiment, new ScaleSettings(ScaleFile.steps(steps, "--steps"), s.stores(), s.sweeps(),
          s.strategies(), s.querySet(), s.k(), s.rounds(), s.batchSize(), s.seed(), s.keep(),
          s.searchBudgetSeconds()));
    }

    /** This plan with only some of its stores ({@code --store}); itself when {@code names} is null. */
    public Plan withStores(List<String> names) {
      if (names == null) {
        return this;
      }
      for (String n : names) {
        if (!settings.sweeps().containsKey(n)) {
          throw new BadInputException("--store: expected one of the plan's stores " + settings.stores() + ", found '"
              + n + "'");
        }
      }
      ScaleSettings s = settings;
      Map<String, IndexSweep> sweeps = new LinkedHashMap<>(s.sweeps());
      sweeps.keySet().retainAll(names);
      Experiment e = experiment;
      Experiment only = new Experiment(e.schemaVersion(), e.name(), e.dataset(), e.querySets(),
          e.stores().stream().filter(x -> names.contains(x.name())).toList(), e.models(), e.index(), e.strategies(),
          null, e.k(), e.concurrency(), e.batchSize(), e.seed(), e.limits(), e.output());
      return new Plan(only, new ScaleSettings(s.steps(), List.copyOf(sweeps.keySet()), sweeps, s.strategies(),
          s.querySet(), s.k(), s.rounds(), s.batchSize(), s.seed(), s.keep(), s.searchBudgetSeconds()));
    }
  }

  /** The steps of an earlier {@code scale.json}. */
  @SuppressWarnings("unchecked")
  public static List<Map<String, Object>> steps(Path scaleJson) {
    Map<String, Object> doc = io.lensbench.eval.run.RunJson.JSON.convertValue(
        io.lensbench.eval.run.RunJson.read(scaleJson), Map.class);
    if (!(doc.get("steps") instanceof List<?> l)) {
      throw new BadInputException(scaleJson + ": expected a scale result with 'steps', found none");
    }
    return (List<Map<String, Object>>) l;
  }

  /**
   * Earlier steps followed by the new ones, by size: an earlier step of a size this run measured
   * too keeps the rows of the stores this run did not measure (so runs of one store each add up to
   * one table); this run's rows replace those of the stores it measured.
   */
  @SuppressWarnings("unchecked")
  public static List<Map<String, Object>> joined(List<Map<String, Object>> earlier, List<Map<String, Object>> now) {
    Map<Long, Map<String, Object>> bySize = new java.util.TreeMap<>();
    earlier.forEach(s -> bySize.put(((Number) s.get("items")).longValue(), s));
    for (Map<String, Object> step : now) {
      long n = ((Number) step.get("items")).longValue();
      Map<String, Object> before = bySize.get(n);
      if (before != null) {
        Set<Object> measured = new java.util.HashSet<>();
        ((List<Map<String, Object>>) step.get("rows")).forEach(r -> measured.add(r.get("store")));
        List<Map<String, Object>> kept = ((List<Map<String, Object>>) before.get("rows")).stream()
            .filter(r -> !measured.contains(r.get("store"))).map(r -> {
              Map<String, Object> c = new LinkedHashMap<>(r);
              c.putIfAbsent("jvm", before.get("jvm")); // the run that measured the row: its own JVM and load
              c.putIfAbsent("loadAverage", before.get("loadAverage"));
              return c;
            }).toList();
        if (!kept.isEmpty()) {
          List<Map<String, Object>> rows = new ArrayList<>(kept);
          rows.addAll((List<Map<String, Object>>) step.get("rows"));
          step = new LinkedHashMap<>(step);
          step.put("rows", rows);
          step.put("rowsJoinedFrom", new TreeSet<>(kept.stream().map(r -> String.valueOf(r.get("store"))).toList()));
        }
      }
      bySize.put(n, step);
    }
    return new ArrayList<>(bySize.values());
  }

  static Plan parse(String text, String where, boolean quick) {
    Map<?, ?> m;
    try {
      m = new ObjectMapper(new YAMLFactory()).readValue(text, Map.class);
    } catch (IOException e) {
      throw new BadInputException(where + ": expected a YAML mapping, found " + e.getMessage());
    }
    for (Object k : m.keySet()) {
      if (!KEYS.contains(String.valueOf(k))) {
        throw new BadInputException(where + ": expected only " + new TreeSet<>(KEYS) + ", found key '" + k + "'");
      }
    }
    String profile = quick ? "quick" : "full";
    if (!(m.get(profile) instanceof Map<?, ?> p) || !(p.get("steps") instanceof List<?> l)) {
      throw new BadInputException(where + "." + profile + ": expected a mapping with a 'steps' list, found "
          + m.get(profile));
    }
    List<Long> steps = steps(l, where + "." + profile + ".steps");
    Map<String, IndexSweep> sweeps = sweeps(m.get("stores"), where + ".stores");
    Experiment exp = experiment(m, new ArrayList<>(sweeps.keySet()), where);
    ScaleSettings s = new ScaleSettings(steps, List.copyOf(sweeps.keySet()), sweeps,
        exp.strategies().stream().map(Experiment.StrategySpec::id).toList(), exp.querySets().get(0),
        exp.k(), integer(m, "rounds", 2, where), exp.batchSize(), exp.seed(), false,
        m.containsKey("searchBudgetSeconds") ? integer(m, "searchBudgetSeconds", 0, where) : 0);
    return new Plan(exp, s);
  }

  private static List<Long> steps(List<?> l, String where) {
    if (l.isEmpty()) {
      throw new BadInputException(where + ": expected at least one size, found []");
    }
    List<Long> out = new ArrayList<>();
    for (Object o : l) {
      long n = ItemCount.parse(String.valueOf(o), where);
      if (!out.isEmpty() && n <= out.get(out.size() - 1)) {
        throw new BadInputException(where + ": expected ascending sizes, found " + l);
      }
      out.add(n);
    }
    return out;
  }

  private static Map<String, IndexSweep> sweeps(Object v, String where) {
    if (!(v instanceof Map<?, ?> stores) || stores.isEmpty()) {
      throw new BadInputException(where + ": expected a mapping of store name to index sweep, found " + v);
    }
    Map<String, IndexSweep> out = new LinkedHashMap<>();
    stores.forEach((name, sweep) -> {
      StoreKind kind = StoreId.of(String.valueOf(name)).kind();
      out.put(String.valueOf(name), IndexSweep.parse(sweep, where + "." + name, Set.of(kind)));
    });
    return out;
  }

  private static Experiment experiment(Map<?, ?> m, List<String> stores, String where) {
    StringBuilder y = new StringBuilder("schemaVersion: 1\nname: scale\n");
    y.append("dataset: {name: ").append(m.get("dataset") == null ? "fashion" : m.get("dataset")).append(", split: test}\n");
    y.append("querySets: [").append(m.get("querySet") == null ? "image" : m.get("querySet")).append("]\n");
    y.append("stores:\n");
    Object timeout = m.get("requestTimeoutSeconds");
    stores.forEach(s -> y.append("  - {name: ").append(s)
        .append(timeout == null ? "" : ", requestTimeoutSeconds: " + integer(m, "requestTimeoutSeconds", 60, where))
        .append("}\n"));
    y.append("index: {type: flat}\n");
    y.append("strategies:\n").append(strategies(m, where));
    y.append(String.format(Locale.ROOT, "k: %d\nbatchSize: %d\nseed: %d\noutput: runs/scale\n",
        integer(m, "k", 10, where), integer(m, "batchSize", 256, where), integer(m, "seed", 42, where)));
    Experiment raw = ExperimentReader.parse(y.toString(), where, false);
    return ExperimentValidator.resolve(raw, Overrides.NONE, where);
  }

  /**
   * The plan's strategies as experiment strategy entries: {@code strategies} (a list of experiment
   * strategy mappings, docs/experiments.md), or the shorthand {@code strategy: ID} (a joint
   * strategy, with {@code jointEncoder}); not both. Whether each is single-vector is checked when
   * its queries are encoded.
   */
  private static String strategies(Map<?, ?> m, String where) {
    if (m.containsKey("strategies")) {
      if (m.containsKey("strategy") || m.containsKey("jointEncoder")) {
        throw new BadInputException(where + ": expected either 'strategies' or 'strategy' (with 'jointEncoder'), "
            + "found both");
      }
      if (!(m.get("strategies") instanceof List<?> l) || l.isEmpty()
          || !l.stream().allMatch(e -> e instanceof Map<?, ?>)) {
        throw new BadInputException(where + ".strategies: expected a list of strategy mappings such as "
            + "{type: joint}, found " + m.get("strategies"));
      }
      StringBuilder y = new StringBuilder();
      for (Object e : l) {
        try {
          y.append("  - ").append(JSON.writeValueAsString(e)).append('\n');
        } catch (IOException x) {
          throw new BadInputException(where + ".strategies: expected plain values, found " + e);
        }
      }
      return y.toString();
    }
    return "  - {id: " + (m.get("strategy") == null ? "joint" : m.get("strategy")) + ", type: joint"
        + (m.get("jointEncoder") == null ? "" : ", jointEncoder: " + m.get("jointEncoder")) + "}\n";
  }

  private static int integer(Map<?, ?> m, String key, int dflt, String where) {
    Object v = m.get(key);
    if (v == null) {
      return dflt;
    }
    if (!(v instanceof Integer i) || i < 1) {
      throw new BadInputException(String.format(Locale.ROOT, "%s.%s: expected a positive integer, found %s",
          where, key, v));
    }
    return i;
  }
}
