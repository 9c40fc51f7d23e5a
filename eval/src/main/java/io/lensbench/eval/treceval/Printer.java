package io.lensbench.eval.treceval;

/** The print procedures of meas_print_single.c, meas_print_final.c, m_relstring.c and m_runid.c. */
final class Printer {
  private static final byte[] RUNID = CText.bytes("runid");

  private final boolean zscores;

  Printer(boolean zscores) {
    this.zscores = zscores;
  }

  /** One query's lines for measure {@code m}. */
  void single(ByteBuf b, Measure m, byte[] qid, double[] values, String relstring) {
    switch (m.def.single) {
      case DOUBLE:
      case LONG:
        for (int k = 0; k < m.count; k++) {
          line(b, m.names[k], qid, values[m.off + k], m.def.single == MeasureDef.Out.LONG);
        }
        break;
      case RELSTRING:
        b.appendLeft(m.names[0], 22).append('\t').append(qid).append("\t'")
          .append(relstring == null ? "" : relstring).append("'\n");
        break;
      default:
        break;
    }
  }

  private static final byte[] ALL = CText.bytes("all");

  /** Summary lines for measure {@code m}. */
  void fin(ByteBuf b, Measure m, double[] values, byte[] runId) {
    switch (m.def.fin) {
      case DOUBLE:
      case LONG:
        for (int k = 0; k < m.count; k++) {
          line(b, m.names[k], ALL, values[m.off + k], m.def.fin == MeasureDef.Out.LONG);
        }
        break;
      case RUNID:
        b.appendLeft(RUNID, 22).append("\tall\t").append(runId).append('\n');
        break;
      default:
        break;
    }
  }

  /** "%-22s\t%s\t%6.4f\n" or, for counts, "%-22s\t%s\t%ld\n"; with -Z always %6.4f and a 'Z' prefix. */
  private void line(ByteBuf b, byte[] name, byte[] qid, double v, boolean isLong) {
    if (zscores) {
      b.append('Z');
    }
    b.appendLeft(name, 22).append('\t').append(qid).append('\t');
    if (isLong && !zscores) {
      b.append(Long.toString(CFormat.cLong(v)));
    } else {
      CFormat.fixed(b, v, 6, 4);
    }
    b.append('\n');
  }
}
