package io.lensbench.core;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * A lock held on a file across processes (POSIX record locks through {@link FileChannel}):
 * exclusive for writers, shared for readers. The kernel drops it when the holder dies, kill -9
 * included, so a crashed run never leaves a stale lock. An exclusive holder writes who it is into
 * the file, so a refused caller can name the holder.
 */
public final class LockFile implements AutoCloseable {
  private final Path file;
  private final FileChannel channel;
  private final FileLock lock;

  private LockFile(Path file, FileChannel channel, FileLock lock) {
    this.file = file;
    this.channel = channel;
    this.lock = lock;
  }

  /** Waits for an exclusive lock. */
  public static LockFile exclusive(Path file) {
    return acquire(file, false, true).orElseThrow();
  }

  /** Waits for a shared lock (several readers hold it at once; a writer waits for all). */
  public static LockFile shared(Path file) {
    return acquire(file, true, true).orElseThrow();
  }

  /** An exclusive lock if free now, else empty. */
  public static Optional<LockFile> tryExclusive(Path file) {
    return acquire(file, false, false);
  }

  /** A shared lock if no writer holds it now, else empty. */
  public static Optional<LockFile> tryShared(Path file) {
    return acquire(file, true, false);
  }

  private static Optional<LockFile> acquire(Path file, boolean shared, boolean wait) {
    FileChannel ch = null;
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
          StandardOpenOption.WRITE);
      FileLock l;
      try {
        l = wait ? ch.lock(0, Long.MAX_VALUE, shared) : ch.tryLock(0, Long.MAX_VALUE, shared);
      } catch (OverlappingFileLockException e) {
        l = null; // held by this JVM: the same as another process holding it
        if (wait) {
          throw new InfrastructureException(file + ": already locked by this process", e);
        }
      }
      if (l == null) {
        ch.close();
        return Optional.empty();
      }
      return Optional.of(new LockFile(file, ch, l));
    } catch (IOException e) {
      closeQuietly(ch);
      throw new InfrastructureException("cannot lock " + file + ": " + e.getMessage(), e);
    }
  }

  /** Records who holds the (exclusive) lock, e.g. "pid 123 since 2026-…". */
  public void describeHolder(String holder) {
    try {
      channel.truncate(0);
      channel.write(ByteBuffer.wrap((holder + "\n").getBytes(StandardCharsets.UTF_8)), 0);
      channel.force(false);
    } catch (IOException e) {
      // the lock holds anyway; only the description is lost
    }
  }

  /** What the holder wrote into a lock file (empty when unreadable). */
  public static String holderOf(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8).strip();
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  public Path file() {
    return file;
  }

  /** This process, for {@link #describeHolder}. */
  public static String thisProcess() {
    return "pid " + ProcessHandle.current().pid() + " since " + java.time.Instant.now();
  }

  @Override
  public void close() {
    try {
      lock.release();
    } catch (IOException e) {
      // closing the channel below releases it in any case
    }
    closeQuietly(channel);
  }

  private static void closeQuietly(FileChannel ch) {
    if (ch != null) {
      try {
        ch.close();
      } catch (IOException ignored) {
        // nothing held any more
      }
    }
  }
}
