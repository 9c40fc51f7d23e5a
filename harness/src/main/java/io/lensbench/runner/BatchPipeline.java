package io.lensbench.runner;

import io.lensbench.core.InfrastructureException;
import io.lensbench.core.LensBenchException;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;

/**
 * Produce-a-batch / consume-a-batch with back-pressure: one thread pulls batches from the
 * producer (encoding) into a queue of {@code capacity} batches and blocks when it is full; the
 * calling thread takes them in order and consumes them (upserting). So encoding the next batch
 * overlaps with the store indexing the last one, and at most {@code capacity + 2} batches are
 * ever in memory, however large the corpus. A failure on either side stops both and is rethrown
 * on the calling thread.
 */
final class BatchPipeline<T> {
  private static final Object END = new Object();

  /** Seconds spent producing (on the producer thread) and consuming (on the calling thread). */
  record Timing(double produceSeconds, double consumeSeconds) {}

  private final Iterator<List<T>> producer;
  private final int capacity;

  BatchPipeline(Iterator<List<T>> producer, int capacity) {
    this.producer = producer;
    this.capacity = capacity;
  }

  Timing run(Consumer<List<T>> consumer) {
    BlockingQueue<Object> queue = new ArrayBlockingQueue<>(capacity);
    long[] produceNanos = new long[1];
    Thread thread = new Thread(() -> produce(queue, produceNanos), "lensbench-encode");
    thread.setDaemon(true);
    thread.start();
    long consumeNanos = 0;
    try {
      while (true) {
        Object next = queue.take();
        if (next == END) {
          break;
        }
        if (next instanceof Failure f) {
          if (f.cause() instanceof Error e) {
            throw e;
          }
          throw f.rethrowable();
        }
        long t0 = System.nanoTime();
        @SuppressWarnings("unchecked")
        List<T> batch = (List<T>) next;
        consumer.accept(batch);
        consumeNanos += System.nanoTime() - t0;
      }
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InfrastructureException("indexing interrupted", e);
    } finally {
      thread.interrupt();
    }
    return new Timing(produceNanos[0] / 1e9, consumeNanos / 1e9);
  }

  private void produce(BlockingQueue<Object> queue, long[] nanos) {
    try {
      while (true) {
        long t0 = System.nanoTime();
        boolean more = producer.hasNext();
        List<T> batch = more ? producer.next() : null;
        nanos[0] += System.nanoTime() - t0;
        if (!more) {
          break;
        }
        queue.put(batch);
      }
      queue.put(END);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // the consumer failed or finished: stop quietly
    } catch (RuntimeException | Error e) {
      try {
        queue.clear();
        queue.put(new Failure(e));
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** A producer failure, carried to the calling thread. */
  private record Failure(Throwable cause) {
    RuntimeException rethrowable() {
      if (cause instanceof LensBenchException l) {
        return l;
      }
      if (cause instanceof RuntimeException r) {
        return r;
      }
      return new InfrastructureException("encoding failed: " + cause, cause);
    }
  }
}
