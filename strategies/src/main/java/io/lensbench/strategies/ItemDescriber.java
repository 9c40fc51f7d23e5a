package io.lensbench.strategies;

import io.lensbench.captioners.Captioner;
import io.lensbench.datasets.Item;
import java.util.List;
import java.util.Locale;

/**
 * Item → text to embed: a caption of the item's image (VLM or attribute captioner) or the
 * catalogue text rendered as sentences ({@link TextSummary}).
 */
public interface ItemDescriber {

  /** Stable id used in fingerprints and cell ids, e.g. {@code text-summary}. */
  String id();

  List<String> describe(List<Item> items);

  /** Captions each item's image with the given captioner. */
  static ItemDescriber captions(String id, Captioner captioner) {
    return new ItemDescriber() {
      @Override
      public String id() {
        return id + ":" + captioner.id();
      }

      @Override
      public List<String> describe(List<Item> items) {
        return captioner.caption(ItemImages.of(items, it -> String.format(Locale.ROOT,
            "item '%s' has no image: captioner '%s' needs one", it.id(), captioner.id())));
      }
    };
  }

  /** The catalogue text rendered as sentences. */
  static ItemDescriber textSummary() {
    return new ItemDescriber() {
      @Override
      public String id() {
        return "text-summary:" + TextSummary.VERSION;
      }

      @Override
      public List<String> describe(List<Item> items) {
        return items.stream().map(TextSummary::render).toList();
      }
    };
  }
}
