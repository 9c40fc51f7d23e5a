package io.lensbench.encoders;

/** How token vectors become one sentence vector. */
public enum Pooling {
  /** Mean over tokens whose attention mask is 1 (sentence-transformers MiniLM, e5). */
  MEAN,
  /** The first token ([CLS]) vector (bge, per its model card). */
  CLS
}
