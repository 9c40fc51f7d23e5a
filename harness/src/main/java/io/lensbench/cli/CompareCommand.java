package io.lensbench.cli;

import io.lensbench.core.BadInputException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Paired comparison of runs with CIs and Holm-corrected p-values. (placeholder until its issue lands). */
@Command(name = "compare", mixinStandardHelpOptions = true, description = "Paired comparison of runs with CIs and Holm-corrected p-values.")
public final class CompareCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new BadInputException("'lensbench compare' is not implemented yet");
  }
}
