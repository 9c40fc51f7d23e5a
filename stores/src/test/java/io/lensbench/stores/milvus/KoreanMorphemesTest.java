package io.lensbench.stores.milvus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class KoreanMorphemesTest {
  @Test
  void matchesOpenSearchNoriTokens() {
    try (KoreanMorphemes k = new KoreanMorphemes()) {
      // the embedded OpenSearch node's _analyze with analyzer nori gave [파랗, 청, 바지, 사]
      assertEquals("파랗 청 바지 사", k.analyse("파란 청바지를 샀다"));
      assertEquals("청 바지", k.analyse("청바지를"));
      assertEquals("", k.analyse("  "));
      assertEquals("nike 운동", k.analyse("NIKE 운동화")); // node: [nike, 운동]
    }
  }
}
