package io.lensbench.cli;

import io.lensbench.core.BadInputException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Fails (exit 1) when a metric regressed significantly against a baseline. (placeholder until its issue lands). */
@Command(name = "gate", mixinStandardHelpOptions = true, description = "Fails (exit 1) when a metric regressed significantly against a baseline.")
public final class GateCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new BadInputException("'lensbench gate' is not implemented yet");
  }
}
