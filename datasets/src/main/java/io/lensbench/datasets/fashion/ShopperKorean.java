package io.lensbench.datasets.fashion;

import io.lensbench.core.BadInputException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everyday Korean for catalogue values ({@code io/lensbench/datasets/shopper-ko.tsv}), written
 * independently of the {@link Glossary}: native colour words, everyday garment words. Only the
 * cross-lingual query sets use it; no item text is built from it.
 */
public final class ShopperKorean {
  public static final String RESOURCE = "/io/lensbench/datasets/shopper-ko.tsv";

  private final Map<String, String> words;
  private final String sha256;

  private ShopperKorean(Map<String, String> words, String sha256) {
    this.words = words;
    this.sha256 = sha256;
  }

  public static ShopperKorean load() {
    TsvResource tsv = TsvResource.load(RESOURCE, 3);
    Map<String, String> words = new LinkedHashMap<>();
    for (String[] f : tsv.rows()) {
      words.put(f[0] + "\u0000" + f[1], f[2]);
    }
    return new ShopperKorean(words, tsv.sha256());
  }

  /** The everyday word for a value; a missing one is a bad-input error naming field and value. */
  public String ko(String field, String value) {
    String w = words.get(field + "\u0000" + value);
    if (w == null) {
      throw new BadInputException(RESOURCE + " has no entry for " + field + " '" + value
          + "': add a line 'field<TAB>value<TAB>ko'");
    }
    return w;
  }

  public boolean has(String field, String value) {
    return words.containsKey(field + "\u0000" + value);
  }

  public String sha256() {
    return sha256;
  }
}
