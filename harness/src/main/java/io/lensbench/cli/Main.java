package io.lensbench.cli;

import io.lensbench.core.ExitCode;
import io.lensbench.core.LensBenchException;
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
      "1:quality regression (gate)",
      "2:bad input or configuration",
      "3:infrastructure (store down, model missing)"
    },
    subcommands = {
      DemoCommand.class,
      RunCommand.class,
      EvalCommand.class,
      CompareCommand.class,
      GateCommand.class,
      ReportCommand.class,
      BenchCommand.class,
      StoresCommand.class,
      DatasetsCommand.class,
      TrainCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Main());
    cl.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          Throwable t = ex;
          while (t != null && !(t instanceof LensBenchException)) {
            t = t.getCause();
          }
          PrintWriter err = commandLine.getErr();
          if (t instanceof LensBenchException lbe) {
            err.println("error: " + lbe.getMessage());
            err.flush();
            return lbe.exitCode().code();
          }
          err.println("internal error: " + ex);
          ex.printStackTrace(err);
          err.flush();
          return ExitCode.INFRASTRUCTURE.code();
        });
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

  public static void main(String[] args) {
    int code = commandLine().execute(args);
    System.exit(code);
  }
}
