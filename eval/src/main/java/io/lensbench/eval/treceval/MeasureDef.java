package io.lensbench.eval.treceval;

/**
* Static description of one trec_eval measure (TREC_MEAS of trec_eval.h): how its parameters are given,
* which intermediate form it is computed from, how it is averaged and printed, and its calculation.
*/
final class MeasureDef {
  /** Parameter style, after te_init_meas_* of meas_init.c. */
  enum Params {
    /** te_init_meas_empty: no value slot (runid). */
    EMPTY,
    /** te_init_meas_s_double / s_long: one value, parameters ignored. */
    NONE,
    /** te_init_meas_a_double_cut_long: sorted positive long cutoffs, values named name_N. */
    LONG_CUTS,
    /** te_init_meas_a_double_cut_double: sorted double cutoffs, values named name_%3.2f. */
    DOUBLE_CUTS,
    /** te_init_meas_s_double_p_double: one value named name_params, unsorted doubles. */
    DOUBLE_PARAMS,
    /** te_init_meas_s_double_p_pair: one value named name_params, name=value pairs. */
    PAIRS
  }

  /** Intermediate form the measure is computed from (determines the required rel_info format). */
  enum Input { NONE, QRELS, PREFS, JG }

  /** Averaging for the summary line (meas_avg.c and custom procedures). */
  enum Avg { SUM, MEAN, GM, NUM_Q, NUM_REL }

  /** Print procedure (meas_print_single.c / meas_print_final.c and custom ones). */
  enum Out { DOUBLE, LONG, NONE, RELSTRING, RUNID }

  @FunctionalInterface
  interface Calc {
    void calc(QueryContext c, Measure m, double[] v, int off) throws CalcFailure;
  }

  final String name;
  final Params params;
  final long[] longDefaults;
  final double[] doubleDefaults;
  final Input input;
  final Avg avg;
  final Out single;
  final Out fin;
  final Calc calc;
  /** Measures with the same key share one parameter block (dcg, ideal_dcg and ndcg in m_ndcg.c). */
  final String shareKey;

  private MeasureDef(String name, Params params, long[] longDefaults, double[] doubleDefaults, Input input,
    Avg avg, Out single, Out fin, Calc calc, String shareKey) {
    this.name = name;
    this.params = params;
    this.longDefaults = longDefaults;
    this.doubleDefaults = doubleDefaults;
    this.input = input;
    this.avg = avg;
    this.single = single;
    this.fin = fin;
    this.calc = calc;
    this.shareKey = shareKey;
  }

  /** Single double value, averaged over queries (the most common kind). */
  static MeasureDef mean(String name, Input in, Calc c) {
    return new MeasureDef(name, Params.NONE, null, null, in, Avg.MEAN, Out.DOUBLE, Out.DOUBLE, c, null);
  }

  /** Single long count, summed over queries. */
  static MeasureDef count(String name, Input in, Calc c) {
    return new MeasureDef(name, Params.NONE, null, null, in, Avg.SUM, Out.LONG, Out.LONG, c, null);
  }

  /** Single double value, geometric mean over queries, printed only in the summary. */
  static MeasureDef gm(String name, Calc c) {
    return new MeasureDef(name, Params.NONE, null, null, Input.QRELS, Avg.GM, Out.NONE, Out.DOUBLE, c, null);
  }

  static MeasureDef longCuts(String name, Input in, long[] defaults, Calc c) {
    return new MeasureDef(name, Params.LONG_CUTS, defaults, null, in, Avg.MEAN, Out.DOUBLE, Out.DOUBLE, c, null);
  }

  static MeasureDef doubleCuts(String name, Input in, double[] defaults, Calc c) {
    return new MeasureDef(name, Params.DOUBLE_CUTS, null, defaults, in, Avg.MEAN, Out.DOUBLE, Out.DOUBLE, c,
      null);
  }

  static MeasureDef doubleParams(String name, double[] defaults, Calc c) {
    return new MeasureDef(name, Params.DOUBLE_PARAMS, null, defaults, Input.QRELS, Avg.MEAN, Out.DOUBLE,
      Out.DOUBLE, c, null);
  }

  static MeasureDef pairs(String name, String shareKey, Calc c) {
    return new MeasureDef(name, Params.PAIRS, null, null, Input.QRELS, Avg.MEAN, Out.DOUBLE, Out.DOUBLE, c,
      shareKey);
  }

  static MeasureDef custom(String name, Params p, double[] doubleDefaults, Input in, Avg avg, Out single, Out fin,
    Calc c) {
    return new MeasureDef(name, p, null, doubleDefaults, in, avg, single, fin, c, null);
  }

  /** A calculation failure: the message trec_eval prints before "Can't calculate measure". */
  static final class CalcFailure extends Exception {
    private static final long serialVersionUID = 1L;
    final int status;

    CalcFailure(String msg, int status) {
      super(msg);
      this.status = status;
    }
  }
}
