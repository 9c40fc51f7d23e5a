package io.lensbench.datasets.grow;

import io.lensbench.core.BadInputException;
import io.lensbench.core.Hashing;
import io.lensbench.core.InfrastructureException;
import io.lensbench.datasets.AtomicDirectory;
import io.lensbench.datasets.Dataset;
import io.lensbench.datasets.DatasetLoader;
import io.lensbench.datasets.Item;
import io.lensbench.datasets.Json;
import io.lensbench.datasets.NativeLayout;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * {@code lensbench datasets grow}: a copy of a built dataset (every file byte for byte: corpus,
 * splits, queries, qrels, table images) plus seeded distractors up to N searchable items,
 * described by a recipe in the card ({@link DistractorRecipe}) and — in augmented mode — one
 * augmented image file per distractor. The same base, options and seed give byte-identical files.
 */
public final class DatasetGrower {
  /** Augmented images: longest side in pixels (the joint image tower sees 64 x 64). */
  public static final int IMAGE_SIZE = 112;
  /** Vector-model defaults: mixture components per field and EM iterations. */
  public static final int COMPONENTS = 32;
  public static final int ITERATIONS = 25;
  /** The recipe as a file of the dataset (also under {@code distractors} in the card). */
  public static final String RECIPE_FILE = "distractors.json";

  /**
   * @param base the built dataset to grow (not itself grown)
   * @param out the grown dataset's directory (replaced when it holds a dataset)
   * @param to searchable items wanted: the real items of {@code split} plus the distractors
   * @param split {@code test} (the real searchable items of a fashion dataset) or {@code all}
   * @param command the command line, recorded in the card
   */
  public record Options(Path base, Path out, long to, long seed, DistractorMode mode, String split,
      String command) {}

  private final Options options;
  private final Consumer<String> log;

  public DatasetGrower(Options options, Consumer<String> log) {
    this.options = options;
    this.log = log;
  }

  /** Grows the dataset; returns the card written. */
  public Map<String, Object> grow() {
    Dataset base = DatasetLoader.load(options.base());
    if (base.card().get("distractors") != null) {
      throw new BadInputException(String.format(Locale.ROOT,
          "datasets grow: %s is itself grown (its card has distractors); grow from the dataset it "
              + "was grown from (%s)", base.root(), base.card().get("grownFrom")));
    }
    if (!options.split().equals("test") && !options.split().equals("all")) {
      throw new BadInputException("datasets grow --split: expected 'test' or 'all', found '" + options.split() + "'");
    }
    long real = Distractors.realCount(base, options.split());
    long count = options.to() - real;
    if (count < 0) {
      throw new BadInputException(String.format(Locale.ROOT,
          "datasets grow --to: expected at least the %d real items of split '%s', found %d",
          real, options.split(), options.to()));
    }
    log.accept(String.format(Locale.ROOT, "%d real items (%s) + %d %s distractors = %d",
        real, options.split(), count, options.mode().wireName(), options.to()));
    AtomicReference<Map<String, Object>> card = new AtomicReference<>();
    AtomicDirectory.build(options.out(), "--out " + options.out(), NativeLayout.CARD, dir -> {
      copyBase(base.root(), dir);
      DistractorRecipe recipe = recipe(base, dir, count);
      // a file of its own, so the recipe is part of the dataset's checksum
      NativeLayout.writeLines(dir.resolve(RECIPE_FILE), List.of(Json.line(recipe.toJson())));
      card.set(NativeLayout.writeCard(dir, card(base, recipe, count)));
    });
    return card.get();
  }

  private DistractorRecipe recipe(Dataset base, Path dir, long count) {
    boolean augmented = options.mode() == DistractorMode.AUGMENTED;
    DistractorRecipe.Images images = augmented
        ? new DistractorRecipe.Images(NativeLayout.DISTRACTOR_IMAGES, IMAGE_SIZE, "") : null;
    DistractorRecipe.VectorModel model = augmented ? null
        : new DistractorRecipe.VectorModel(COMPONENTS, ITERATIONS);
    DistractorRecipe r = new DistractorRecipe(options.mode(), options.seed(), count, options.split(),
        options.to(), images, model);
    if (!augmented) {
      return r;
    }
    String sha = writeImages(new Distractors(r, dir, List.copyOf(base.items().values())), count);
    return new DistractorRecipe(r.mode(), r.seed(), r.count(), r.split(), r.total(),
        new DistractorRecipe.Images(images.dir(), images.size(), sha), null);
  }

  /** Writes every augmented image; returns the SHA-256 over their "name sha256" lines. */
  private String writeImages(Distractors d, long count) {
    StringBuilder lines = new StringBuilder();
    long step = Math.max(1, count / 20);
    for (long i = 0; i < count; i++) {
      Item source = d.imageSource(i);
      if (source.image() == null) {
        throw new BadInputException("datasets grow --distractors augmented: item '" + source.id()
            + "' has no image to augment");
      }
      byte[] jpeg = ImageAugmenter.jpeg(ImageAugmenter.augment(read(source.image()), IMAGE_SIZE, d.imageRandom(i)));
      Path file = d.imageFile(i);
      write(file, jpeg);
      lines.append(file.getFileName()).append(' ').append(Hashing.sha256Hex(jpeg)).append('\n');
      if ((i + 1) % step == 0 || i + 1 == count) {
        log.accept(String.format(Locale.ROOT, "augmented images: %d / %d", i + 1, count));
      }
    }
    return Hashing.sha256Hex(lines.toString());
  }

  private Map<String, Object> card(Dataset base, DistractorRecipe recipe, long count) {
    Map<String, Object> card = new LinkedHashMap<>(base.card());
    card.remove("files");
    card.remove("checksum");
    Map<String, Object> from = new LinkedHashMap<>();
    from.put("name", base.name());
    from.put("checksum", base.checksum());
    from.put("root", base.root().toString());
    card.put("grownFrom", from);
    card.put("distractors", recipe.toJson());
    Map<String, Object> build = new LinkedHashMap<>();
    if (base.card().get("build") instanceof Map<?, ?> b) {
      b.forEach((k, v) -> build.put(String.valueOf(k), v));
    }
    build.put("grownBy", options.command());
    card.put("build", build);
    Map<String, Object> counts = new LinkedHashMap<>();
    if (base.card().get("counts") instanceof Map<?, ?> c) {
      c.forEach((k, v) -> counts.put(String.valueOf(k), v));
    }
    counts.put("distractors", count);
    counts.put("searchable", options.to());
    card.put("counts", counts);
    return card;
  }

  /** Every file of the base except its card, byte for byte. */
  private static void copyBase(Path base, Path dir) {
    try (Stream<Path> files = Files.walk(base)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        String rel = base.relativize(f).toString().replace('\\', '/');
        if (!rel.equals(NativeLayout.CARD)) {
          Path target = dir.resolve(rel);
          Files.createDirectories(target.getParent());
          Files.copy(f, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("datasets grow: cannot copy " + base, e);
    }
  }

  private static BufferedImage read(Path image) {
    try {
      BufferedImage img = ImageIO.read(image.toFile());
      if (img == null) {
        throw new BadInputException("datasets grow: image " + image + " does not decode");
      }
      return img;
    } catch (IOException e) {
      throw new BadInputException("datasets grow: cannot read image " + image + ": " + e.getMessage(), e);
    }
  }

  private static void write(Path file, byte[] bytes) {
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, bytes);
    } catch (IOException e) {
      throw new InfrastructureException("datasets grow: cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
