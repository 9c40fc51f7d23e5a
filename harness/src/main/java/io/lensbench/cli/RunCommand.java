package io.lensbench.cli;

import io.lensbench.core.BadInputException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Runs an experiment file: strategy x store x query set. (placeholder until its issue lands). */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Runs an experiment file: strategy x store x query set.")
public final class RunCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new BadInputException("'lensbench run' is not implemented yet");
  }
}
