package io.lensbench.cache;

import static io.lensbench.cache.FrameFormat.FRAME_HEADER;

import io.lensbench.core.InfrastructureException;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An append-only file of checksummed frames ({@link FrameFormat}) that concurrent processes share
 * safely. Appends and truncations happen only under an exclusive lock on the file, so frames of
 * two writers never interleave. Before appending, a writer reads what others appended since it
 * last looked; a torn or corrupt tail found under the lock is left by a dead writer and is
 * truncated with a warning. Every append is forced to disk before the lock is released; a failed
 * append (disk full) is truncated back to the last good frame and fails with an
 * {@link InfrastructureException} naming the file. Reads are positional and lock-free.
 */
final class FramedFile implements Closeable {
  /** Receives each valid frame; returns false when the payload does not decode (corrupt). */
  interface FrameSink {
    boolean accept(long offset, int length, ByteBuffer payload);
  }

  /** A file at the cache path that is not a cache file of the expected kind and version. */
  static final class ForeignFileException extends IOException {
    private static final long serialVersionUID = 1L;

    ForeignFileException(String message) {
      super(message);
    }
  }

  private static final Logger LOG = LoggerFactory.getLogger(FramedFile.class);
  static final Duration LOCK_TIMEOUT = Duration.ofMinutes(2);

  private final Path file;
  private final byte[] header;
  private final FileChannel channel;
  private final FrameWriter writer;
  /** End of the last valid frame this process has read or written. */
  private long end;
  private Recovery repairs = Recovery.clean(0);

  /** Writes a buffer at a position; tests substitute one that stops half way. */
  interface FrameWriter {
    void write(FileChannel channel, ByteBuffer bytes, long position) throws IOException;
  }

  static final FrameWriter FULL_WRITES = (channel, bytes, position) -> {
    long at = position;
    while (bytes.hasRemaining()) {
      at += channel.write(bytes, at);
    }
  };

  private FramedFile(Path file, byte[] header, FileChannel channel, FrameWriter writer) {
    this.file = file;
    this.header = header;
    this.channel = channel;
    this.writer = writer;
  }

