package io.lensbench.eval.treceval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
* Parsed trec_eval command line. {@link #parse(String[])} accepts exactly the binary's syntax (GNU
* getopt_long with "hvqm:cl:nD:JN:M:R:T:oZ:" and its long options, argument permutation, clustered
* flags, abbreviated long options); additionally {@code --trec-eval-version=9.0.4|10.0} (spelled in full)
* selects the emulated version, which defaults to 10.0.
*/
public final class TrecEvalOptions {
  static final String USAGE = "Usage: trec_eval [-h] [-q] {-m measure}* trec_rel_file trec_top_file\n"
    + "   -h: Give full help information, including other options\n"
    + "   -q: In addition to summary evaluation, give evaluation for each query\n"
    + "   -m: calculate and print measures indicated by 'measure'\n"
    + "       ('-m all_qrels' prints all qrels measures, '-m official' is default)\n";

  /** What the command line asks for. */
  public enum Action { EVALUATE, HELP, VERSION }

  final TrecEvalVersion version;
  Action action = Action.EVALUATE;
  boolean queryFlag;
  boolean summaryFlag = true;
  long debugLevel;
  String debugQuery;
  boolean averageComplete;
  boolean judgedDocsOnly;
  long numDocsInColl;
  long relevanceLevel = 1;
  long maxDocsPerTopic = Long.MAX_VALUE;
  String relInfoFormat = "qrels";
  String resultsFormat = "trec_results";
  String zscoreFile;
  String relInfoFile;
  String resultsFile;
  /** -m parameters in command-line order: {name, params}. */
  final List<String[]> measureArgs = new ArrayList<>();
  /** Names of the measures marked with -m (nicknames expanded). */
  final Set<String> marked = new LinkedHashSet<>();

  private TrecEvalOptions(TrecEvalVersion version) {
    this.version = version;
  }

  /** The -m arguments in command-line order, as {name, params} (params may be null). */
  public List<String[]> measureArgs() {
    return Collections.unmodifiableList(measureArgs);
  }


