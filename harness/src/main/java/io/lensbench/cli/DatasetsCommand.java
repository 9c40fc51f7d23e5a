package io.lensbench.cli;

import io.lensbench.core.BadInputException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Builds and describes datasets. (placeholder until its issue lands). */
@Command(name = "datasets", mixinStandardHelpOptions = true, description = "Builds and describes datasets.")
public final class DatasetsCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new BadInputException("'lensbench datasets' is not implemented yet");
  }
}
