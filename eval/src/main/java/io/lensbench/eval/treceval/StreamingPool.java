package io.lensbench.eval.treceval;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
* Evaluates completed query blocks while the run is still being read. The queue is bounded and, when it is
* full, the reading thread evaluates the block itself, so at most a few dozen blocks are ever held.
*/
final class StreamingPool {
  private final Consumer<RunData.Query> work;
  private final ThreadPoolExecutor pool;
  private final List<Future<?>> futures = new ArrayList<>();

  StreamingPool(Consumer<RunData.Query> work) {
    this.work = work;
    int workers = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
    pool = new ThreadPoolExecutor(workers, workers, 1, TimeUnit.SECONDS, new ArrayBlockingQueue<>(32),
      StreamingPool::daemon, new ThreadPoolExecutor.CallerRunsPolicy());
  }

  static Thread daemon(Runnable r) {
    Thread t = new Thread(r, "trec-eval-worker");
    t.setDaemon(true);
    return t;
  }

  synchronized void submit(RunData.Query q) {
    futures.add(pool.submit(() -> work.accept(q)));
    if (futures.size() >= 4096) {
      // keep the list short: drop futures of blocks already done (after checking them)
      List<Future<?>> pending = new ArrayList<>();
      for (Future<?> f : futures) {
        if (f.isDone()) {
          await(f);
        } else {
          pending.add(f);
        }
      }
      futures.clear();
      futures.addAll(pending);
    }
  }

  /** Waits for every submitted block. */
  synchronized void finish() {
    try {
      for (Future<?> f : futures) {
        await(f);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** Stops (waiting for blocks in progress, ignoring their outcome). */
  void abandon() {
    pool.shutdownNow();
    try {
      pool.awaitTermination(1, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Future.get, rethrowing what the task threw. */
  static void await(Future<?> f) {
    try {
      f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof RuntimeException) {
        throw (RuntimeException) c;
      }
      if (c instanceof Error) {
        throw (Error) c;
      }
      throw new IllegalStateException(c);
    }
  }
}
