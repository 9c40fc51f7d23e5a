package io.lensbench.cli;

import io.lensbench.core.BadInputException;
import io.lensbench.datasets.AtomicDirectory;
import io.lensbench.datasets.DataRoot;
import io.lensbench.datasets.NativeLayout;
import io.lensbench.datasets.Dataset;
import io.lensbench.datasets.DatasetDescription;
import io.lensbench.datasets.LoadResult;
import io.lensbench.datasets.Problem;
import io.lensbench.datasets.fashion.FashionBuilder;
import io.lensbench.datasets.fashion.Glossary;
import io.lensbench.datasets.fashion.KaggleFashionLoader;
import io.lensbench.datasets.grow.DatasetGrower;
import io.lensbench.datasets.grow.DistractorMode;
import io.lensbench.datasets.grow.ItemCount;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lensbench datasets build | describe | validate}. */
@Command(name = "datasets", mixinStandardHelpOptions = true,
    description = "Builds, describes and validates datasets (layout: docs/datasets.md).",
    subcommands = {DatasetsCommand.Build.class, DatasetsCommand.Grow.class,
        DatasetsCommand.Describe.class, DatasetsCommand.Validate.class})
public final class DatasetsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }

  /** {@code datasets build fashion}. */
  @Command(name = "build", mixinStandardHelpOptions = true,
      description = "Builds a benchmark dataset from source data, deterministically (seeded).")
  static final class Build implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", description = "Benchmark to build: fashion.")
    String benchmark;

    @Option(names = "--source", defaultValue = "fashion-kaggle-default",
        description = "Source under the data root: fashion-kaggle-default | fashion-kaggle-9k (default: ${DEFAULT-VALUE}).")
    String source;

    @Option(names = "--out", required = true, description = "Output directory (the built dataset).")
    Path out;

    @Option(names = "--seed", defaultValue = "42", description = "Seed for the split and samples (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--max-queries", defaultValue = "150", description = "Cap on queries per query set (default: ${DEFAULT-VALUE}).")
    int maxQueries;

    @Option(names = "--test-fraction", defaultValue = "0.3", description = "Fraction of each article type's items in the test split (default: ${DEFAULT-VALUE}).")
    double testFraction;

    @Option(names = "--data", description = "Data root holding the source folder (else LENSBENCH_DATA, ../shared/datasets, ./data).")
    Path data;

    @Option(names = "--skip-invalid", description = "Skip invalid source rows and list them instead of failing.")
    boolean skipInvalid;

    @Override
    public Integer call() {
      if (!benchmark.equals("fashion")) {
        throw new BadInputException("unknown benchmark '" + benchmark + "' (expected: fashion)");
      }
      if (!source.equals("fashion-kaggle-default") && !source.equals("fashion-kaggle-9k")) {
        throw new BadInputException("unknown --source '" + source
            + "' (expected fashion-kaggle-default or fashion-kaggle-9k)");
      }
      PrintWriter err = spec.commandLine().getErr();
      Path dir = DataRoot.fromEnvironment(data).locate(source, KaggleFashionLoader.ITEMS);
      Path target = out.toAbsolutePath().normalize();
      FashionBuilder.Result[] built = new FashionBuilder.Result[1];
      AtomicDirectory.build(target, "--out " + out, NativeLayout.CARD, tmp -> {
        FashionBuilder.Options o = new FashionBuilder.Options(source, dir, tmp,
            seed, maxQueries, testFraction, skipInvalid, true);
        built[0] = new FashionBuilder(o, Glossary.load(), m -> {
          err.println("datasets build: " + m);
          err.flush();
        }).build();
      });
      FashionBuilder.Result r = built[0];
      PrintWriter pw = spec.commandLine().getOut();
      for (Problem p : r.skipped()) {
        pw.println("skipped: " + p);
      }
      pw.println("built " + target + " (checksum " + r.card().get("checksum") + ")");
      pw.flush();
      return 0;
    }
  }

  /** {@code datasets grow DATASET --to N --out DIR}. */
  @Command(name = "grow", mixinStandardHelpOptions = true,
      description = {"Grows a built dataset to N searchable items with seeded distractors (see the scale page of the docs).",
          "Every real item, query and judgment is kept as it is; the distractors are never relevant to any query and are labelled so in the card."})
  static final class Grow implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DATASET", description = "The built dataset to grow (a directory).")
    Path base;

    @Option(names = "--to", required = true, description = "Searchable items wanted: the real items of --split plus distractors, e.g. 10000, 100k, 1M.")
    String to;

    @Option(names = "--out", required = true, description = "Output directory (the grown dataset).")
    Path out;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the distractors (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--distractors", defaultValue = "augmented", description = "Where distractor vectors come from. With augmented, from augmented real images and recombined real texts, encoded by the strategies' own encoders; with vector-model, from a Gaussian mixture fitted on the real vectors at index time, beside recombined texts (default: ${DEFAULT-VALUE}).")
    String mode;

    @Option(names = "--split", defaultValue = "test", description = "Which real items count towards N: test (what runs search by default) or all (train items included, unjudged) (default: ${DEFAULT-VALUE}).")
    String split;

    @Override
    public Integer call() {
      PrintWriter err = spec.commandLine().getErr();
      String command = String.format(Locale.ROOT,
          "lensbench datasets grow %s --to %s --seed %d --distractors %s --split %s",
          base.getFileName(), to, seed, mode, split);
      DatasetGrower.Options o = new DatasetGrower.Options(base.toAbsolutePath().normalize(),
          out.toAbsolutePath().normalize(), ItemCount.parse(to, "--to"), seed,
          DistractorMode.parse(mode, "--distractors"), split, command);
      Map<String, Object> card = new DatasetGrower(o, m -> {
        err.println("datasets grow: " + m);
        err.flush();
      }).grow();
      PrintWriter pw = spec.commandLine().getOut();
      pw.println("grown " + o.out() + " (checksum " + card.get("checksum") + ")");
      pw.flush();
      return 0;
    }
  }

  /** Loads a dataset directory, lists what was skipped, then prints what the subcommand says. */
  abstract static class LoadedDataset implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin DatasetDirOptions dataset = new DatasetDirOptions();

    abstract void print(PrintWriter pw, LoadResult r);

    @Override
    public Integer call() {
      LoadResult r = dataset.load();
      PrintWriter pw = spec.commandLine().getOut();
      printSkipped(pw, r.skipped());
      print(pw, r);
      pw.flush();
      return 0;
    }
  }

  /** {@code datasets describe DIR}. */
  @Command(name = "describe", mixinStandardHelpOptions = true,
      description = "Prints a dataset's card: counts per kind and language, relevant items per query.")
  static final class Describe extends LoadedDataset {
    @Override
    void print(PrintWriter pw, LoadResult r) {
      pw.print(DatasetDescription.describe(r.dataset()));
    }
  }

  /** {@code datasets validate DIR}. */
  @Command(name = "validate", mixinStandardHelpOptions = true,
      description = "Validates a dataset (images, ids, qrels, texts, kinds); exit 2 listing every problem.")
  static final class Validate extends LoadedDataset {
    @Override
    void print(PrintWriter pw, LoadResult r) {
      Dataset d = r.dataset();
      pw.println(String.format(Locale.ROOT, "valid: %s (%d items, %d query sets, %d queries, %d skipped)",
          d.root(), d.items().size(), d.querySets().size(),
          d.querySets().stream().mapToInt(q -> q.queries().size()).sum(), r.skipped().size()));
    }
  }

  static void printSkipped(PrintWriter pw, List<Problem> skipped) {
    if (!skipped.isEmpty()) {
      pw.println(String.format(Locale.ROOT, "skipped %d invalid record(s):", skipped.size()));
      skipped.forEach(p -> pw.println("  " + p));
    }
  }
}
