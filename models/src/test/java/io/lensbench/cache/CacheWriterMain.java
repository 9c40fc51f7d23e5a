package io.lensbench.cache;

import io.lensbench.core.InfrastructureException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * A child process for the crash tests: appends {@link CacheRecords} to the cache under a root.
 *
 * <pre>
 * append ROOT FROM COUNT BATCH   appends in batches, printing "appended N" after each (durable)
 * pause  ROOT FROM COUNT BATCH   the same, then writes half of one more record, prints "paused"
 *                                and waits (holding the file lock) to be killed
 * </pre>
 * Writes go out in 4 KiB pieces so a kill can land inside a frame. An
 * {@link InfrastructureException} ends the process with exit code 3 and its message on stderr,
 * as the CLI does.
 */
public final class CacheWriterMain {
  private static final int PIECE = 4096;

  private CacheWriterMain() {}

  public static void main(String[] args) throws Exception {
    String mode = args[0];
    Path root = Path.of(args[1]);
    int from = Integer.parseInt(args[2]);
    int count = Integer.parseInt(args[3]);
    int batch = Integer.parseInt(args[4]);
    try (EmbeddingCache cache = EmbeddingCache.open(root, CacheRecords.MODEL, CacheRecords.KIND,
        mode.equals("pause") ? CacheWriterMain::halfThenWait : CacheWriterMain::inPieces)) {
      for (int i = from; i < from + count; i += batch) {
        cache.putAll(CacheRecords.batch(i, Math.min(batch, from + count - i)));
        System.out.println("appended " + (i - from + Math.min(batch, from + count - i)));
        System.out.flush();
      }
      if (mode.equals("pause")) {
        armed = true;
        cache.putAll(CacheRecords.batch(from + count, 1));
      }
    } catch (InfrastructureException e) {
      System.err.println("error: " + e.getMessage());
      System.exit(3);
    }
  }

  private static volatile boolean armed;

  private static void inPieces(FileChannel channel, ByteBuffer bytes, long position)
      throws IOException {
    long at = position;
    while (bytes.hasRemaining()) {
      ByteBuffer piece = bytes.slice().limit(Math.min(PIECE, bytes.remaining()));
      int n = channel.write(piece, at);
      bytes.position(bytes.position() + n);
      at += n;
    }
  }

  private static void halfThenWait(FileChannel channel, ByteBuffer bytes, long position)
      throws IOException {
    if (!armed) {
      inPieces(channel, bytes, position);
      return;
    }
    ByteBuffer half = bytes.slice().limit(bytes.remaining() / 2 + 3);
    inPieces(channel, half, position);
    channel.force(false);
    System.out.println("paused");
    System.out.flush();
    try {
      Thread.sleep(Long.MAX_VALUE);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
