package io.lensbench.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lensbench.core.BadInputException;
import io.lensbench.datasets.Item;
import io.lensbench.datasets.Query;
import io.lensbench.datasets.QuerySet;
import io.lensbench.runner.RunComponents;
import io.lensbench.runner.Experiment;
import io.lensbench.runner.RunObserver;
import io.lensbench.stores.StoreDocument;
import io.lensbench.strategies.CrossModalStrategy;
import io.lensbench.strategies.JointStrategy;
import io.lensbench.strategies.MultiVectorStrategy;
import io.lensbench.strategies.QueryPlan;
import io.lensbench.strategies.Strategy;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Collects, while the runner prepares an experiment, what the benchmarks need, and writes the
 * {@link BenchFixture}: collections per strategy × store, a seeded ring of pre-encoded query
 * plans per strategy, sample texts and images, and pre-encoded documents for the indexing
 * benchmark. The quick profile keeps at most four strategies: the first joint, the first
 * cross-modal, the first client-fused multi-vector and the first store-native hybrid one.
 */
public final class BenchFixtureBuilder implements RunObserver {
  /** Documents the indexing benchmark upserts per run. */
  static final int INDEX_DOCS = 500;

  private final Path experimentFile;
  private final Experiment experiment;
  private final int ringSize;
  private final boolean quick;
  private final Map<String, Strategy> strategies = new LinkedHashMap<>();
  private final List<BenchFixture.Cell> cells = new ArrayList<>();
  private final Map<String, List<BenchFixture.RingQuery>> planned = new LinkedHashMap<>();
  private final Map<String, List<Item>> corpora = new LinkedHashMap<>();
  private final Set<String> texts = new LinkedHashSet<>();
  private final Set<Path> images = new LinkedHashSet<>();

  public BenchFixtureBuilder(Path experimentFile, Experiment experiment, int ringSize,
      boolean quick) {
    if (ringSize < 1) {
      throw new BadInputException("--ring: expected at least 1 query, found " + ringSize);
    }
    this.experimentFile = experimentFile.toAbsolutePath();
    this.experiment = experiment;
    this.ringSize = ringSize;
    this.quick = quick;
  }

  @Override
  public synchronized void indexed(Strategy strategy, String store, String collection, long count,
      List<Item> corpus) {
    strategies.putIfAbsent(strategy.id(), strategy);
    cells.removeIf(c -> c.strategy().equals(strategy.id()) && c.store().equals(store));
    cells.add(new BenchFixture.Cell(strategy.id(), store, collection, count));
    corpora.putIfAbsent(strategy.id(), List.copyOf(corpus));
  }

  @Override
  public synchronized void planned(Strategy strategy, QuerySet querySet, List<Query> queries,
      List<QueryPlan> plans) {
    strategies.putIfAbsent(strategy.id(), strategy);
    List<BenchFixture.RingQuery> list = planned.computeIfAbsent(strategy.id(), k -> new ArrayList<>());
    for (int i = 0; i < queries.size(); i++) {
      Query q = queries.get(i);
      if (plans.get(i).isEmpty()) {
        continue;
      }
      list.add(new BenchFixture.RingQuery(querySet.name(), q.id(), plans.get(i)));
      if (q.text() != null && "en".equals(q.language())) {
        texts.add(q.text());
      }
      if (q.image() != null) {
        images.add(q.image());
      }
    }
  }

  /** The strategies benchmarked: all, or in quick mode at most one per kind. */
  List<String> selected() {
    if (!quick) {
      return new ArrayList<>(strategies.keySet());
    }
    String joint = null;
    String cross = null;
    String fused = null;
    String nativeHybrid = null;
    for (Strategy s : strategies.values()) {
      List<BenchFixture.RingQuery> r = planned.getOrDefault(s.id(), List.of());
      boolean isNative = !r.isEmpty() && r.get(0).plan().searches().size() > 1
          && r.get(0).plan().fusion().mode().isNative();
      if (s instanceof JointStrategy && joint == null) {
        joint = s.id();
      } else if (s instanceof CrossModalStrategy && cross == null) {
        cross = s.id();
      } else if (s instanceof MultiVectorStrategy && isNative && nativeHybrid == null) {
        nativeHybrid = s.id();
      } else if (s instanceof MultiVectorStrategy && !isNative && fused == null) {
        fused = s.id();
      }
    }
    List<String> out = new ArrayList<>();
    for (String s : new String[] {joint, cross, fused, nativeHybrid}) {
      if (s != null) {
        out.add(s);
      }
    }
    return out;
  }

