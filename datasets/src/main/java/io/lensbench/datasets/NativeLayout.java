package io.lensbench.datasets;

import io.lensbench.core.Hashing;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The native on-disk layout (docs/datasets.md): {@code dataset.json}, {@code corpus.jsonl},
 * {@code queries/<set>.jsonl}, {@code qrels/<set>.qrels}, {@code splits.tsv}, {@code images/}.
 * Writing is deterministic: map keys sorted, LF line ends, no timestamps.
 */
public final class NativeLayout {
  public static final int SCHEMA_VERSION = 1;
  public static final String CARD = "dataset.json";
  public static final String CORPUS = "corpus.jsonl";
  public static final String SPLITS = "splits.tsv";
  public static final String QUERIES_DIR = "queries";
  public static final String QRELS_DIR = "qrels";
  public static final String IMAGES_DIR = "images";
  /**
   * A grown dataset's augmented distractor images: left out of the card's per-file checksums
   * (one checksum over all of them sits in the card's {@code distractors.images.sha256}).
   */
  public static final String DISTRACTOR_IMAGES = "images/distractors";

  private NativeLayout() {}

  /**
   * One line of {@code corpus.jsonl} as stored: image is a stored reference ({@code root:rel/path},
   * relative or absolute).
   */
  public record CorpusLine(String id, String image, Map<String, String> texts,
      Map<String, String> derived, Map<String, String> attributes) {
    public Map<String, Object> toJson() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", id);
      if (image != null) {
        m.put("image", image);
      }
      m.put("texts", new TreeMap<>(texts));
      if (!derived.isEmpty()) {
        m.put("derived", new TreeMap<>(derived));
      }
      m.put("attributes", new TreeMap<>(attributes));
      return m;
    }
  }

  /** One line of {@code queries/<set>.jsonl} as stored. */
  public record QueryLine(String id, QueryKind kind, String language, String text, String image,
      Map<String, String> attributes, List<String> excludeIds) {
    public Map<String, Object> toJson() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", id);
      m.put("kind", kind.wireName());
      m.put("language", language);
      m.put("text", text);
      m.put("image", image);
      m.put("attributes", new TreeMap<>(attributes));
      m.put("excludeIds", excludeIds);
      return m;
    }
  }

  /** A query set as stored: {@code queries/<name>.jsonl} and {@code qrels/<name>.qrels}. */
  public record QuerySetFiles(String name, List<QueryLine> queries, Qrels qrels) {}

  public static void writeCorpus(Path dir, List<CorpusLine> items) {
    writeLines(dir.resolve(CORPUS), items.stream().map(i -> Json.line(i.toJson())).toList());
  }

  public static void writeQuerySet(Path dir, QuerySetFiles set) {
    mkdirs(dir.resolve(QUERIES_DIR));
    mkdirs(dir.resolve(QRELS_DIR));
    writeLines(dir.resolve(QUERIES_DIR).resolve(set.name() + ".jsonl"),
        set.queries().stream().map(q -> Json.line(q.toJson())).toList());
    QrelsFiles.write(set.qrels(), dir.resolve(QRELS_DIR).resolve(set.name() + ".qrels"));
  }

  public static void writeSplits(Path dir, Map<String, Split> splits) {
    List<String> lines = new ArrayList<>();
    lines.add("item\tsplit");
    splits.forEach((id, s) -> lines.add(id + "\t" + s.name().toLowerCase(java.util.Locale.ROOT)));
    writeLines(dir.resolve(SPLITS), lines);
  }

  /**
   * Finishes a dataset: checksums every file under {@code dir} except the card, adds
   * {@code files} (relative path → SHA-256) and {@code checksum} (SHA-256 over the sorted
   * "path sha" lines) to the card and writes {@code dataset.json}.
   */
  public static Map<String, Object> writeCard(Path dir, Map<String, Object> card) {
    Map<String, String> files = fileChecksums(dir);
    Map<String, Object> full = new LinkedHashMap<>(card);
    full.put("schemaVersion", SCHEMA_VERSION);
    full.put("files", files);
    full.put("checksum", combinedChecksum(files));
    try {
      Files.writeString(dir.resolve(CARD), Json.PRETTY.writeValueAsString(full).replace("\r\n", "\n") + "\n",
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + dir.resolve(CARD), e);
    }
    return full;
  }

  /**
   * Relative path (with '/') → SHA-256 of every regular file under dir except dataset.json and
   * distractor images, sorted.
   */
  public static Map<String, String> fileChecksums(Path dir) {
    Map<String, String> files = new TreeMap<>();
    Path distractors = dir.resolve(DISTRACTOR_IMAGES);
    try (Stream<Path> s = Files.walk(dir)) {
      s.filter(f -> !f.startsWith(distractors)).filter(Files::isRegularFile).forEach(f -> {
        String rel = dir.relativize(f).toString().replace('\\', '/');
        if (!rel.equals(CARD)) {
          files.put(rel, Hashing.sha256Hex(f));
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
    return files;
  }

  public static String combinedChecksum(Map<String, String> files) {
    StringBuilder sb = new StringBuilder();
    new TreeMap<>(files).forEach((k, v) -> sb.append(k).append(' ').append(v).append('\n'));
    return Hashing.sha256Hex(sb.toString());
  }

  public static void writeLines(Path file, List<String> lines) {
    mkdirs(file.toAbsolutePath().getParent());
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (String l : lines) {
        w.write(l);
        w.write('\n');
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  static void mkdirs(Path d) {
    try {
      Files.createDirectories(d);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + d, e);
    }
  }
}
