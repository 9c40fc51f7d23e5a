package io.lensbench.eval.treceval;

/**
* trec_eval release whose behaviour is reproduced. The differences are listed, with their sources, in
* VERSION-DIFFERENCES.md at the root of this module.
*/
public enum TrecEvalVersion {
  /** trec_eval 9.0.4 (2012), the binary bundled in jtreceval 0.0.5. */
  V9_0_4("9.0.4"),
  /** trec_eval 10.0 (the default). */
  V10_0("10.0");

  private final String label;

  TrecEvalVersion(String label) {
    this.label = label;
  }

  /** Version string as printed by {@code trec_eval -v}. */
  public String label() {
    return label;
  }

  /** Parses "9.0.4", "9", "10.0", "10", "V9_0_4", "V10_0". */
  public static TrecEvalVersion parse(String s) {
    String t = s.trim().toUpperCase(java.util.Locale.ROOT);
    switch (t) {
      case "9.0.4":
      case "9":
      case "V9_0_4":
        return V9_0_4;
      case "10.0":
      case "10":
      case "V10_0":
        return V10_0;
      default:
        throw new IllegalArgumentException("unknown trec_eval version '" + s + "' (use 9.0.4 or 10.0)");
    }
  }

  /** Scores are read into a C {@code float} (9.0.4) rather than a {@code double} (10.0). */
  boolean floatScores() {
    return this == V9_0_4;
  }

  /** '#' comment lines are accepted in qrels, prefs and run files (10.0 only). */
  boolean commentLines() {
    return this == V10_0;
  }

  /** iprec_at_recall / 11pt_avg translate recall levels to ranks with lround (10.0) vs (long)(x+0.9). */
  boolean roundedRecallCutoffs() {
    return this == V10_0;
  }

  /** With -c, queries without results are evaluated against a one-doc dummy ranking and printed (10.0). */
  boolean printsMissingQueries() {
    return this == V10_0;
  }

  /** dcg, ideal_dcg, rbp, rbp_resid and unj exist (10.0 only). */
  boolean hasNewMeasures() {
    return this == V10_0;
  }

  /** Results file "-" (any name starting with '-') means standard input (10.0 only). */
  boolean stdinResults() {
    return this == V10_0;
  }
}
