package io.lensbench.stores.milvus;

import io.lensbench.core.InfrastructureException;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ko.KoreanAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Korean text → space-separated morphemes with Lucene's Nori ({@link KoreanAnalyzer}: default
 * decompounding, particles/endings removed, lower case), the same analyser OpenSearch's {@code
 * nori} uses. Milvus Lite has no Korean tokenizer, so "ko" fields are analysed here, stored as
 * morphemes and split again by Milvus's standard tokenizer; queries go through the same path.
 * Thread-safe (the analyser reuses per-thread token streams).
 */
final class KoreanMorphemes implements AutoCloseable {
  private final KoreanAnalyzer analyzer = new KoreanAnalyzer();

  String analyse(String text) {
    if (text == null || text.isBlank()) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    try (TokenStream ts = analyzer.tokenStream("ko", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        if (out.length() > 0) {
          out.append(' ');
        }
        out.append(term);
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      throw new InfrastructureException("Korean analysis (Lucene Nori) failed: " + e.getMessage(), e);
    }
    return out.toString();
  }

  @Override
  public void close() {
    analyzer.close();
  }
}
