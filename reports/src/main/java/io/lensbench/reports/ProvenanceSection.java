package io.lensbench.reports;

import static io.lensbench.reports.Html.esc;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Provenance: what produced the numbers, from provenance.json, dataset-card.json and experiment.resolved.json. */
final class ProvenanceSection {
  private final ReportModel model;

  ProvenanceSection(ReportModel model) {
    this.model = model;
  }

  String render() {
    RunData run = model.run;
    StringBuilder b = new StringBuilder("<section class=\"card\" id=\"provenance\"><h2>Provenance</h2>");
    if (run.synthetic()) {
      b.append("<div class=\"note info\">This run is a <b>synthetic fixture</b> (dataset card says synthetic): rankings are generated, not produced by a model.</div>");
    }
    if (model.other == null) {
      b.append(of(run));
    } else {
      b.append("<div class=\"grid2\"><div><h3>Run A · ").append(esc(run.name())).append("</h3>")
          .append(of(run)).append("</div><div><h3>Run B · ").append(esc(model.other.name()))
          .append("</h3>").append(of(model.other)).append("</div></div>");
    }
    return b.append("</section>").toString();
  }

  private static String of(RunData r) {
    Map<String, String> prov = new LinkedHashMap<>();
    flatten("", r.provenance(), prov);
    StringBuilder b = new StringBuilder("<div class=\"chips\">");
    b.append(chipFor(prov, "commit", 12, "git.commit", "commit", "gitcommit"));
    b.append(chipFor(prov, "dirty", 8, "git.dirty", "dirty"));
    b.append(chipFor(prov, "JDK", 32, "jdk", "java.version", "javaversion", "jdk.version"));
    b.append(chipFor(prov, "dataset checksum", 12, "dataset.checksum", "checksum"));
    b.append(experimentChip(r));
    b.append(chipFor(prov, "started", 16, "started", "startedat"));
    b.append(listChip("models", r.provenance().path("models"), "id", null));
    b.append(listChip("stores", r.provenance().path("stores"), "name", "version"));
    b.append("</div><details><summary>Models, stores, every provenance field, the dataset card and the resolved experiment "
        + "(provenance.json, dataset-card.json, experiment.resolved.json)</summary>");
    // arrays of objects (models, stores, ...) and maps of objects become small tables
    StringBuilder blocks = new StringBuilder();
    // a run's stores with their engines (a run from before the Milvus server called Milvus Lite "milvus")
    Iterator<Map.Entry<String, JsonNode>> it = io.lensbench.eval.run.StoreEngines.withEngines(r.provenance()).fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getKey().equals("models") && e.getValue().isArray()) {
        blocks.append("<div class=\"wide\"><h3>models</h3>").append(ModelCards.render(e.getValue())).append("</div>");
        continue;
      }
      String tbl = objectTable(e.getValue());
      if (tbl != null) {
        blocks.append("<div><h3>").append(esc(e.getKey())).append("</h3>").append(tbl).append("</div>");
      }
    }
    if (blocks.length() > 0) {
      b.append("<div class=\"grid2\">").append(blocks).append("</div>");
    }
    b.append("<details><summary>All provenance fields (provenance.json, ").append(prov.size()).append(")</summary>")
        .append(kv(prov)).append("</details>");
    Map<String, String> card = new LinkedHashMap<>();
    flatten("", r.card(), card);
    b.append("<details><summary>Dataset card (dataset-card.json, ").append(card.size()).append(" fields)</summary>")
        .append(kv(card)).append("</details>");
    b.append("<details><summary>Resolved experiment (experiment.resolved.json)</summary><pre>")
        .append(esc(r.experiment().isMissingNode() ? "(missing)" : r.experiment().toPrettyString())).append("</pre></details>");
    return b.append("</details>").toString();
  }

  /** Flattens JSON into path → scalar, e.g. models[0].id → minilm. */
  static void flatten(String prefix, JsonNode n, Map<String, String> out) {
    if (n == null || n.isMissingNode()) {
      return;
    }
    if (n.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> it = n.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out);
      }
    } else if (n.isArray()) {
      for (int i = 0; i < n.size(); i++) {
        flatten(prefix + "[" + i + "]", n.get(i), out);
      }
    } else {
      out.put(prefix, n.isNull() ? "null" : n.asText());
    }
  }

  /** A chip of the first provenance field whose key ends with one of {@code keyParts}, cut to {@code max} characters (all of it in the tooltip). */
  private static String chipFor(Map<String, String> flat, String label, int max, String... keyParts) {
    for (Map.Entry<String, String> e : flat.entrySet()) {
      String k = e.getKey().toLowerCase(Locale.ROOT);
      for (String part : keyParts) {
        if (k.endsWith(part.toLowerCase(Locale.ROOT))) {
          String v = e.getValue();
          return "<span class=\"chip\" title=\"" + esc(label + ": " + v) + "\"><b>" + esc(label) + "</b><span class=\"mono\">"
              + esc(v.length() > max ? v.substring(0, max) : v) + "</span></span>";
        }
      }
    }
    return "";
  }

  /** A chip listing the {@code name} (and {@code detail}) of each object of a provenance array, e.g. stores and their versions. */
  private static String listChip(String label, JsonNode array, String name, String detail) {
    List<String> parts = new ArrayList<>();
    array.forEach(o -> parts.add(ModelCards.text(o.path(name)) + (detail == null ? "" : " " + ModelCards.text(o.path(detail)))));
    return parts.isEmpty() ? "" : "<span class=\"chip\"><b>" + esc(label) + "</b><span class=\"mono\">"
        + esc(String.join(" · ", parts)) + "</span></span>";
  }

  /** The experiment file name when the run came from one, else the experiment name; plus a short config hash. */
  static String experimentChip(RunData r) {
    JsonNode p = r.provenance();
    String file = ModelCards.text(p.path("experimentFile"));
    if (file.isEmpty()) {
      file = ModelCards.text(p.path("experiment").path("file"));
    }
    String name = ModelCards.text(p.path("experimentName"));
    if (name.isEmpty()) {
      name = ModelCards.text(r.experiment().path("name"));
    }
    String hash = ModelCards.text(p.path("configHash"));
    String shown = !file.isEmpty() ? file : (!name.isEmpty() ? name + " (built-in, no experiment file)" : "(unnamed)");
    String title = "experiment: " + shown + (hash.isEmpty() ? "" : " · resolved config sha-256 " + hash)
        + " · full text: experiment.resolved.json below";
    return "<span class=\"chip\" title=\"" + esc(title) + "\"><b>experiment</b><span class=\"mono\">" + esc(Svg.shorten(shown, 64))
        + (hash.isEmpty() ? "" : " · " + esc(hash.substring(0, Math.min(12, hash.length())))) + "</span></span>";
  }

  /** A table for an array of objects or an object of objects; null for anything else. */
  static String objectTable(JsonNode n) {
    List<Map.Entry<String, JsonNode>> rows = new ArrayList<>();
    boolean named = n.isObject();
    if (!(n.isArray() || n.isObject()) || n.isEmpty()) {
      return null;
    }
    if (named) {
      Iterator<Map.Entry<String, JsonNode>> it = n.fields();
      it.forEachRemaining(rows::add);
    } else {
      n.forEach(x -> rows.add(Map.entry("", x)));
    }
    if (rows.stream().anyMatch(e -> !e.getValue().isObject())) {
      return null;
    }
    Set<String> cols = new LinkedHashSet<>();
    rows.forEach(e -> e.getValue().fieldNames().forEachRemaining(cols::add));
    StringBuilder b = new StringBuilder("<table class=\"data mini\"><thead><tr>");
    if (named) {
      b.append("<th>name</th>");
    }
    cols.forEach(c -> b.append("<th>").append(esc(c)).append("</th>"));
    b.append("</tr></thead><tbody>");
    for (Map.Entry<String, JsonNode> e : rows) {
      b.append("<tr>");
      if (named) {
        b.append("<td class=\"mono\">").append(esc(e.getKey())).append("</td>");
      }
      for (String c : cols) {
        JsonNode v = e.getValue().get(c);
        b.append("<td class=\"mono\">").append(v == null || v.isNull() ? "" : esc(v.isValueNode() ? v.asText() : v.toString()))
            .append("</td>");
      }
      b.append("</tr>");
    }
    return b.append("</tbody></table>").toString();
  }

  private static String kv(Map<String, String> m) {
    if (m.isEmpty()) {
      return "<p class=\"muted\">(not recorded)</p>";
    }
    StringBuilder b = new StringBuilder("<dl class=\"kv\">");
    m.forEach((k, v) -> b.append("<dt>").append(esc(k)).append("</dt><dd class=\"mono\">").append(esc(v)).append("</dd>"));
    return b.append("</dl>").toString();
  }
}
