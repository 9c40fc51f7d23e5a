package io.lensbench.cache;

import io.lensbench.core.InfrastructureException;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Values on disk keyed by a SHA-256 (64 hex digits): a {@link FramedFile} whose payloads are the
 * 32 key bytes followed by the value, and a {@link KeyIndex} from key to frame. Values are read
 * on demand, each read checked against the frame's checksum and the whole key. One instance per
 * file per JVM, shared by reference count (a second channel on the file would drop the
 * process's lock when closed). A record's first value is kept: a later put of the same key is
 * skipped.
 */
final class DiskStore implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(DiskStore.class);
  private static final int KEY_BYTES = 32;
  private static final Map<Path, DiskStore> OPEN = new HashMap<>();
  private static final Set<Path> WARNED_LEGACY = new HashSet<>();

  private final Path file;
  private final Predicate<ByteBuffer> validValue;
  private final KeyIndex index = new KeyIndex();
  private FramedFile frames;
  private int users;

  private DiskStore(Path file, Predicate<ByteBuffer> validValue) {
    this.file = file;
    this.validValue = validValue;
  }

  /** Opens the store at {@code file} (shared with other users in this JVM). */
  static DiskStore open(Path file, String description, Predicate<ByteBuffer> validValue) {
    return open(file, description, validValue, FramedFile.FULL_WRITES);
  }

  static DiskStore open(Path file, String description, Predicate<ByteBuffer> validValue,
      FramedFile.FrameWriter writer) {
    Path at = realPath(file);
    synchronized (OPEN) {
      DiskStore s = OPEN.get(at);
      if (s == null) {
        s = new DiskStore(at, validValue);
        s.openFrames(description, writer);
        OPEN.put(at, s);
      }
      s.users++;
      return s;
    }
  }

  /** The file's path with its folder's links resolved: one instance per file, however named. */
  private static Path realPath(Path file) {
    Path absolute = file.toAbsolutePath().normalize();
    try {
      Files.createDirectories(absolute.getParent());
      return absolute.getParent().toRealPath().resolve(absolute.getFileName());
    } catch (IOException e) {
      throw new InfrastructureException("cache " + file + ": cannot create its folder: "
          + e.getMessage(), e);
    }
  }

  /** Logs once per JVM that an older cache file is ignored (it is never read). */
  static void ignoreLegacy(Path old, Path replacement) {
    if (Files.isRegularFile(old)) {
      synchronized (WARNED_LEGACY) {
        if (WARNED_LEGACY.add(old.toAbsolutePath())) {
          LOG.warn("cache {}: an older format without checksums, ignored (never read); entries "
              + "are rebuilt in {}; delete it to reclaim the space", old, replacement);
        }
      }
    }
  }

  Path file() {
    return file;
  }

  /** The value stored under {@code key} (a fresh buffer), or null. */
  ByteBuffer get(String key) {
    ByteBuffer payload = find(keyBytes(key));
    return payload == null ? null : payload.position(KEY_BYTES).slice();
  }

  /** Stores every entry not stored yet (also by another process), durably, in one append. */
  void putAll(Map<String, byte[]> entries) {
    List<byte[]> payloads = new ArrayList<>(entries.size());
    entries.forEach((key, value) -> {
      byte[] p = Arrays.copyOf(keyBytes(key), KEY_BYTES + value.length);
      System.arraycopy(value, 0, p, KEY_BYTES, value.length);
      payloads.add(p);
    });
    try {
      frames.append(payloads, p -> !contains(Arrays.copyOf(p, KEY_BYTES)), this::index);
    } catch (IOException e) {
      throw failure("append", e);
    }
  }

  /** Indexes what other processes appended since this one last looked. */
  void refresh() {
    try {
      frames.refresh(this::index);
    } catch (IOException e) {
      throw failure("read", e);
    }
  }

  int size() {
    synchronized (index) {
      return index.size();
    }
  }

  /** Torn or corrupt tails this process truncated. */
  Recovery repairs() {
    return frames.repairs();
  }

  @Override
  public void close() {
    synchronized (OPEN) {
      if (--users > 0) {
        return;
      }
      OPEN.remove(file);
    }
    try {
      frames.close();
    } catch (IOException e) {
      throw failure("close", e);
    }
  }

  /** Opens the file and indexes its records; a foreign file is moved aside first. */
  private void openFrames(String description, FramedFile.FrameWriter writer) {
    try {
      try {
        frames = FramedFile.open(file, description, writer);
        frames.load(this::index);
      } catch (FramedFile.ForeignFileException e) {
        frames.close();
        Path aside = file.resolveSibling(file.getFileName() + ".unreadable-"
            + System.currentTimeMillis());
        Files.move(file, aside, StandardCopyOption.ATOMIC_MOVE);
        LOG.warn("cache {}: {}; moved aside to {} and started empty", file, e.getMessage(),
            aside);
        frames = FramedFile.open(file, description, writer);
        frames.load(this::index);
      }
    } catch (IOException | RuntimeException e) {
      closeQuietly();
      throw e instanceof IOException io ? failure("open", io) : (RuntimeException) e;
    }
  }

  private void closeQuietly() {
    try {
      if (frames != null) {
        frames.close();
      }
    } catch (IOException suppressed) {
      // already failing
    }
  }

  /** Indexes one frame read from the file; false when its payload does not decode. */
  private boolean index(long offset, int length, ByteBuffer payload) {
    if (length < KEY_BYTES || !validValue.test(payload.duplicate().position(KEY_BYTES).slice())) {
      return false;
    }
    byte[] k = new byte[KEY_BYTES];
    payload.duplicate().get(k);
    if (!contains(k)) {
      synchronized (index) {
        index.add(prefix(k), offset, length);
      }
    }
    return true;
  }

  private boolean contains(byte[] k) {
    return find(k) != null;
  }

  /** The payload of the record with key {@code k}, or null. */
  private ByteBuffer find(byte[] k) {
    List<Long> candidates = new ArrayList<>(1);
    synchronized (index) {
      index.find(prefix(k), frame -> !candidates.add(frame));
    }
    for (long frame : candidates) {
      ByteBuffer payload = read(frame);
      if (payload != null && sameKey(payload, k)) {
        return payload;
      }
    }
    return null;
  }

  private ByteBuffer read(long frame) {
    try {
      return frames.read(KeyIndex.offset(frame), KeyIndex.length(frame));
    } catch (IOException e) {
      throw failure("read", e);
    }
  }

  private static boolean sameKey(ByteBuffer payload, byte[] k) {
    return payload.remaining() >= KEY_BYTES
        && payload.duplicate().limit(payload.position() + KEY_BYTES).equals(ByteBuffer.wrap(k));
  }

  private static long prefix(byte[] k) {
    return ByteBuffer.wrap(k).getLong(0);
  }

  private static byte[] keyBytes(String key) {
    if (key.length() != 2 * KEY_BYTES) {
      throw new IllegalArgumentException("cache key: expected 64 hex digits, found '" + key
          + "'");
    }
    return HexFormat.of().parseHex(key);
  }

  private InfrastructureException failure(String what, IOException e) {
    return new InfrastructureException("cache " + file + ": " + what + " failed: "
        + e.getClass().getSimpleName() + ": " + e.getMessage(), e);
  }
}
