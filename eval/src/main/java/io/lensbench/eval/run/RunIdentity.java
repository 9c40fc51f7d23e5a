package io.lensbench.eval.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.lensbench.core.BadInputException;
import io.lensbench.core.Hashing;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the cells of a run directory were measured on: the dataset's content checksum and, per
 * query set, a hash of its queries (id, kind, language, text, attributes, image file name) and of
 * its qrels. Two runs can be paired query by query only when these agree; queries under the same
 * ids in two different datasets are unrelated.
 */
public record RunIdentity(Path dir, String datasetChecksum, Map<String, String> queries,
    Map<String, String> qrels) {

  public static RunIdentity of(Path runDir) {
    RunDirectory run = new RunDirectory(runDir);
    JsonNode provenance = RunJson.readIfPresent(run.file("provenance.json"));
    String checksum = provenance.path("dataset").path("checksum").asText("");
    Map<String, String> queries = new TreeMap<>();
    Map<String, String> qrels = new TreeMap<>();
    for (String qs : querySets(run)) {
      queries.put(qs, queriesHash(run.queriesFile(qs)));
      Path q = run.qrelsFile(qs);
      qrels.put(qs, Files.isRegularFile(q) ? fileHash(q) : "");
    }
    return new RunIdentity(runDir, checksum, queries, qrels);
  }

  /**
   * Bad input naming both runs and what differs, unless they were measured on the same data:
   * the same dataset checksum (or none on either side, for hand-made run directories), and the
   * same queries and qrels in every query set both hold.
   */
  public static void requireComparable(RunIdentity a, RunIdentity b) {
    List<String> diffs = new ArrayList<>();
    if (a.datasetChecksum.isEmpty() != b.datasetChecksum.isEmpty()) {
      diffs.add("no dataset checksum in " + (a.datasetChecksum.isEmpty() ? a.dir : b.dir)
          + "/provenance.json");
    } else if (!a.datasetChecksum.equals(b.datasetChecksum)) {
      diffs.add(String.format(Locale.ROOT, "dataset checksum %s vs %s",
          a.datasetChecksum.substring(0, Math.min(12, a.datasetChecksum.length())),
          b.datasetChecksum.substring(0, Math.min(12, b.datasetChecksum.length()))));
    }
    TreeSet<String> shared = new TreeSet<>(a.queries.keySet());
    shared.retainAll(b.queries.keySet());
    for (String qs : shared) {
      if (!Objects.equals(a.queries.get(qs), b.queries.get(qs))) {
        diffs.add("query set '" + qs + "': the queries differ");
      }
      if (!Objects.equals(a.qrels.get(qs), b.qrels.get(qs))) {
        diffs.add("query set '" + qs + "': the qrels differ");
      }
    }
    if (!diffs.isEmpty()) {
      throw new BadInputException(String.format(Locale.ROOT,
          "runs %s and %s were not measured on the same data (%s): their queries cannot be "
              + "paired; pass --across-datasets to compare means only", a.dir, b.dir,
          String.join("; ", diffs)));
    }
  }

  private static List<String> querySets(RunDirectory run) {
    Path dir = run.file("queries");
    List<String> out = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (var s = Files.list(dir)) {
      s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jsonl")).sorted()
          .forEach(n -> out.add(n.substring(0, n.length() - ".jsonl".length())));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
    return out;
  }

  /** The queries' content; the image's folder is left out (a moved dataset is the same data). */
  private static String queriesHash(Path file) {
    StringBuilder sb = new StringBuilder();
    for (QueryRow q : QueriesFile.read(file)) {
      String image = q.image() == null ? "" : Path.of(q.image()).getFileName().toString();
      sb.append(q.id()).append('\u0000').append(q.kind()).append('\u0000').append(q.language())
          .append('\u0000').append(q.text()).append('\u0000').append(new TreeMap<>(q.attributes()))
          .append('\u0000').append(image).append('\n');
    }
    return Hashing.sha256Hex(sb.toString());
  }

  private static String fileHash(Path file) {
    try {
      return Hashing.sha256Hex(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new BadInputException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