  /** Opens (creating if needed) the file; {@link #load} reads it. */
  static FramedFile open(Path file, String description, FrameWriter writer) throws IOException {
    Files.createDirectories(file.getParent());
    boolean created = !Files.exists(file);
    FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
        StandardOpenOption.WRITE);
    if (created) {
      forceDirectory(file.getParent());
    }
    return new FramedFile(file, FrameFormat.header(description), ch, writer);
  }

  /**
   * Under the lock: writes the header into an empty file, or checks it (another header is a
   * {@link ForeignFileException}), then passes every frame to {@code sink}, truncating a torn or
   * corrupt tail with a warning.
   */
  synchronized void load(FrameSink sink) throws IOException {
    try (FileLock lock = lock()) {
      checkHeader();
      end = header.length;
      warnIfDropped(scan(sink, true));
    }
  }

  /** Reads frames other processes appended since this one last looked (no lock, no repair). */
  synchronized void refresh(FrameSink sink) throws IOException {
    if (channel.size() > end) {
      scan(sink, false);
    }
  }

  /**
   * Appends one frame per payload still wanted, under the file lock: first reads (into {@code
   * sink}) what others appended, then asks {@code wanted} per payload, writes, forces to disk and
   * passes the new frames to {@code sink}. Returns the number of frames written.
   */
  synchronized int append(List<byte[]> payloads, Predicate<byte[]> wanted, FrameSink sink)
      throws IOException {
    try (FileLock lock = lock()) {
      warnIfDropped(scan(sink, true));
      List<byte[]> todo = payloads.stream().filter(wanted).toList();
      if (todo.isEmpty()) {
        return 0;
      }
      ByteBuffer bytes = ByteBuffer.allocate(todo.stream()
          .mapToInt(p -> FrameFormat.frameSize(p.length)).sum());
      todo.forEach(p -> FrameFormat.putFrame(bytes, p));
      bytes.flip();
      long start = end;
      writeDurably(bytes, start);
      long at = start;
      for (byte[] p : todo) {
        sink.accept(at, p.length, ByteBuffer.wrap(p));
        at += FrameFormat.frameSize(p.length);
      }
      end = at;
      return todo.size();
    }
  }

  /** The payload of the frame at {@code offset}, or null when it is gone or fails its checksum. */
  ByteBuffer read(long offset, int length) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(FrameFormat.frameSize(length));
    if (!FrameScanner.readFully(channel, b, offset)) {
      return null; // cut off by another process since it was indexed
    }
    ByteBuffer payload = b.position(FRAME_HEADER).slice();
    boolean intact = b.getInt(0) == length
        && b.getInt(4) == FrameFormat.checksum(length, payload);
    return intact ? payload : null;
  }

  @Override
  public synchronized void close() throws IOException {
    channel.close();
  }

  private void writeDurably(ByteBuffer bytes, long start) {
    try {
      writer.write(channel, bytes, start);
      channel.force(false);
    } catch (IOException e) {
      String undo = truncateQuietly(start);
      throw new InfrastructureException(String.format(Locale.ROOT,
          "cache %s: expected to append %d bytes at offset %d, found %s: %s%s (free disk space, "
              + "or delete the cache file: it is rebuilt on demand)",
          file, bytes.limit(), start, e.getClass().getSimpleName(), e.getMessage(), undo), e);
    }
  }

  /** Cuts a failed append back to the last good frame; "" or why that failed too. */
  private String truncateQuietly(long size) {
    try {
      channel.truncate(size);
      channel.force(false);
      return "";
    } catch (IOException again) {
      return "; truncating back to " + size + " bytes failed too (" + again.getMessage()
          + "): the next open drops the partial record";
    }
  }

  private void checkHeader() throws IOException {
    long size = channel.size();
    byte[] found = new byte[(int) Math.min(size, header.length)];
    FrameScanner.readFully(channel, ByteBuffer.wrap(found), 0);
    if (size < header.length && Arrays.equals(found, Arrays.copyOf(header, found.length))) {
      channel.truncate(0); // empty, or a header torn while the file was created
      writeDurably(ByteBuffer.wrap(header), 0);
      return;
    }
    if (!Arrays.equals(found, header)) {
      throw new ForeignFileException(foreignReason(found));
    }
  }

  private static String foreignReason(byte[] found) {
    byte[] magic = FrameFormat.MAGIC;
    if (found.length < magic.length + 2
        || !Arrays.equals(Arrays.copyOf(found, magic.length), magic)) {
      return "not a LensBench cache file (no cache header)";
    }
    int version = ByteBuffer.wrap(found).getShort(magic.length);
    return version != FrameFormat.VERSION
        ? "cache format version " + version + ", expected " + FrameFormat.VERSION
        : "a cache file of another kind or model (header differs)";
  }

  /**
   * Reads frames from {@link #end}. With {@code repair} (only under the lock) a torn or corrupt
   * tail is truncated; without it reading just stops there.
   */
  private Recovery scan(FrameSink sink, boolean repair) throws IOException {
    long size = channel.size();
    if (size < end) {
      // only storage corruption lets another process cut below frames read here; reads check
      // every frame's checksum and key, so entries indexed past this point become misses
      end = size;
    }
    FrameScanner s = new FrameScanner(channel, end, size);
    long records = s.readAll(sink);
    end = s.position();
    if (s.cause() == null || !repair) {
      return Recovery.clean(records);
    }
    Recovery r = new Recovery(records, size - end, s.framesLeft(), s.cause());
    channel.truncate(end);
    channel.force(false);
    return r;
  }

  private void warnIfDropped(Recovery r) {
    if (!r.clean()) {
      LOG.warn(r.describe(file));
      repairs = repairs.plus(r);
    }
  }

  /** The tails this process truncated, summed (clean when none). */
  synchronized Recovery repairs() {
    return repairs;
  }

  private FileLock lock() throws IOException {
    long deadline = System.nanoTime() + LOCK_TIMEOUT.toNanos();
    long pause = 2;
    while (true) {
      FileLock l = channel.tryLock(0, Long.MAX_VALUE, false);
      if (l != null) {
        return l;
      }
      if (System.nanoTime() > deadline) {
        throw new InfrastructureException(String.format(Locale.ROOT,
            "cache %s: expected to lock it within %d s, found it held by another process "
                + "the whole time (a hung LensBench run?)", file, LOCK_TIMEOUT.toSeconds()));
      }
      sleep(pause);
      pause = Math.min(100, pause * 2);
    }
  }

  private void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InfrastructureException("cache " + file + ": interrupted while waiting for its "
          + "lock", e);
    }
  }

  private static void forceDirectory(Path dir) {
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // not every file system lets a directory be forced; the file's own fsyncs still hold
    }
  }
}