  /** Writes {@code bench/fixture.json} (and the indexing documents) into the run directory. */
  public Path write(Path runDir, RunComponents components) throws IOException {
    List<String> chosen = selected();
    if (chosen.isEmpty() || cells.isEmpty()) {
      throw new BadInputException(
          "the experiment prepared no collections or queries to benchmark (strategies: "
              + strategies.keySet() + ")");
    }
    Path dir = runDir.resolve("bench");
    Files.createDirectories(dir);
    Map<String, List<BenchFixture.RingQuery>> rings = new LinkedHashMap<>();
    for (String s : chosen) {
      List<BenchFixture.RingQuery> all = new ArrayList<>(planned.getOrDefault(s, List.of()));
      if (all.isEmpty()) {
        throw new BadInputException("strategy " + s + ": no query was encoded; cannot benchmark it");
      }
      Collections.shuffle(all, new Random(experiment.seed()));
      rings.put(s, List.copyOf(all.subList(0, Math.min(ringSize, all.size()))));
    }
    List<BenchFixture.Cell> kept = cells.stream().filter(c -> chosen.contains(c.strategy()))
        .map(c -> c.withUri(address(components, c.store()))).toList();
    String indexStrategy = chosen.stream()
        .filter(s -> strategies.get(s) instanceof MultiVectorStrategy)
        .findFirst().orElse(chosen.get(0));
    Path docs = dir.resolve("index-docs.jsonl");
    writeDocs(docs, strategies.get(indexStrategy), corpora.get(indexStrategy));
    List<String> textSample = new ArrayList<>(texts);
    Collections.shuffle(textSample, new Random(experiment.seed()));
    List<Path> imageSample = new ArrayList<>(images);
    Collections.shuffle(imageSample, new Random(experiment.seed()));
    if (imageSample.isEmpty()) {
      corpora.get(indexStrategy).stream().map(Item::image).filter(p -> p != null).limit(32)
          .forEach(imageSample::add);
    }
    BenchFixture f = new BenchFixture(experimentFile, runDir, kept, rings, docs, indexStrategy,
        experiment.models().text(), jointModel(components),
        textSample.subList(0, Math.min(64, textSample.size())),
        imageSample.subList(0, Math.min(32, imageSample.size())));
    Path file = dir.resolve("fixture.json");
    f.write(file);
    return file;
  }

  /** The address the run resolved for the store of this name. */
  private String address(RunComponents components, String store) {
    return experiment.stores().stream().filter(s -> s.name().equals(store)).findFirst()
        .map(components::storeAddress).orElse(null);
  }

  private Path jointModel(RunComponents components) {
    boolean usesJoint = strategies.values().stream()
        .anyMatch(s -> s instanceof JointStrategy || s instanceof MultiVectorStrategy);
    return usesJoint ? components.jointDir(experiment.models().joint()) : null;
  }

  private static void writeDocs(Path file, Strategy strategy, List<Item> corpus) throws IOException {
    List<Item> items = corpus.subList(0, Math.min(INDEX_DOCS, corpus.size()));
    ObjectMapper m = new ObjectMapper();
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int from = 0; from < items.size(); from += 64) {
        for (StoreDocument d : strategy.documents(items.subList(from, Math.min(items.size(), from + 64)))) {
          ObjectNode o = m.createObjectNode();
          o.put("id", d.id());
          ObjectNode vs = o.putObject("vectors");
          d.vectors().forEach((k, v) -> {
            var arr = vs.putArray(k);
            for (float x : v) {
              arr.add(x);
            }
          });
          ObjectNode ts = o.putObject("texts");
          d.texts().forEach(ts::put);
          ObjectNode ss = o.putObject("scalars");
          d.scalars().forEach((k, v) -> ss.putPOJO(k, v));
          w.write(m.writeValueAsString(o));
          w.newLine();
        }
      }
    }
  }
}
