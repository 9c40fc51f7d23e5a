package io.lensbench.cli;

import io.lensbench.core.BadInputException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Runs the JMH latency benchmarks. (placeholder until its issue lands). */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Runs the JMH latency benchmarks.")
public final class BenchCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new BadInputException("'lensbench bench' is not implemented yet");
  }
}
