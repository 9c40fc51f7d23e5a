package io.lensbench.eval.treceval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
* The measure table (te_trec_measures of measures.c, in calculation/print order) and the measure
* nicknames, for each supported trec_eval version.
*/
final class MeasureRegistry {
  private MeasureRegistry() {
  }

  private static final List<MeasureDef> V10 = List.of(
    BasicMeasures.RUNID, BasicMeasures.NUM_Q, BasicMeasures.NUM_RET, BasicMeasures.NUM_REL,
    BasicMeasures.NUM_REL_RET, BasicMeasures.MAP, BasicMeasures.GM_MAP, BasicMeasures.RPREC,
    BasicMeasures.BPREF, BasicMeasures.RECIP_RANK, CutoffMeasures.IPREC_AT_RECALL, CutoffMeasures.P,
    BasicMeasures.RELSTRING, CutoffMeasures.RECALL, BasicMeasures.INFAP, BasicMeasures.GM_BPREF,
    CutoffMeasures.RPREC_MULT, BasicMeasures.UTILITY, CutoffMeasures.PT11_AVG, BasicMeasures.BING,
    GainMeasures.G, GainMeasures.DCG, GainMeasures.IDEAL_DCG, GainMeasures.NDCG, GainMeasures.NDCG_REL,
    GainMeasures.RNDCG, CutoffMeasures.NDCG_CUT, CutoffMeasures.MAP_CUT, CutoffMeasures.RELATIVE_P,
    CutoffMeasures.SUCCESS, BasicMeasures.SET_P, BasicMeasures.SET_RELATIVE_P, BasicMeasures.SET_RECALL,
    BasicMeasures.SET_MAP, BasicMeasures.SET_F, BasicMeasures.NUM_NONREL_JUDGED_RET,
    PrefsMeasures.NUM_PREFS_POSS, PrefsMeasures.NUM_PREFS_FUL, PrefsMeasures.NUM_PREFS_FUL_RET,
    PrefsMeasures.SIMP, PrefsMeasures.PAIR, PrefsMeasures.AVGJG, PrefsMeasures.AVGJG_RNONREL,
    PrefsMeasures.SIMP_RET, PrefsMeasures.PAIR_RET, PrefsMeasures.AVGJG_RET, PrefsMeasures.AVGJG_RNONREL_RET,
    PrefsMeasures.SIMP_IMP, PrefsMeasures.PAIR_IMP, PrefsMeasures.AVGJG_IMP, JgMeasures.MAP_AVGJG,
    JgMeasures.P_AVGJG, JgMeasures.RPREC_MULT_AVGJG, BasicMeasures.YAAP, RbpMeasures.RBP,
    RbpMeasures.RBP_RESID, CutoffMeasures.UNJ);

  private static final List<MeasureDef> V9;

  static {
    List<MeasureDef> l = new ArrayList<>(V10);
    l.removeAll(List.of(GainMeasures.DCG, GainMeasures.IDEAL_DCG, RbpMeasures.RBP, RbpMeasures.RBP_RESID,
      CutoffMeasures.UNJ));
    V9 = Collections.unmodifiableList(l);
  }

  private static final List<String> OFFICIAL = List.of("runid", "num_q", "num_ret", "num_rel", "num_rel_ret",
    "map", "gm_map", "Rprec", "bpref", "recip_rank", "iprec_at_recall", "P");
  private static final List<String> SET = List.of("runid", "num_q", "num_ret", "num_rel", "num_rel_ret",
    "utility", "set_P", "set_recall", "set_relative_P", "set_map", "set_F");
  private static final List<String> ALL_PREFS = List.of("runid", "num_q", "prefs_num_prefs_poss",
    "prefs_num_prefs_ful", "prefs_num_prefs_ful_ret", "prefs_simp", "prefs_pair", "prefs_avgjg",
    "prefs_avgjg_Rnonrel", "prefs_simp_ret", "prefs_pair_ret", "prefs_avgjg_ret", "prefs_avgjg_Rnonrel_ret",
    "prefs_simp_imp", "prefs_pair_imp", "prefs_avgjg_imp");
  private static final List<String> PREFS = List.of("runid", "num_q", "prefs_num_prefs_poss",
    "prefs_num_prefs_ful", "prefs_num_prefs_ful_ret", "prefs_simp", "prefs_pair", "prefs_avgjg");
  private static final List<String> QRELS_JG = List.of("runid", "num_q", "map_avgjg", "P_avgjg",
    "Rprec_mult_avgjg");
  private static final List<String> ALL_TREC_9 = List.of("runid", "num_q", "num_ret", "num_rel", "num_rel_ret",
    "map", "gm_map", "Rprec", "bpref", "recip_rank", "iprec_at_recall", "P", "relstring", "recall", "infAP",
    "gm_bpref", "utility", "11pt_avg", "ndcg", "relative_P", "Rprec_mult", "success", "map_cut", "ndcg_cut",
    "ndcg_rel", "Rndcg", "binG", "G", "set_P", "set_recall", "set_relative_P", "set_map", "set_F",
    "num_nonrel_judged_ret");
  private static final List<String> ALL_TREC_10 = List.of("runid", "num_q", "num_ret", "num_rel", "num_rel_ret",
    "map", "gm_map", "Rprec", "bpref", "recip_rank", "iprec_at_recall", "P", "relstring", "recall", "unj",
    "rbp", "rbp_resid", "infAP", "gm_bpref", "utility", "11pt_avg", "ndcg", "relative_P", "Rprec_mult",
    "success", "map_cut", "ndcg_cut", "ndcg_rel", "Rndcg", "binG", "G", "set_P", "set_recall",
    "set_relative_P", "set_map", "set_F", "num_nonrel_judged_ret");

  /** All measures of the version, in trec_eval's calculation and print order. */
  static List<MeasureDef> measures(TrecEvalVersion v) {
    return v.hasNewMeasures() ? V10 : V9;
  }

  /** Nicknames (te_trec_measure_nicknames) of the version, in lookup order. */
  static Map<String, List<String>> nicknames(TrecEvalVersion v) {
    Map<String, List<String>> m = new LinkedHashMap<>();
    m.put("official", OFFICIAL);
    m.put("set", SET);
    m.put("all_trec", v.hasNewMeasures() ? ALL_TREC_10 : ALL_TREC_9);
    m.put("all_prefs", ALL_PREFS);
    m.put("prefs", PREFS);
    m.put("qrels_jg", QRELS_JG);
    return m;
  }

  static MeasureDef find(TrecEvalVersion v, String name) {
    for (MeasureDef d : measures(v)) {
      if (d.name.equals(name)) {
        return d;
      }
    }
    return null;
  }

  /** Names of all measures of a version (for documentation and tests). */
  static List<String> names(TrecEvalVersion v) {
    List<String> out = new ArrayList<>();
    for (MeasureDef d : measures(v)) {
      out.add(d.name);
    }
    return out;
  }

  static List<String> nicknameNames() {
    return Arrays.asList("official", "set", "all_trec", "all_prefs", "prefs", "qrels_jg");
  }
}
