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
 * A scale plan file ({@code experiments/scale.yaml}, docs/scale.md): the dataset, the one
 * single-vector strategy, the query set, the corpus sizes of the quick and the full profile, and
 * per store its index sweep ({@link IndexSweep}). Unknown keys are refused.
 */
public final class ScaleFile {
  private static final Set<String> KEYS = Set.of("dataset", "strategy", "jointEncoder", "querySet", "k",
      "rounds", "batchSize", "seed", "quick", "full", "stores", "requestTimeoutSeconds");

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
          s.strategy(), s.querySet(), s.k(), s.rounds(), s.batchSize(), s.seed(), s.keep()));
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

  /** Earlier steps (those smaller than the first new one) followed by the new ones. */
  public static List<Map<String, Object>> joined(List<Map<String, Object>> earlier, List<Map<String, Object>> now) {
    long first = now.isEmpty() ? Long.MAX_VALUE : ((Number) now.get(0).get("items")).longValue();
    List<Map<String, Object>> out = new ArrayList<>();
    earlier.stream().filter(s -> ((Number) s.get("items")).longValue() < first).forEach(out::add);
    out.addAll(now);
    return out;
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
        String.valueOf(m.get("strategy") == null ? "joint" : m.get("strategy")), exp.querySets().get(0),
        exp.k(), integer(m, "rounds", 2, where), exp.batchSize(), exp.seed(), false);
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
    y.append("strategies:\n  - {id: ").append(m.get("strategy") == null ? "joint" : m.get("strategy"))
        .append(", type: joint")
        .append(m.get("jointEncoder") == null ? "" : ", jointEncoder: " + m.get("jointEncoder")).append("}\n");
    y.append(String.format(Locale.ROOT, "k: %d\nbatchSize: %d\nseed: %d\noutput: runs/scale\n",
        integer(m, "k", 10, where), integer(m, "batchSize", 256, where), integer(m, "seed", 42, where)));
    Experiment raw = ExperimentReader.parse(y.toString(), where, false);
    return ExperimentValidator.resolve(raw, Overrides.NONE, where);
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
