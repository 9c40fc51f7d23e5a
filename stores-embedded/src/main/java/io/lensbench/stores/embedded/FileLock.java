package io.lensbench.stores.embedded;

import io.lensbench.core.InfrastructureException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on a file under {@code <home>/locks/}, held across processes (two test JVMs
 * calling {@code ensureRunning()} at once start a store once; the second waits, then finds it
 * healthy).
 */
final class FileLock implements AutoCloseable {
  private final FileChannel channel;
  private final java.nio.channels.FileLock lock;

  private FileLock(FileChannel channel, java.nio.channels.FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  static FileLock acquire(Path home, String name) {
    Path file = home.resolve("locks").resolve(name + ".lock");
    try {
      Files.createDirectories(file.getParent());
      FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      try {
        return new FileLock(channel, channel.lock());
      } catch (IOException | RuntimeException e) {
        channel.close();
        throw e;
      }
    } catch (IOException e) {
      throw new InfrastructureException("cannot lock " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      // closing the channel releases the lock in any case
    }
  }
}
