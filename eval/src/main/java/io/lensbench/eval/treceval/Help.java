package io.lensbench.eval.treceval;

/**
* Text for "-h". The general help text follows trec_eval's; the per-measure documentation lists the
* requested measures by name only (trec_eval prints a paragraph per measure, not reproduced here).
*/
final class Help {
  private Help() {
  }

  static String text(TrecEvalOptions o) {
    StringBuilder b = new StringBuilder();
    b.append("trec_eval [-h] [-q] [-m measure[.params] [-c] [-n] [-l <num>]\n")
      .append("   [-D debug_level] [-N <num>] [-M <num>] [-R rel_format] [-T results_format]\n")
      .append("   rel_info_file  results_file \n \n")
      .append("Calculate and print various evaluation measures, evaluating the results  \n")
      .append("in results_file against the relevance info in rel_info_file.");
    if (o.version.stdinResults()) {
      b.append(" If results_file is \n'-', then results_file is read from stdin.");
    }
    b.append("\n \n")
      .append(" -q: per-query output as well as the summary\n")
      .append(" -m measure[.params]: measures or nicknames (official, set, all_trec, all_prefs, prefs,\n")
      .append("     qrels_jg) to compute; repeatable\n")
      .append(" -c: average over all queries of rel_info_file (missing queries count as 0)\n")
      .append(" -l<num>: minimum relevance value for a doc to be relevant (default 1)\n")
      .append(" -n: no summary\n")
      .append(" -D <num>[.<qid>]: debug level, optionally evaluating only qid\n")
      .append(" -N <num>: number of docs in collection\n")
      .append(" -M <num>: max number of docs per topic to evaluate\n")
      .append(" -J: evaluate over judged docs only\n")
      .append(" -R format: rel_info format: qrels, prefs, qrels_prefs, qrels_jg\n")
      .append(" -T format: results format: trec_results\n")
      .append(" -Z Zmean_file: print z-scores against the means/std devs in Zmean_file\n")
      .append("-----------------------\n")
      .append("Individual measure documentation for requested measures\n");
    if (o.marked.isEmpty()) {
      b.append("-- No measures indicated.\n   Request measure documentation using <-m measure> on command"
        + " line\n");
    } else {
      for (String n : MeasureRegistry.names(o.version)) {
        if (o.marked.contains(n)) {
          b.append(n).append('\n');
        }
      }
    }
    return b.toString();
  }
}
