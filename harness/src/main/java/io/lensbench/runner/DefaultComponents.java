package io.lensbench.runner;

import io.lensbench.captioners.Captioner;
import io.lensbench.core.InfrastructureException;
import io.lensbench.datasets.Dataset;
import io.lensbench.encoders.JointEncoder;
import io.lensbench.encoders.TextEncoder;
import io.lensbench.stores.RetrievalStore;
import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The real parts: dataset loader, store adapters, encoders, captioners, reranker and metrics
 * scorer from the other modules. Everything opened here is closed, in reverse order, by
 * {@link #close()}.
 */
public final class DefaultComponents implements Components {
  private final PrintStream err;
  private final Deque<AutoCloseable> opened = new ArrayDeque<>();

  public DefaultComponents(PrintStream err) {
    this.err = err;
  }

  private <T extends AutoCloseable> T track(T t) {
    if (t != null) {
      opened.push(t);
    }
    return t;
  }

  @Override
  public Dataset dataset(Experiment.DatasetSpec spec) {
    throw notYet("dataset loader (io.lensbench.datasets.DatasetLoader)");
  }

  @Override
  public RetrievalStore store(Experiment.StoreSpec spec) {
    throw notYet("store adapter for " + spec.name());
  }

  @Override
  public String storeAddress(Experiment.StoreSpec spec) {
    return spec.uri() != null ? spec.uri() : ExperimentValidator.DEFAULT_URIS.get(spec.name());
  }

  @Override
  public TextEncoder textEncoder(String id) {
    throw notYet("text encoder " + id);
  }

  @Override
  public JointEncoder jointEncoder(String id) {
    throw notYet("joint encoder " + id);
  }

  @Override
  public Captioner captioner(String id) {
    throw notYet("captioner " + id);
  }

  @Override
  public RerankStage reranker(Experiment.RerankerSpec spec) {
    if (spec == null) {
      return null;
    }
    throw notYet("reranker " + spec.type());
  }

  @Override
  public CellScorer scorer(long seed) {
    return new InterimScorer();
  }

  @Override
  public Map<String, Object> modelCard(String id) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    return m;
  }

  private static InfrastructureException notYet(String what) {
    return new InfrastructureException("this build does not include the " + what);
  }

  @Override
  public void close() {
    while (!opened.isEmpty()) {
      try {
        opened.pop().close();
      } catch (Exception e) {
        err.println("warning: closing " + e.getMessage());
      }
    }
  }
}
