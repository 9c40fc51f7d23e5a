package io.lensbench.cli;

import io.lensbench.core.BadInputException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Writes a self-contained HTML report for a run directory. (placeholder until its issue lands). */
@Command(name = "report", mixinStandardHelpOptions = true, description = "Writes a self-contained HTML report for a run directory.")
public final class ReportCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new BadInputException("'lensbench report' is not implemented yet");
  }
}
