package io.lensbench.rerank;

import io.lensbench.cache.BatchedCache;
import io.lensbench.cache.MemoryStore;
import io.lensbench.core.BadInputException;
import io.lensbench.datasets.Query;
import io.lensbench.encoders.JointEncoder;
import io.lensbench.encoders.TextEncoder;
import io.lensbench.encoders.Vectors;
import io.lensbench.core.SearchHit;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * A cheap, offline reranker: re-scores the candidates by cosine similarity under an encoder.
 * Modes:
 * <ul>
 *   <li>{@code text}: query text vs candidate text (name or caption) with a {@link TextEncoder};
 *   <li>{@code joint}: with a {@link JointEncoder}, the query (text → text vector, image → image
 *       vector, image+text → composed vector) vs the candidate images.
 * </ul>
 * Ties keep the first-stage order. Candidate vectors are memoised per instance (keyed by text or
 * image path). The encoders are owned by the caller and not closed here.
 */
public final class EncoderReranker implements Reranker {

  /** What to compare. */
  public enum Mode {
    TEXT,
    JOINT
  }

  private static final int MEMO_LIMIT = 200_000;

  private final String name;
  private final Mode mode;
  private final TextEncoder text;
  private final JointEncoder joint;
  private final BatchedCache<float[]> memo =
      BatchedCache.ofVectors(new MemoryStore<>(MEMO_LIMIT));

  private EncoderReranker(String name, Mode mode, TextEncoder text, JointEncoder joint) {
    this.name = name;
    this.mode = mode;
    this.text = text;
    this.joint = joint;
  }

  /** Query text vs candidate text; cell suffix {@code encoder-text} unless named. */
  public static EncoderReranker text(TextEncoder encoder, String name) {
    return new EncoderReranker(name == null ? "encoder-text" : name, Mode.TEXT, encoder, null);
  }

  /** Query (text/image/both) vs candidate images; cell suffix {@code encoder-joint} unless named. */
  public static EncoderReranker joint(JointEncoder encoder, String name) {
    return new EncoderReranker(name == null ? "encoder-joint" : name, Mode.JOINT, null, encoder);
  }

  @Override
  public String id() {
    return name;
  }

  public String encoderId() {
    return mode == Mode.TEXT ? text.id() : joint.id();
  }

  @Override
  public RerankResult rerank(Query query, List<Candidate> candidates) {
    long t0 = System.nanoTime();
    List<SearchHit> before = candidates.stream().map(c -> new SearchHit(c.id(), c.score()))
        .toList();
    if (candidates.isEmpty()) {
      return new RerankResult(List.of(), before, RerankCounts.clean(0), null);
    }
    float[] q;
    List<float[]> cands;
    if (mode == Mode.TEXT) {
      if (query.text() == null || query.text().isBlank()) {
        throw new BadInputException("query " + query.id() + " (kind " + query.kind().wireName()
            + "): the text encoder reranker needs query text; use the joint mode for image "
            + "queries");
      }
      q = text.embed(List.of(query.text()), TextEncoder.Role.QUERY).get(0);
      cands = vectors(candidates, c -> {
        if (c.text() == null || c.text().isBlank()) {
          throw new BadInputException("query " + query.id() + ": candidate " + c.id()
              + " has no text (name or caption) to compare with");
        }
        return "t:" + c.text();
      }, keys -> text.embed(keys.stream().map(k -> k.substring(2)).toList(),
          TextEncoder.Role.PASSAGE));
    } else {
      boolean hasText = query.text() != null && !query.text().isBlank();
      if (query.image() != null && hasText) {
        q = joint.embedImageText(query.image(), query.text());
      } else if (query.image() != null) {
        q = joint.embedImages(List.of(query.image())).get(0);
      } else if (hasText) {
        q = joint.embedTexts(List.of(query.text())).get(0);
      } else {
        throw new BadInputException("query " + query.id() + ": has neither text nor image");
      }
      cands = vectors(candidates, c -> {
        if (c.image() == null) {
          throw new BadInputException("query " + query.id() + ": candidate " + c.id()
              + " has no image for the joint encoder reranker");
        }
        return "i:" + c.image();
      }, keys -> joint.embedImages(keys.stream().map(k -> Path.of(k.substring(2))).toList()));
    }
    List<SearchHit> scored = new ArrayList<>(candidates.size());
    for (int i = 0; i < candidates.size(); i++) {
      scored.add(new SearchHit(candidates.get(i).id(), Vectors.cosine(q, cands.get(i))));
    }
    List<SearchHit> ranking = new ArrayList<>(scored);
    ranking.sort(Comparator.comparingDouble(SearchHit::score).reversed()); // stable: ties keep order
    return new RerankResult(ranking, before, RerankCounts.clean((System.nanoTime() - t0) / 1e6),
        null);
  }

  private List<float[]> vectors(List<Candidate> candidates, Function<Candidate, String> keyOf,
      Function<List<String>, List<float[]>> embed) {
    return memo.get(candidates.stream().map(keyOf).toList(), k -> k, embed);
  }

  @Override
  public void close() {
    memo.close();
  }
}
