package io.lensbench.cli;

import io.lensbench.core.BadInputException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Embedded Milvus Lite and OpenSearch: up, down, status. (placeholder until its issue lands). */
@Command(name = "stores", mixinStandardHelpOptions = true, description = "Embedded Milvus Lite and OpenSearch: up, down, status.")
public final class StoresCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new BadInputException("'lensbench stores' is not implemented yet");
  }
}
