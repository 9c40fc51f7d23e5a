package io.lensbench.reports;

import static io.lensbench.reports.Html.esc;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The provenance's model cards as compact cards: headline fields, held-out metrics, limitations, raw JSON collapsed. */
final class ModelCards {
  private static final List<String> CARD_KEYS = List.of("kind", "dimension", "architecture", "engine", "textEncoder",
      "imageSize", "folder", "trainedAt", "paramsSha256");

  private ModelCards() {}

  static String render(JsonNode models) {
    StringBuilder b = new StringBuilder("<div class=\"mcards\">");
    for (JsonNode m : models) {
      b.append(card(m));
    }
    return b.append("</div>").toString();
  }

  private static String card(JsonNode m) {
    JsonNode card = m.path("card").isObject() || m.path("card").isTextual() ? m.path("card") : m;
    String id = text(m.path("id"));
    String cid = text(card.path("id"));
    boolean big = card.path("heldOut").isObject() || !text(card.path("limitations")).isEmpty();
    StringBuilder b = new StringBuilder("<div class=\"mcard").append(big ? " big" : "").append("\"><div class=\"mhead\"><b class=\"mono\">")
        .append(esc(id.isEmpty() ? cid : id)).append("</b>");
    if (!card.path("kind").isMissingNode()) {
      b.append(" <span class=\"pill\">").append(esc(text(card.path("kind")))).append("</span>");
    }
    b.append("</div><dl class=\"mkv\">");
    if (!cid.isEmpty() && !cid.equals(id)) {
      b.append("<dt>card id</dt><dd class=\"mono\" title=\"").append(esc(cid)).append("\">").append(esc(Svg.shorten(cid, 56))).append("</dd>");
    }
    for (String k : CARD_KEYS) {
      String v = text(card.path(k));
      if (!k.equals("kind") && !v.isEmpty() && card.path(k).isValueNode()) {
        b.append("<dt>").append(esc(k)).append("</dt><dd class=\"mono\" title=\"").append(esc(v)).append("\">")
            .append(esc(Svg.shorten(v, 56))).append("</dd>");
      }
    }
    if (card.isTextual()) {
      b.append("<dt>card</dt><dd>").append(esc(card.asText())).append("</dd>");
    }
    b.append("</dl>").append(heldOut(card.path("heldOut")));
    String lim = text(card.path("limitations"));
    if (!lim.isEmpty()) {
      b.append("<div class=\"note warn small\"><b>Limitations.</b> ").append(esc(lim)).append("</div>");
    }
    return b.append("<details><summary>full card JSON</summary><pre>").append(esc(card.toPrettyString()))
        .append("</pre></details></div>").toString();
  }

  private static String heldOut(JsonNode held) {
    if (!held.isObject() || held.isEmpty()) {
      return "";
    }
    StringBuilder b = new StringBuilder("<div class=\"mheld\"><b>held-out</b> ");
    Iterator<Map.Entry<String, JsonNode>> it = held.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getValue().isNumber()) {
        continue;
      }
      String f = e.getValue().isIntegralNumber() ? String.valueOf(e.getValue().asLong())
          : String.format(Locale.ROOT, "%.3f", e.getValue().asDouble());
      b.append("<span class=\"chip").append(e.getKey().startsWith("chance") ? " dim" : "").append("\"><b>")
          .append(esc(e.getKey())).append("</b><span class=\"mono\">").append(esc(f)).append("</span></span>");
    }
    String def = text(held.path("definition"));
    if (!def.isEmpty()) {
      b.append("<div class=\"muted small\">").append(esc(def)).append("</div>");
    }
    return b.append("</div>").toString();
  }

  /** The text of a JSON value; empty for missing or null. */
  static String text(JsonNode n) {
    return n == null || n.isMissingNode() || n.isNull() ? "" : n.asText("");
  }
}