  /** Parses a trec_eval command line (10.0 unless --trec-eval-version says otherwise). */
  public static TrecEvalOptions parse(String... args) throws TrecEvalException {
    TrecEvalVersion v = TrecEvalVersion.V10_0;
    List<String> rest = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.startsWith("--trec-eval-version=")) {
        v = version(a.substring("--trec-eval-version=".length()));
      } else if (a.equals("--trec-eval-version") && i + 1 < args.length) {
        v = version(args[++i]);
      } else {
        rest.add(a);
      }
    }
    return parse(rest.toArray(new String[0]), v);
  }

  private static TrecEvalVersion version(String s) throws TrecEvalException {
    try {
      return TrecEvalVersion.parse(s);
    } catch (IllegalArgumentException e) {
      throw new TrecEvalException(1, "trec_eval: " + e.getMessage() + "\n");
    }
  }

  /** Parses a trec_eval command line for the given version. */
  public static TrecEvalOptions parse(String[] args, TrecEvalVersion version) throws TrecEvalException {
    TrecEvalOptions o = new TrecEvalOptions(version);
    List<String> operands = new ArrayList<>();
    boolean help = false;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--")) {
        operands.addAll(Arrays.asList(args).subList(i + 1, args.length));
        break;
      }
      if (a.startsWith("--")) {
        String body = a.substring(2);
        String val = null;
        int eq = body.indexOf('=');
        if (eq >= 0) {
          val = body.substring(eq + 1);
          body = body.substring(0, eq);
        }
        LongOpt lo = LongOpt.lookup(body, a);
        if (lo.hasArg && val == null) {
          if (i + 1 >= args.length) {
            throw usage("trec_eval: option '--" + lo.name + "' requires an argument\n");
          }
          val = args[++i];
        } else if (!lo.hasArg && val != null) {
          throw usage("trec_eval: option '--" + lo.name + "' doesn't allow an argument\n");
        }
        if (o.apply(lo.shortName, val)) {
          return o;
        }
        help |= lo.shortName == 'h';
        continue;
      }
      if (a.length() > 1 && a.charAt(0) == '-') {
        for (int k = 1; k < a.length(); k++) {
          char ch = a.charAt(k);
          int pos = "hvqm:cl:nD:JN:M:R:T:oZ:".indexOf(ch);
          if (ch == ':' || pos < 0) {
            throw usage("trec_eval: invalid option -- '" + ch + "'\n");
          }
          boolean hasArg = pos + 1 < 23 && "hvqm:cl:nD:JN:M:R:T:oZ:".charAt(pos + 1) == ':';
          String val = null;
          if (hasArg) {
            if (k + 1 < a.length()) {
              val = a.substring(k + 1);
            } else if (i + 1 < args.length) {
              val = args[++i];
            } else {
              throw usage("trec_eval: option requires an argument -- '" + ch + "'\n");
            }
          }
          if (o.apply(ch, val)) {
            return o;
          }
          help |= ch == 'h';
          if (hasArg) {
            break;
          }
        }
        continue;
      }
      operands.add(a);
    }
    if (help) {
      o.action = Action.HELP;
      return o;
    }
    if (operands.size() != 2) {
      throw new TrecEvalException(1, USAGE);
    }
    o.relInfoFile = operands.get(0);
    o.resultsFile = operands.get(1);
    return o;
  }

  private static TrecEvalException usage(String msg) {
    return new TrecEvalException(1, msg + USAGE);
  }

  /** Applies one option; returns true if parsing stops (-v). */
  private boolean apply(char opt, String val) throws TrecEvalException {
    switch (opt) {
      case 'h':
        break;
      case 'v':
        action = Action.VERSION;
        return true;
      case 'q':
        queryFlag = true;
        break;
      case 'm':
        markMeasure(val);
        break;
      case 'c':
        averageComplete = true;
        break;
      case 'l':
        relevanceLevel = CText.atol(CText.bytes(val));
        break;
      case 'n':
        summaryFlag = false;
        break;
      case 'D': {
        int dot = val.indexOf('.');
        if (dot >= 0) {
          debugQuery = val.substring(dot + 1);
          val = val.substring(0, dot);
        }
        debugLevel = CText.atol(CText.bytes(val));
        break;
      }
      case 'J':
        judgedDocsOnly = true;
        break;
      case 'N':
        numDocsInColl = CText.atol(CText.bytes(val));
        break;
      case 'M':
        maxDocsPerTopic = CText.atol(CText.bytes(val));
        break;
      case 'R':
        relInfoFormat = val;
        break;
      case 'T':
        resultsFormat = val;
        break;
      case 'o':
        break; // obsolete in trec_eval, accepted and ignored
      case 'Z':
        zscoreFile = val;
        break;
      default:
        throw usage("");
    }
    return false;
  }

  /** mark_measure of trec_eval.c: "name[.params]", name being a measure or a nickname. */
  private void markMeasure(String arg) throws TrecEvalException {
    String name = arg;
    int dot = arg.indexOf('.');
    if (dot >= 0) {
      name = arg.substring(0, dot);
      String params = arg.substring(dot + 1);
      measureArgs.add(new String[] {name, params});
      if (params.isEmpty()) {
        throw new TrecEvalException(1, "trec_eval: improper measure in parameter '" + name + "'\n"
          + "trec_eval: illegal measure '" + name + "'\n");
      }
    }
    List<String> nick = MeasureRegistry.nicknames(version).get(name);
    if (nick != null) {
      marked.addAll(nick);
      return;
    }
    if (MeasureRegistry.find(version, name) == null) {
      throw new TrecEvalException(1, "trec_eval: illegal measure '" + name + "'\n");
    }
    marked.add(name);
  }

  /** Long options of trec_eval.c with their short equivalents. */
  private static final class LongOpt {
    final String name;
    final boolean hasArg;
    final char shortName;

    LongOpt(String name, boolean hasArg, char shortName) {
      this.name = name;
      this.hasArg = hasArg;
      this.shortName = shortName;
    }

    static final List<LongOpt> ALL = List.of(new LongOpt("help", false, 'h'), new LongOpt("version", false, 'v'),
      new LongOpt("query_eval_wanted", false, 'q'), new LongOpt("measure", true, 'm'),
      new LongOpt("complete_rel_info_wanted", false, 'c'), new LongOpt("level_for_rel", true, 'l'),
      new LongOpt("nosummary", false, 'n'), new LongOpt("Debug_level", true, 'D'),
      new LongOpt("Judged_docs_only", false, 'J'), new LongOpt("Number_docs_in_coll", true, 'N'),
      new LongOpt("Max_retrieved_per_topic", true, 'M'), new LongOpt("Rel_info_format", true, 'R'),
      new LongOpt("Results_format", true, 'T'), new LongOpt("Output_old_results_format", true, 'o'),
      new LongOpt("Zscore", true, 'Z'));

    static LongOpt lookup(String body, String arg) throws TrecEvalException {
      LongOpt found = null;
      int matches = 0;
      for (LongOpt l : ALL) {
        if (l.name.equals(body)) {
          return l;
        }
        if (l.name.startsWith(body)) {
          found = l;
          matches++;
        }
      }
      if (matches == 1 && !body.isEmpty()) {
        return found;
      }
      if (matches > 1) {
        throw usage("trec_eval: option '" + arg + "' is ambiguous\n");
      }
      throw usage("trec_eval: unrecognized option '" + arg + "'\n");
    }
  }

  public TrecEvalVersion version() {
    return version;
  }

  public Action action() {
    return action;
  }

  public String relInfoFile() {
    return relInfoFile;
  }

  public String resultsFile() {
    return resultsFile;
  }

  public boolean perQuery() {
    return queryFlag;
  }

  public boolean completeRelInfo() {
    return averageComplete;
  }

  public long relevanceLevel() {
    return relevanceLevel;
  }

  public String relInfoFormat() {
    return relInfoFormat;
  }

  /** Measures selected with -m (nicknames expanded), or empty for the default ("official"). */
  public Set<String> markedMeasures() {
    return Collections.unmodifiableSet(marked);
  }
}
