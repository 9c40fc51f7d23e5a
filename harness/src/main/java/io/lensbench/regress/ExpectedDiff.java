package io.lensbench.regress;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What {@code regress --update} changed, one line per difference: cells added (+) and removed
 * (-), values and counts changed (~ old → new), and the fields of measuredOn that moved.
 */
public final class ExpectedDiff {
  private ExpectedDiff() {}

  public static List<String> lines(Expected before, Expected after) {
    List<String> out = new ArrayList<>();
    fields(out, "measuredOn", flat(before.measuredOn()), flat(after.measuredOn()));
    fields(out, "counts", flat(before.counts()), flat(after.counts()));
    for (String id : union(before.cells().keySet(), after.cells().keySet())) {
      Expected.Cell a = before.cells().get(id);
      Expected.Cell b = after.cells().get(id);
      if (a == null) {
        out.add("+ " + id + " " + b.values().size() + " values");
      } else if (b == null) {
        out.add("- " + id);
      } else {
        Map<String, String> x = new LinkedHashMap<>();
        Map<String, String> y = new LinkedHashMap<>();
        x.put("queries", String.valueOf(a.queries()));
        y.put("queries", String.valueOf(b.queries()));
        a.values().forEach((m, v) -> x.put(m, ExpectedYaml.value(v)));
        b.values().forEach((m, v) -> y.put(m, ExpectedYaml.value(v)));
        fields(out, id, x, y);
      }
    }
    return out;
  }

  private static void fields(List<String> out, String prefix, Map<String, String> a, Map<String, String> b) {
    for (String k : union(a.keySet(), b.keySet())) {
      String x = a.get(k);
      String y = b.get(k);
      if (!Objects.equals(x, y)) {
        out.add("~ " + prefix + " " + k + ": " + (x == null ? "(none)" : x) + " → " + (y == null ? "(none)" : y));
      }
    }
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new LinkedHashSet<>(a);
    all.addAll(b);
    return all;
  }

  private static Map<String, String> flat(Expected.MeasuredOn m) {
    Map<String, String> out = new LinkedHashMap<>();
    put(out, "dataset", m.dataset());
    put(out, "datasetChecksum", m.datasetChecksum());
    put(out, "configHash", m.configHash());
    put(out, "commit", m.commit());
    put(out, "dirty", m.dirty() == null ? null : m.dirty().toString());
    put(out, "finishedAt", m.finishedAt());
    m.models().forEach((k, v) -> out.put("models." + k, v));
    m.stores().forEach((k, v) -> out.put("stores." + k, v));
    return out;
  }

  private static Map<String, String> flat(Expected.Counts c) {
    Map<String, String> out = new LinkedHashMap<>();
    put(out, "corpusItems", c.corpusItems() == null ? null : c.corpusItems().toString());
    c.querySets().forEach((qs, q) -> {
      out.put("querySets." + qs + ".queries", String.valueOf(q.queries()));
      out.put("querySets." + qs + ".judgments", String.valueOf(q.judgments()));
    });
    c.indexes().forEach((s, byStore) -> byStore.forEach((store, n) -> out.put("indexes." + s + "." + store, n.toString())));
    return out;
  }

  private static void put(Map<String, String> m, String k, String v) {
    if (v != null) {
      m.put(k, v);
    }
  }
}
