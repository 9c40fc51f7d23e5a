package io.lensbench.cli;

import io.lensbench.core.BadInputException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Runs the whole demo: stores, dataset, models, experiment, report. (placeholder until its issue lands). */
@Command(name = "demo", mixinStandardHelpOptions = true, description = "Runs the whole demo: stores, dataset, models, experiment, report.")
public final class DemoCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new BadInputException("'lensbench demo' is not implemented yet");
  }
}
