package io.lensbench.reports;

import static io.lensbench.reports.Html.esc;

import io.lensbench.eval.run.RunCell;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What every section shares in the page: a colour per system, the joint-model marker and the reader notes. */
final class Look {
  static final String JOINT_NOTE = "The trained joint model maps images onto catalogue attributes (gender, colour, "
      + "article type, usage); it will not answer open-ended queries about style, pattern or brand. Read its "
      + "numbers as attribute-matching quality.";
  static final String KOREAN_NOTE = "Korean text in this dataset is glossary-derived (dataset card): catalogue "
      + "attributes translated through a glossary, not native Korean product copy.";

  private final RunData run;
  private final Map<String, Integer> systemColors = new LinkedHashMap<>();
  private final Caveats caveats;

  Look(RunData run) {
    this.run = run;
    this.caveats = new Caveats(run);
    for (RunCell c : run.cells()) {
      systemColors.putIfAbsent(c.id().system(), systemColors.size());
    }
  }

  /** The colour of a cell's system (strategy + reranker). */
  String color(RunCell c) {
    return color(c.id().system());
  }

  /** The colour of a system by name; the first colour for an unknown one. */
  String color(String system) {
    return Svg.color(systemColors.getOrDefault(system, 0));
  }

  /** The colour index of a system, or null when the run has no such system. */
  Integer colorIndex(String system) {
    return systemColors.get(system);
  }

  /** A system's short key in compact charts: A, B, … Z, then A2, B2, … (by colour order). */
  String key(String system) {
    int i = systemColors.getOrDefault(system, 0);
    return (char) ('A' + i % 26) + (i >= 26 ? String.valueOf(i / 26 + 1) : "");
  }

  /** The systems in colour order. */
  List<String> systems() {
    return List.copyOf(systemColors.keySet());
  }

  /** One legend entry per system: its key on its colour, then its name. */
  String systemKeys() {
    StringBuilder b = new StringBuilder();
    for (String system : systemColors.keySet()) {
      b.append("<span><b class=\"key\" style=\"background:").append(color(system)).append("\">").append(esc(key(system)))
          .append("</b>").append(esc(system)).append(jointMark(system)).append("</span>");
    }
    return b.toString();
  }

  /** The caveat badges of a query set, as inline markup (empty when none apply). */
  String badges(String querySet) {
    StringBuilder b = new StringBuilder();
    for (Caveats.Badge badge : caveats.of(querySet)) {
      b.append(" <span class=\"caveat\" title=\"").append(esc(badge.title())).append("\">").append(esc(badge.label()).replace("-", "-<wbr>"))
          .append("</span>");
    }
    return b.toString();
  }

  /** The store's marker shape in charts: circle, square, triangle, diamond, then round again. */
  String marker(String store) {
    int i = Math.max(0, run.stores().indexOf(store));
    return List.of("circle", "square", "triangle", "diamond").get(i % 4);
  }

  /** True when the store is not the run's first store (drawn dashed or hollow). */
  boolean secondaryStore(String store) {
    return run.stores().indexOf(store) > 0;
  }

  static boolean isJoint(String strategy) {
    return strategy.toLowerCase(Locale.ROOT).contains("joint");
  }

  /** " †" after a joint-model strategy's name. */
  static String jointMark(String strategy) {
    return isJoint(strategy) ? " †" : "";
  }

  /** The joint-model note and/or the Korean note, when they apply to this run. */
  String notes(boolean joint, boolean korean) {
    StringBuilder b = new StringBuilder();
    if (joint && run.cells().stream().anyMatch(c -> isJoint(c.id().strategy()))) {
      b.append("<div class=\"note\"><b>† Joint model.</b> ").append(esc(JOINT_NOTE)).append("</div>");
    }
    if (korean && hasKorean() && run.koreanIsGlossaryDerived()) {
      b.append("<div class=\"note\"><b>Korean.</b> ").append(esc(KOREAN_NOTE)).append("</div>");
    }
    return b.toString();
  }

  private boolean hasKorean() {
    return run.queries().values().stream().flatMap(List::stream).anyMatch(q -> "ko".equals(q.language()))
        || run.cells().stream().anyMatch(c -> c.id().querySet().endsWith("-ko"));
  }
}
