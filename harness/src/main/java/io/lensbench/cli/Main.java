package io.lensbench.cli;

import io.lensbench.core.ExitCode;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code lensbench} command line. Exit codes: 0 ok, 1 regression, 2 bad input, 3 infrastructure. */
@Command(
    name = "lensbench",
    mixinStandardHelpOptions = true,
    version = "lensbench 0.1.0-SNAPSHOT",
    description = "Evaluation and benchmarking harness for multimodal retrieval strategies.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:ok",
      "1:quality regression (gate, regress)",
      "2:bad input or configuration",
      "3:infrastructure (store down, model missing, unexpected failure)"
    },
    footerHeading = "%nGlobal options:%n",
    footer = {
      "  --debug     Print stack traces on the console (they always go to a log).",
      "  --verbose   Show the libraries' log lines, hidden by default."
    },
    subcommands = {
      DemoCommand.class,
      RunCommand.class,
      RegressCommand.class,
      EvalCommand.class,
      CompareCommand.class,
      GateCommand.class,
      ReportCommand.class,
      SiteCommand.class,
      BenchCommand.class,
      StoresCommand.class,
      DatasetsCommand.class,
      TrainCommand.class,
      ModelsCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  public static CommandLine commandLine() {
    return commandLine(false);
  }

  /** @param debug print stack traces on the console too (the global {@code --debug}) */
  public static CommandLine commandLine(boolean debug) {
    CommandLine cl = new CommandLine(new Main());
    cl.setExecutionExceptionHandler((ex, commandLine, parseResult) ->
        Failures.report(ex, commandLine.getCommandName(), debug, commandLine.getErr()));
    cl.setParameterExceptionHandler(
        (ex, args) -> {
          CommandLine c = ex.getCommandLine();
          c.getErr().println("error: " + ex.getMessage());
          c.getErr().println("see: lensbench " + c.getCommandName() + " --help");
          c.getErr().flush();
          return ExitCode.BAD_INPUT.code();
        });
    return cl;
  }

  /**
   * Runs the command line; every failure, {@link Error}s included, ends as an exit code of the
   * contract (docs: 0 ok, 1 regression, 2 bad input, 3 infrastructure), never as the JVM's 1.
   */
  public static int run(String[] args, PrintWriter err) {
    boolean debug = java.util.Arrays.asList(args).contains("--debug");
    ConsoleLogging.configure(java.util.Arrays.asList(args).contains(ConsoleLogging.VERBOSE));
    String[] rest = java.util.Arrays.stream(args).filter(a -> !a.equals("--debug") && !a.equals(ConsoleLogging.VERBOSE))
        .toArray(String[]::new);
    String command = rest.length == 0 ? "" : rest[0];
    try {
      CommandLine cl = commandLine(debug);
      cl.setErr(err);
      return cl.execute(rest);
    } catch (Throwable t) { // Errors escape picocli's handler: map them here
      return Failures.report(t, command, debug, err);
    }
  }

  public static void main(String[] args) {
    PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err,
        java.nio.charset.StandardCharsets.UTF_8), true);
    int code;
    try {
      code = run(args, err);
    } catch (Throwable t) {
      code = ExitCode.INFRASTRUCTURE.code();
    }
    System.exit(code);
  }
}
