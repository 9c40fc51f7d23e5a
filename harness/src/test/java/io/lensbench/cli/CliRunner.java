package io.lensbench.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.function.BiFunction;
import picocli.CommandLine;

/** Runs one subcommand with Main's exit-code mapping and captures stdout/stderr. */
final class CliRunner {
  record Result(int code, String out, String err) {}

  static Result run(BiFunction<PrintStream, PrintStream, Object> factory, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream po = new PrintStream(out, true, StandardCharsets.UTF_8);
    PrintStream pe = new PrintStream(err, true, StandardCharsets.UTF_8);
    CommandLine main = Main.commandLine();
    CommandLine cl = new CommandLine(factory.apply(po, pe));
    cl.setExecutionExceptionHandler(main.getExecutionExceptionHandler());
    cl.setParameterExceptionHandler(main.getParameterExceptionHandler());
    StringWriter ew = new StringWriter();
    cl.setErr(new PrintWriter(ew, true));
    int code = cl.execute(args);
    return new Result(code, out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8) + ew);
  }

  static Result eval(String... args) {
    return run((o, e) -> new EvalCommand(o, e), args);
  }

  static Result gate(String... args) {
    return run((o, e) -> new GateCommand(o), args);
  }

  static Result compare(String... args) {
    return run((o, e) -> new CompareCommand(o), args);
  }
}
