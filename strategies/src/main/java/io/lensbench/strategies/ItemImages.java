package io.lensbench.strategies;

import io.lensbench.core.BadInputException;
import io.lensbench.datasets.Item;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The images of items that must all have one. */
final class ItemImages {
  private ItemImages() {}

  /**
   * The items' images in order.
   *
   * @param missing the message for an item without an image
   * @throws BadInputException for the first item without an image
   */
  static List<Path> of(List<Item> items, Function<Item, String> missing) {
    List<Path> images = new ArrayList<>(items.size());
    for (Item it : items) {
      if (it.image() == null) {
        throw new BadInputException(missing.apply(it));
      }
      images.add(it.image());
    }
    return images;
  }
}
