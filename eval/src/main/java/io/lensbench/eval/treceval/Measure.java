package io.lensbench.eval.treceval;

import java.util.Arrays;

/**
* A measure selected for this evaluation: its definition, its (possibly command-line) parameters, and the
* slots of the per-query value array it owns, with their printed names (te_init_meas_* of meas_init.c).
*/
final class Measure {
  /** Parameter block (PARAMS of trec_eval.h); may be shared between measures, as in m_ndcg.c. */
  static final class ParamBlock {
    String printable;
    long[] longs;
    double[] doubles;
    String[] pairNames;
    double[] pairValues;

    int numPairs() {
      return pairNames == null ? 0 : pairNames.length;
    }
  }

  final MeasureDef def;
  final ParamBlock params;
  int off;
  int count;
  byte[][] names;

  Measure(MeasureDef def, ParamBlock params) {
    this.def = def;
    this.params = params;
  }

  String name() {
    return def.name;
  }

  long[] longCuts() {
    return params.longs;
  }

  double[] doubles() {
    return params.doubles;
  }

  /** Initialises parameters from the first matching -m argument, assigns slots starting at {@code off}. */
  void init(String arg, int offset) throws TrecEvalException {
    this.off = offset;
    switch (def.params) {
      case EMPTY:
        count = 0;
        names = new byte[0][];
        break;
      case NONE:
        count = 1;
        names = new byte[][] {CText.bytes(def.name)};
        break;
      case LONG_CUTS:
        if (arg != null) {
          parseLongCuts(arg);
        }
        count = params.longs.length;
        names = new byte[count][];
        for (int i = 0; i < count; i++) {
          names[i] = CText.bytes(def.name + "_" + params.longs[i]);
        }
        break;
      case DOUBLE_CUTS:
        if (arg != null) {
          parseDoubleCuts(arg);
        }
        count = params.doubles.length;
        names = new byte[count][];
        for (int i = 0; i < count; i++) {
          // snprintf (name, strlen(name) + 8 + 2, "%s_%3.2f", ...) truncates long numbers
          String s = def.name + "_" + CFormat.fixed32(params.doubles[i]);
          int max = def.name.length() + 9;
          names[i] = CText.bytes(s.length() > max ? s.substring(0, max) : s);
        }
        break;
      case DOUBLE_PARAMS:
        if (arg != null) {
          parseDoubleParams(arg);
        }
        count = 1;
        names = new byte[][] {CText.bytes(params.printable == null ? def.name
          : def.name + "_" + params.printable)};
        break;
      case PAIRS:
        if (arg != null) {
          parsePairs(arg);
        }
        count = 1;
        names = new byte[][] {CText.bytes(params.printable == null ? def.name
          : def.name + "_" + params.printable)};
        break;
      default:
        throw new IllegalStateException();
    }
  }

  private static String[] split(String s) {
    return s.split(",", -1);
  }

  private void parseLongCuts(String arg) throws TrecEvalException {
    String[] parts = split(arg);
    long[] c = new long[parts.length];
    for (int i = 0; i < parts.length; i++) {
      c[i] = CText.atol(CText.bytes(parts[i]));
    }
    Arrays.sort(c);
    params.printable = arg;
    params.longs = c;
    if (c[0] <= 0) {
      throw initError("trec_eval: Negative cutoff detected\n");
    }
    for (int i = 1; i < c.length; i++) {
      if (c[i - 1] == c[i]) {
        throw initError("trec_eval: duplicate cutoffs detected\n");
      }
    }
  }

  private void parseDoubleCuts(String arg) throws TrecEvalException {
    String[] parts = split(arg);
    double[] c = new double[parts.length];
    for (int i = 0; i < parts.length; i++) {
      c[i] = CText.atof(parts[i]);
    }
    Arrays.sort(c);
    params.printable = arg;
    params.doubles = c;
    for (int i = 1; i < c.length; i++) {
      if (c[i - 1] == c[i]) {
        throw initError("trec_eval: duplicate cutoffs detected\n");
      }
    }
  }

  private void parseDoubleParams(String arg) {
    String[] parts = split(arg);
    double[] v = new double[parts.length];
    for (int i = 0; i < parts.length; i++) {
      v[i] = CText.atof(parts[i]);
    }
    params.printable = arg;
    params.doubles = v;
  }

  /** get_param_pairs: comma separated name=value, validated exactly as meas_init.c does. */
  private void parsePairs(String arg) throws TrecEvalException {
    char lastSeen = ',';
    for (int i = 0; i < arg.length(); i++) {
      char ch = arg.charAt(i);
      if (ch == ',') {
        if (lastSeen == ',') {
          break;
        }
        lastSeen = ',';
      } else if (ch == '=') {
        if (lastSeen == '=') {
          lastSeen = ',';
          break;
        }
        lastSeen = '=';
      }
    }
    if (lastSeen != '=') {
      throw initError("trec_eval: malformed pair parameters in '" + arg + "'\n");
    }
    String[] parts = split(arg);
    String[] names = new String[parts.length];
    double[] values = new double[parts.length];
    for (int i = 0; i < parts.length; i++) {
      int eq = parts[i].indexOf('=');
      names[i] = eq < 0 ? null : parts[i].substring(0, eq);
      values[i] = CText.atof(eq < 0 ? parts[i] : parts[i].substring(eq + 1));
    }
    params.printable = arg;
    params.pairNames = names;
    params.pairValues = values;
  }

  private TrecEvalException initError(String msg) {
    return new TrecEvalException(2, msg + "trec_eval: Cannot initialize measure '" + def.name + "'\n");
  }
}
