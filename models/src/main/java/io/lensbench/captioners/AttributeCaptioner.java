package io.lensbench.captioners;

import io.lensbench.cache.BatchedCache;
import io.lensbench.cache.MemoryStore;
import io.lensbench.core.BadInputException;
import io.lensbench.core.Hashing;
import io.lensbench.encoders.JointEncoder;
import io.lensbench.encoders.Vectors;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Attribute captioner: the joint model used zero-shot. The image is scored against text prompts
 * built from the catalogue vocabulary, greedily — article type ("Casual Shoes"), then colour
 * ("Blue Casual Shoes"), then gender ("Men Blue Casual Shoes"), then usage ("Men Blue Casual
 * Shoes Casual", the training description format) — and the winners are phrased as a caption,
 * e.g. "a blue men's casual shoes (casual use)".
 *
 * <p>An OFFLINE STAND-IN for a vision-language caption: it can only name catalogue attributes
 * the joint model learned (no style, pattern, brand, text in the image). Say so wherever its
 * captions are shown.
 */
public final class AttributeCaptioner implements Captioner {
  /** Label to show next to its captions. */
  public static final String LABEL =
      "attribute caption (offline stand-in for a VLM caption: catalogue attributes only)";

  /** The catalogue vocabulary prompts are built from. */
  public record Vocabulary(
      List<String> articleTypes, List<String> colours, List<String> genders, List<String> usages) {
    public Vocabulary {
      if (articleTypes.isEmpty()) {
        throw new BadInputException("attribute captioner: vocabulary has no article types");
      }
      articleTypes = List.copyOf(articleTypes);
      colours = List.copyOf(colours);
      genders = List.copyOf(genders);
      usages = List.copyOf(usages);
    }

    /** Collects distinct articleType, baseColour, gender and usage values (sorted). */
    public static Vocabulary fromAttributes(Collection<Map<String, String>> items) {
      TreeSet<String> t = new TreeSet<>();
      TreeSet<String> c = new TreeSet<>();
      TreeSet<String> g = new TreeSet<>();
      TreeSet<String> u = new TreeSet<>();
      for (Map<String, String> a : items) {
        add(t, a.get("articleType"));
        add(c, a.get("baseColour"));
        add(g, a.get("gender"));
        add(u, a.get("usage"));
      }
      return new Vocabulary(new ArrayList<>(t), new ArrayList<>(c), new ArrayList<>(g),
          new ArrayList<>(u));
    }

    private static void add(TreeSet<String> s, String v) {
      if (v != null && !v.isBlank() && !v.equalsIgnoreCase("NA")) {
        s.add(v.trim());
      }
    }

    String hash() {
      return Hashing.sha256Hex(String.join("\u0001", articleTypes) + "\u0002"
          + String.join("\u0001", colours) + "\u0002" + String.join("\u0001", genders) + "\u0002"
          + String.join("\u0001", usages));
    }
  }

  /** One structured caption. */
  public record Attributes(String articleType, String colour, String gender, String usage) {}

  private final JointEncoder joint;
  private final Vocabulary vocab;
  private final BatchedCache<float[]> promptVectors = BatchedCache.ofVectors(new MemoryStore<>());

  /** The joint encoder is borrowed: closing the captioner does not close it. */
  public AttributeCaptioner(JointEncoder joint, Vocabulary vocab) {
    this.joint = joint;
    this.vocab = vocab;
  }

  @Override
  public String id() {
    return "attribute:" + joint.id() + ":v1";
  }

  @Override
  public String promptHash() {
    return vocab.hash();
  }

  @Override
  public List<String> caption(List<Path> images) {
    List<String> out = new ArrayList<>(images.size());
    for (Attributes a : attributes(images)) {
      out.add(phrase(a));
    }
    return out;
  }

  /** The structured zero-shot attributes per image. */
  public List<Attributes> attributes(List<Path> images) {
    List<float[]> vecs = joint.embedImages(images);
    List<Attributes> out = new ArrayList<>(vecs.size());
    for (float[] v : vecs) {
      String type = best(v, vocab.articleTypes(), "");
      String colour = vocab.colours().isEmpty() ? null : best(v, vocab.colours(), " " + type);
      String cPart = colour == null ? type : colour + " " + type;
      String gender = vocab.genders().isEmpty() ? null : bestPrefix(v, vocab.genders(), cPart);
      String gPart = gender == null ? cPart : gender + " " + cPart;
      String usage = vocab.usages().isEmpty() ? null : best(v, vocab.usages(), "", gPart + " ");
      out.add(new Attributes(type, colour, gender, usage));
    }
    return out;
  }

  /** "a blue men's casual shoes (casual use)". */
  public static String phrase(Attributes a) {
    StringBuilder sb = new StringBuilder("a");
    if (a.colour() != null) {
      sb.append(' ').append(a.colour().toLowerCase(Locale.ROOT));
    }
    if (a.gender() != null) {
      sb.append(' ').append(genderPhrase(a.gender()));
    }
    sb.append(' ').append(a.articleType().toLowerCase(Locale.ROOT));
    if (a.usage() != null) {
      sb.append(" (").append(a.usage().toLowerCase(Locale.ROOT)).append(" use)");
    }
    return sb.toString();
  }

  private static String genderPhrase(String g) {
    return switch (g.toLowerCase(Locale.ROOT)) {
      case "men" -> "men's";
      case "women" -> "women's";
      case "boys" -> "boys'";
      case "girls" -> "girls'";
      case "unisex" -> "unisex";
      default -> g.toLowerCase(Locale.ROOT);
    };
  }

  private String best(float[] v, List<String> candidates, String suffix) {
    return best(v, candidates, suffix, "");
  }

  private String bestPrefix(float[] v, List<String> candidates, String rest) {
    return best(v, candidates, " " + rest, "");
  }

  /** Candidate c scored as prompt prefix + c + suffix; ties → first in vocabulary order. */
  private String best(float[] v, List<String> candidates, String suffix, String prefix) {
    List<String> prompts = new ArrayList<>(candidates.size());
    for (String c : candidates) {
      prompts.add(prefix + c + suffix);
    }
    List<float[]> pv = promptVectors.get(prompts, p -> p, joint::embedTexts);
    int bestIdx = 0;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < prompts.size(); i++) {
      double s = Vectors.dot(v, pv.get(i));
      if (s > bestScore) {
        bestScore = s;
        bestIdx = i;
      }
    }
    return candidates.get(bestIdx);
  }

  @Override
  public void close() {
    promptVectors.close();
  }
}
