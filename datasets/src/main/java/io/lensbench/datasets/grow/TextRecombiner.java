package io.lensbench.datasets.grow;

import io.lensbench.datasets.Item;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A distractor's texts, recombined from real items' texts: one real item gives the fields, and
 * each field joins the start of one real item's value to the end of another's — so every text is
 * made of real catalogue language (both languages aligned: the Korean fields come from the same
 * items as the English ones) but describes no real item.
 */
final class TextRecombiner {
  static final String RULE = "each text field of one real item, rebuilt from two other real items: "
      + "name fields join the first half of one's words to the second half of the other's, other "
      + "fields the first sentence of one to the remaining sentences of the other";

  private final List<Item> sources;

  TextRecombiner(List<Item> sources) {
    this.sources = sources;
  }

  Map<String, String> texts(SplittableRandom rnd) {
    Item shape = pick(rnd);
    Item first = pick(rnd);
    Item second = pick(rnd);
    Map<String, String> out = new LinkedHashMap<>();
    shape.texts().forEach((key, own) -> {
      String a = first.texts().getOrDefault(key, own);
      String b = second.texts().getOrDefault(key, own);
      String joined = key.startsWith("name") ? words(a, b) : sentences(a, b);
      out.put(key, joined.isBlank() ? own : joined);
    });
    return out;
  }

  private Item pick(SplittableRandom rnd) {
    return sources.get(rnd.nextInt(sources.size()));
  }

  /** The first half of {@code a}'s words and the second half of {@code b}'s. */
  static String words(String a, String b) {
    String[] x = a.strip().split(" +");
    String[] y = b.strip().split(" +");
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < (x.length + 1) / 2; i++) {
      s.append(s.length() == 0 ? "" : " ").append(x[i]);
    }
    for (int i = y.length / 2; i < y.length; i++) {
      s.append(s.length() == 0 ? "" : " ").append(y[i]);
    }
    return s.toString();
  }

  /** {@code a}'s first sentence and every sentence of {@code b} after its first. */
  static String sentences(String a, String b) {
    String head = a.strip();
    int end = head.indexOf(". ");
    if (end >= 0) {
      head = head.substring(0, end + 1);
    }
    String tail = b.strip();
    int start = tail.indexOf(". ");
    return start < 0 ? head : head + " " + tail.substring(start + 2);
  }
}
