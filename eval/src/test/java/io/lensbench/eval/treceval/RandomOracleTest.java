package io.lensbench.eval.treceval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** (c) Seeded random datasets, 9.0.4 mode against the trec_eval 9.0.4 binary, byte for byte. */
class RandomOracleTest {
  /** Commands on the qrels file; the last ones use the derived qrels_prefs / prefs / qrels_jg inputs. */
  private static final String[][] COMMANDS = {
    {"-q", "-c", "-m", "all_trec"},
    {"-q", "-l", "2", "-m", "all_trec"},
    {"-q", "-m", "all_trec"},
    {},
    {"-q", "-J", "-M", "10", "-m", "all_trec"},
    {"-q", "-c", "-l", "0", "-m", "all_trec", "-m", "yaap"},
    {"-q", "-m", "yaap", "-m", "ndcg_rel.0=1,2=5", "-m", "G.1=3,2=0.5", "-m", "Rndcg.3=1", "-m",
      "utility.2,-1,-0.5,0.1", "-N", "1000", "-m", "set_F.0.5", "-m", "relstring.15", "-m", "11pt_avg.0.3,.1",
      "-m", "Rprec_mult.0.33,1.7", "-m", "ndcg.1=3,2=9,4=4.5", "-m", "iprec_at_recall.0.05,0.55"},
    {"-D1", "-m", "ndcg", "-m", "binG", "-m", "G", "-m", "ndcg_cut.3,8", "-m", "Rndcg", "-m", "ndcg_rel"},
    {"-q", "-n", "-m", "success.1,3", "-m", "map_cut.2,50", "-m", "relative_P.4", "-m", "recip_rank"},
    {"QRELS_PREFS", "-q", "-R", "qrels_prefs", "-m", "all_prefs"},
    {"QRELS_PREFS", "-q", "-c", "-M", "8", "-R", "qrels_prefs", "-m", "all_prefs"},
    {"PREFS", "-q", "-R", "prefs", "-m", "all_prefs"},
    {"PREFS", "-q", "-c", "-J", "-M", "6", "-R", "prefs", "-m", "all_prefs"},
    {"-q", "-R", "qrels_jg", "-m", "qrels_jg"},
    {"-q", "-c", "-l", "2", "-R", "qrels_jg", "-m", "qrels_jg", "-m", "num_rel"},
  };

  static Stream<Arguments> cases() {
    List<Arguments> l = new ArrayList<>();
    for (long seed = 1; seed <= 40; seed++) {
      for (int c = 0; c < COMMANDS.length; c++) {
        l.add(Arguments.of(seed, c));
      }
    }
    return l.stream();
  }

  @ParameterizedTest(name = "seed {0} command {1}")
  @MethodSource("cases")
  void matchesBinary(long seed, int command, @TempDir Path dir) throws Exception {
    RandomDataset.Files2 f = RandomDataset.write(seed, dir);
    List<String> args = new ArrayList<>(List.of(COMMANDS[command]));
    Path rel = f.qrels;
    if (!args.isEmpty() && args.get(0).equals("QRELS_PREFS")) {
      args.remove(0);
      rel = RandomDataset.nonNegativeQrels(f);
    } else if (!args.isEmpty() && args.get(0).equals("PREFS")) {
      args.remove(0);
      rel = RandomDataset.writePrefs(seed, f);
    }
    args.add(rel.toString());
    args.add(f.run.toString());
    String[] a = args.toArray(new String[0]);
    Harness.Outcome bin = Harness.binary(dir, a);
    Harness.Outcome got = Harness.port(TrecEvalVersion.V9_0_4, a);
    String what = "seed " + seed + " trec_eval " + String.join(" ", a);
    assertEquals(bin.exit, got.exit, () -> what + "\nport: " + got + "\nbinary: " + bin);
    assertEquals(new String(bin.out, StandardCharsets.ISO_8859_1), new String(got.out, StandardCharsets.ISO_8859_1),
      () -> what + ": stdout differs");
    assertEquals(bin.err(), got.err(), () -> what + ": stderr differs");
  }
}
