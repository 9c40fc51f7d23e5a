package io.lensbench.datasets.grow;

import io.lensbench.core.BadInputException;
import io.lensbench.datasets.Dataset;
import io.lensbench.datasets.Item;
import io.lensbench.datasets.Split;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * A grown dataset's distractors, regenerated from its recipe one by one and never held together:
 * distractor {@code i} depends only on the seed, {@code i} and the real items, so any range can be
 * streamed again in the same order with the same content. Augmented distractors point at the
 * image {@code datasets grow} wrote for them; vector-model distractors have no image.
 */
public final class Distractors {
  private static final long TEXTS = 0x7465787473L;
  private static final long IMAGE = 0x696d616765L;

  private final DistractorRecipe recipe;
  private final Path root;
  private final List<Item> sources;
  private final TextRecombiner texts;

  Distractors(DistractorRecipe recipe, Path root, List<Item> sources) {
    this.recipe = recipe;
    this.root = root;
    this.sources = sources;
    this.texts = new TextRecombiner(sources);
  }

  /**
   * The distractors of a grown dataset (empty for any other), checked against the card: the total
   * matches the real items of its split, and augmented images are all there.
   */
  public static Optional<Distractors> of(Dataset d) {
    Object value = d.card().get("distractors");
    if (value == null) {
      return Optional.empty();
    }
    String where = String.valueOf(d.root().resolve("dataset.json"));
    DistractorRecipe r = DistractorRecipe.fromJson(value, where);
    long real = realCount(d, r.split());
    if (real + r.count() != r.total()) {
      throw new BadInputException(String.format(Locale.ROOT,
          "%s: distractors: expected total = %d real items (%s) + %d distractors, found total %d",
          where, real, r.split(), r.count(), r.total()));
    }
    Distractors out = new Distractors(r, d.root(), List.copyOf(d.items().values()));
    if (r.mode() == DistractorMode.AUGMENTED) {
      out.requireImages(where);
    }
    return Optional.of(out);
  }

  /** Real items a run searches in {@code split}: the test items, or all of them. */
  static long realCount(Dataset d, String split) {
    if (split.equals("all") || d.splits().isEmpty()) {
      return d.items().size();
    }
    return d.splits().values().stream().filter(s -> s == Split.TEST).count();
  }

  public DistractorRecipe recipe() {
    return recipe;
  }

  public long count() {
    return recipe.count();
  }

  /** Distractor {@code i} (0-based). */
  public Item item(long i) {
    Map<String, String> t = texts.texts(random(recipe.seed(), i, TEXTS));
    Path image = recipe.mode() == DistractorMode.AUGMENTED ? imageFile(i) : null;
    return new Item(DistractorRecipe.id(i), image, t, Map.of());
  }

  /** Every distractor in order, {@code size} at a time (the last batch may be shorter). */
  public Iterator<List<Item>> batches(int size) {
    return new Iterator<>() {
      private long next;

      @Override
      public boolean hasNext() {
        return next < recipe.count();
      }

      @Override
      public List<Item> next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        long end = Math.min(recipe.count(), next + size);
        List<Item> batch = new ArrayList<>((int) (end - next));
        for (; next < end; next++) {
          batch.add(item(next));
        }
        return batch;
      }
    };
  }

  /** The real item distractor {@code i}'s image is made from (augmented mode). */
  Item imageSource(long i) {
    return sources.get(random(recipe.seed(), i, IMAGE).nextInt(sources.size()));
  }

  /** The random state distractor {@code i}'s image augmentation starts from (after its source pick). */
  SplittableRandom imageRandom(long i) {
    SplittableRandom r = random(recipe.seed(), i, IMAGE);
    r.nextInt(sources.size());
    return r;
  }

  Path imageFile(long i) {
    return root.resolve(recipe.images().dir()).resolve(DistractorRecipe.id(i) + ".jpg");
  }

  private void requireImages(String where) {
    for (long i : new long[] {0, recipe.count() - 1}) {
      if (i >= 0 && !Files.isRegularFile(imageFile(i))) {
        throw new BadInputException(String.format(Locale.ROOT,
            "%s: distractor image %s is missing (the dataset was copied without it? grow it again)",
            where, imageFile(i)));
      }
    }
  }

  /** An independent random stream per (seed, distractor, purpose). */
  static SplittableRandom random(long seed, long i, long purpose) {
    long z = seed * 0x9E3779B97F4A7C15L + i;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L + purpose;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return new SplittableRandom(z ^ (z >>> 31));
  }
}
