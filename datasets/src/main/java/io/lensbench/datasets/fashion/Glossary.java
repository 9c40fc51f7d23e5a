package io.lensbench.datasets.fashion;

import io.lensbench.core.BadInputException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The English → Korean glossary of catalogue values shipped with LensBench
 * ({@code io/lensbench/datasets/glossary-ko.tsv}): for each (field, value) an English shopper
 * term (singular and plural/possessive) and a Korean shopping term. Korean text built from it is
 * glossary-derived and labelled so.
 */
public final class Glossary {
  public static final String RESOURCE = "/io/lensbench/datasets/glossary-ko.tsv";

  /** One glossary entry. */
  public record Term(String field, String value, String en, String enPlural, String ko) {}

  private final Map<String, Term> terms;
  private final String sha256;

  private Glossary(Map<String, Term> terms, String sha256) {
    this.terms = Collections.unmodifiableMap(terms);
    this.sha256 = sha256;
  }

  /** Loads the glossary shipped on the class path. */
  public static Glossary load() {
    TsvResource tsv = TsvResource.load(RESOURCE, 5);
    Map<String, Term> terms = new LinkedHashMap<>();
    for (String[] f : tsv.rows()) {
      terms.put(key(f[0], f[1]), new Term(f[0], f[1], f[2], f[3], f[4]));
    }
    return new Glossary(terms, tsv.sha256());
  }

  private static String key(String field, String value) {
    return field + "\u0000" + value;
  }

  public boolean has(String field, String value) {
    return terms.containsKey(key(field, value));
  }

  /** The entry for a value; a missing term is a bad-input error naming field and value. */
  public Term term(String field, String value) {
    Term t = terms.get(key(field, value));
    if (t == null) {
      throw new BadInputException("glossary " + RESOURCE + " has no entry for " + field + " '"
          + value + "': add a line 'field<TAB>value<TAB>en<TAB>en_plural<TAB>ko'");
    }
    return t;
  }

  public String ko(String field, String value) {
    return term(field, value).ko();
  }

  public String en(String field, String value) {
    return term(field, value).en();
  }

  public String enPlural(String field, String value) {
    return term(field, value).enPlural();
  }

  /** A label for tables and summaries ("Colour" / "색상"). */
  public String label(String name, String language) {
    Term t = term("label", name);
    return language.equals("ko") ? t.ko() : t.en();
  }

  public int size() {
    return terms.size();
  }

  public String sha256() {
    return sha256;
  }
}
