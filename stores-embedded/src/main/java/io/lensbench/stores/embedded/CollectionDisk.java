package io.lensbench.stores.embedded;

import io.lensbench.core.BadInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Bytes a collection occupies in an embedded Milvus's data folder, for the stores that report no
 * disk size themselves. Keys come from the store (collection ids, collection names) and are
 * checked, so no key can name a path outside the data folder.
 *
 * <p>Milvus 2.3 server, local storage: {@code insert_log/<collection>/…}, {@code
 * stats_log/<collection>/…}, {@code delta_log/<collection>/…} and the index files {@code
 * index_files/<build>/<version>/<partition>/<segment>/…} of the collection's partitions (the
 * folders under its {@code insert_log}). Files of segments compacted away count until Milvus's
 * garbage collector removes them: that is disk in use. Milvus Lite: {@code collections/<name>/}.
 */
final class CollectionDisk {
  private static final Pattern MILVUS_ID = Pattern.compile("[0-9]{1,20}");
  private static final Pattern MILVUS_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,254}");

  private CollectionDisk() {}

  static long milvusServer(Path data, List<String> collectionIds) {
    long total = 0;
    for (String id : collectionIds) {
      check(MILVUS_ID, id);
      Set<String> partitions = new HashSet<>();
      for (String log : List.of("insert_log", "stats_log", "delta_log")) {
        Path dir = data.resolve(log).resolve(id);
        total += bytes(dir);
        if (log.equals("insert_log")) {
          partitions.addAll(children(dir));
        }
      }
      Path index = data.resolve("index_files");
      for (String build : children(index)) {
        for (String version : children(index.resolve(build))) {
          for (String partition : children(index.resolve(build).resolve(version))) {
            if (partitions.contains(partition)) {
              total += bytes(index.resolve(build).resolve(version).resolve(partition));
            }
          }
        }
      }
    }
    return total;
  }

  static long milvusLite(Path data, List<String> names) {
    long total = 0;
    for (String name : names) {
      check(MILVUS_NAME, name);
      total += bytes(data.resolve("collections").resolve(name));
    }
    return total;
  }

  private static void check(Pattern p, String key) {
    if (!p.matcher(key).matches()) {
      throw new BadInputException("collection disk size: expected a key matching " + p + ", found '" + key + "'");
    }
  }

  private static List<String> children(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("listing " + dir, e);
    }
  }

  /** Bytes of the regular files under {@code dir}; files removed while walking (compaction) no longer count. */
  static long bytes(Path dir) {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    long[] total = {0};
    try {
      Files.walkFileTree(dir, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          total[0] += attrs.isRegularFile() ? attrs.size() : 0;
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
          if (e instanceof NoSuchFileException) {
            return FileVisitResult.CONTINUE;
          }
          throw e;
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException("measuring " + dir, e);
    }
    return total[0];
  }
}
