package io.lensbench.rerank;

import io.lensbench.datasets.Query;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Reorders the first-stage candidates of one query. Implementations are thread-safe: the runner
 * may call {@link #rerank} from several threads.
 */
public interface Reranker extends AutoCloseable {

  /** Cell-id suffix, e.g. {@code llm-listwise} or {@code encoder-text}. */
  String id();

  /**
   * Reranks one query's candidates. Never throws for a bad answer, a timeout or an HTTP error
   * (those are counted); throws {@link io.lensbench.core.InfrastructureException} when the
   * endpoint is unreachable or misconfigured, since every query would fail the same way.
   */
  RerankResult rerank(Query query, List<Candidate> candidates);

  /** One query and its candidates. */
  record Task(Query query, List<Candidate> candidates) {
    public Task {
      candidates = List.copyOf(candidates);
    }
  }

  /**
   * Reranks many queries, results in task order. {@code progress} receives the number done
   * after each query. The default runs one after another; the LLM reranker overlaps calls up to
   * the endpoint's maxConcurrency.
   */
  default List<RerankResult> rerankAll(List<Task> tasks, IntConsumer progress) {
    List<RerankResult> out = new ArrayList<>(tasks.size());
    for (Task t : tasks) {
      out.add(rerank(t.query(), t.candidates()));
      progress.accept(out.size());
    }
    return out;
  }

  @Override
  void close();
}
