package io.lensbench.eval.treceval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The 15 "make quicktest" commands of trec_eval 10.0 (see README.md of the conformance data). */
final class QuickTests {
  private QuickTests() {
  }

  /** One command: its arguments (file names relative to the test folder) and the expected output file. */
  static final class Cmd {
    final String[] args;
    final String expected;

    Cmd(String args, String expected) {
      this.args = args.split(" ");
      this.expected = expected;
    }

    /** Arguments with every data file made absolute. */
    String[] resolved(Path dir) {
      String[] r = args.clone();
      for (int i = 0; i < r.length; i++) {
        if (r[i].startsWith("test/")) {
          r[i] = dir.resolve(r[i].substring(5)).toString();
        }
      }
      return r;
    }

    @Override
    public String toString() {
      return "trec_eval " + String.join(" ", args);
    }
  }

  static final List<Cmd> ALL = new ArrayList<>();

  static {
    String[][] t = {
      {"test/qrels.test test/results.test", "out.test"},
      {"test/qrels.test.with-comments test/results.test", "out.test"},
      {"test/qrels.comment.test test/results.comment.test", "out.comment.test"},
      {"-m all_trec test/qrels.test test/results.test", "out.test.a"},
      {"-m all_trec -q test/qrels.test test/results.test", "out.test.aq"},
      {"-m all_trec -q -c test/qrels.test test/results.trunc", "out.test.aqc"},
      {"-m all_trec -q -c -M100 test/qrels.test test/results.trunc", "out.test.aqcM"},
      {"-m all_trec -mrelstring.20 -q -l2 test/qrels.rel_level test/results.test", "out.test.aql"},
      {"-m all_prefs -q -R prefs test/prefs.test test/prefs.results.test", "out.test.prefs"},
      {"-m all_prefs -q -R prefs test/prefs.comment.test test/prefs.results.test", "out.test.prefs"},
      {"-m all_prefs -q -R qrels_prefs test/qrels.test test/results.test", "out.test.qrels_prefs"},
      {"-m qrels_jg -q -R qrels_jg test/qrels.123 test/results.test", "out.test.qrels_jg"},
      {"-m qrels_jg -q -R qrels_jg test/qrels.comments.123 test/results.test", "out.test.qrels_jg"},
      {"-q -miprec_at_recall..10,.20,.25,.75,.50 -m P.5,7,3 -m recall.20,2000 -m Rprec_mult.5.0,0.2,0.35"
        + " -mutility.2,-1,0,0 -m 11pt_avg..25,.5,.75 -mndcg.1=3,2=9,4=4.5 -mndcg_cut.10,20,23.4"
        + " -msuccess.2,5,20 test/qrels.test test/results.test", "out.test.meas_params"},
      {"-q -m all_trec -Z test/zscores_file test/qrels.test test/results.test", "out.test.aqZ"},
    };
    for (String[] c : t) {
      ALL.add(new Cmd(c[0], c[1]));
    }
  }
}
