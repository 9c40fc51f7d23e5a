package io.lensbench.opensearch.nori;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ko.KoreanTokenizer.DecompoundMode;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

/** The {@code nori} analyzer chain, run through Lucene directly (no node needed). */
class NoriAnalyzerTest {

  private static List<String> terms(Analyzer analyzer, String text) throws IOException {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream("f", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString());
      }
      ts.end();
    }
    return out;
  }

  private static Analyzer lensbench() {
    return new NoriAnalysisPlugin.LensBenchKoreanAnalyzer(DecompoundMode.DISCARD,
        NoriAnalysisPlugin.userDictionary(NoriAnalysisPlugin.COLOUR_WORDS), true);
  }

  private static Analyzer plainKorean() {
    return new NoriAnalysisPlugin.LensBenchKoreanAnalyzer(DecompoundMode.DISCARD, null, false);
  }

  @Test
  void bareColourNounIsAStopWord() throws IOException {
    try (Analyzer a = lensbench(); Analyzer plain = plainKorean()) {
      assertEquals(List.of(), terms(a, "색"));
      assertEquals(List.of("빨간", "셔츠"), terms(a, "빨간색 셔츠"));
      // without the tweak every colour word shares the token 색
      assertTrue(terms(plain, "빨간색").contains("색"));
      assertTrue(terms(plain, "파란색").contains("색"));
    }
  }

  @Test
  void attributiveColourMatchesColourCompound() throws IOException {
    try (Analyzer a = lensbench(); Analyzer plain = plainKorean()) {
      assertEquals(terms(a, "빨간색 셔츠"), terms(a, "빨간 셔츠"));
      assertEquals(List.of("파란", "바지"), terms(a, "파란 바지"));
      // plain Nori reads a lone 빨간 as the adjective 빨갛 (+ ending, removed)
      assertEquals(List.of("빨갛", "셔츠"), terms(plain, "빨간 셔츠"));
    }
  }

  @Test
  void particlesAreRemovedAndWholeColourNounsKept() throws IOException {
    try (Analyzer a = lensbench()) {
      assertEquals(List.of("회색", "셔츠", "바지"), terms(a, "회색 셔츠와 바지"));
      assertEquals(List.of("shirt"), terms(a, "Shirt"));
    }
  }
}
