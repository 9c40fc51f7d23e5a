package io.lensbench.cli;

import io.lensbench.core.BadInputException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Scores a TREC run against qrels, exactly as trec_eval -c. (placeholder until its issue lands). */
@Command(name = "eval", mixinStandardHelpOptions = true, description = "Scores a TREC run against qrels, exactly as trec_eval -c.")
public final class EvalCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new BadInputException("'lensbench eval' is not implemented yet");
  }
}
