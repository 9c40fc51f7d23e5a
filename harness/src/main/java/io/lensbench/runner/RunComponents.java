package io.lensbench.runner;

import io.lensbench.captioners.Captioner;
import io.lensbench.core.BadInputException;
import io.lensbench.datasets.Dataset;
import io.lensbench.datasets.DatasetLoader;
import io.lensbench.datasets.grow.Distractors;
import io.lensbench.encoders.JointEncoder;
import io.lensbench.encoders.TextEncoder;
import io.lensbench.stores.RetrievalStore;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The real parts of a run, built from the loaded dataset and an explicit {@link Environment}:
 * one small factory per kind ({@link StoreFactory}, {@link ModelFactory},
 * {@link CaptionerFactory}, {@link RerankerFactory}, {@link Scorers}). Everything opened is
 * closed, in reverse order, by {@link #close()}.
 */
public final class RunComponents implements Components {
  private final Dataset dataset;
  private final Optional<Distractors> distractors;
  private final Closer closer;
  private final ModelCards cards = new ModelCards();
  private final StoreFactory stores;
  private final ModelFactory models;
  private final CaptionerFactory captioners;
  private final RerankerFactory rerankers;
  private final Environment env;

  private RunComponents(Experiment exp, Dataset dataset, Environment env, PrintStream err) {
    this.dataset = dataset;
    this.distractors = Distractors.of(dataset);
    this.env = env;
    this.closer = new Closer(err);
    this.stores = new StoreFactory(env, closer);
    this.models = new ModelFactory(dataset, env, closer, cards, err);
    this.captioners = new CaptionerFactory(dataset, env, models, exp.models().joint(), closer, cards);
    this.rerankers = new RerankerFactory(exp.models(), models, captioners, closer);
  }

  /** Loads the experiment's dataset and prepares the factories (nothing else is opened yet). */
  public static RunComponents open(Experiment exp, Environment env, PrintStream err) {
    return new RunComponents(exp, loadDataset(exp.dataset(), env), env, err);
  }

  /** The experiment's dataset directory: its {@code path}, else the home's folder for its name. */
  public static Path datasetDir(Experiment.DatasetSpec spec, Environment env) {
    return spec.path() != null ? Path.of(spec.path()) : env.datasetDir(spec.name());
  }

  private static Dataset loadDataset(Experiment.DatasetSpec spec, Environment env) {
    Path dir = datasetDir(spec, env);
    if (!Files.isDirectory(dir)) {
      throw new BadInputException(String.format(Locale.ROOT,
          "dataset '%s': expected a dataset directory at %s, found none (build it: "
              + "lensbench datasets build %s --out %s)", spec.name(), dir, spec.name(), dir));
    }
    Dataset d = DatasetLoader.load(dir);
    if (!d.name().equals(spec.name())) {
      throw new BadInputException(String.format(Locale.ROOT,
          "dataset at %s: expected name '%s', found '%s'", dir, spec.name(), d.name()));
    }
    return d;
  }

  @Override
  public Dataset dataset() {
    return dataset;
  }

  @Override
  public Optional<Distractors> distractors() {
    return distractors;
  }

  @Override
  public RetrievalStore store(Experiment.StoreSpec spec) {
    return stores.open(spec);
  }

  @Override
  public String storeAddress(Experiment.StoreSpec spec) {
    return stores.address(spec);
  }

  @Override
  public TextEncoder textEncoder(String id) {
    return models.text(id);
  }

  @Override
  public JointEncoder jointEncoder(String id) {
    return models.joint(id);
  }

  /** The folder a joint encoder id resolves to (see {@link ModelFactory#jointDir}). */
  public Path jointDir(String id) {
    return models.jointDir(id);
  }

  @Override
  public Captioner captioner(String id) {
    return captioners.open(id);
  }

  @Override
  public RerankStage reranker(Experiment.RerankerSpec spec) {
    return rerankers.open(spec);
  }

  @Override
  public CellScorer scorer(long seed) {
    return Scorers.trecEval(seed);
  }

  @Override
  public Path lockDir() {
    return env.home().resolve("locks");
  }

  @Override
  public Map<String, Object> modelCard(String id) {
    return cards.get(id);
  }

  @Override
  public void close() {
    closer.close();
  }
}
