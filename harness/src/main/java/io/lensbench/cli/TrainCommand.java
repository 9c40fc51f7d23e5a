package io.lensbench.cli;

import io.lensbench.core.BadInputException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Trains the joint image-text model. (placeholder until its issue lands). */
@Command(name = "train", mixinStandardHelpOptions = true, description = "Trains the joint image-text model.")
public final class TrainCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new BadInputException("'lensbench train' is not implemented yet");
  }
}
