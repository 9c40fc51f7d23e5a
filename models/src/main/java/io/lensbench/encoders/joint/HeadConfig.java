package io.lensbench.encoders.joint;

import java.util.List;

/**
 * How a head on frozen image features is trained.
 *
 * @param kind {@code ridge} (closed form) or {@code mlp} (contrastive, DJL PyTorch)
 * @param koreanWeight share of the glossary-Korean description in each training target ({@code
 *     normalize((1 − w)·en + w·ko)}); 0 = English descriptions only
 * @param lambdas ridge: candidate regularisation strengths (standardised features), one chosen on
 *     a validation part of TRAIN
 * @param validationFraction ridge: share of TRAIN items held back to choose λ (then refit on all)
 * @param hidden mlp: hidden units
 * @param epochs mlp: passes over TRAIN
 * @param batchSize mlp: rows per step
 * @param learningRate mlp: AdamW peak rate (cosine-decayed to 1/100)
 * @param weightDecay mlp: AdamW decoupled weight decay
 * @param logitScale mlp: fixed InfoNCE inverse temperature
 * @param seed seeds the validation split, initialisation and shuffling
 */
public record HeadConfig(String kind, double koreanWeight, List<Double> lambdas,
    double validationFraction, int hidden, int epochs, int batchSize, float learningRate,
    float weightDecay, float logitScale, long seed) {

  public static HeadConfig ridge() {
    return new HeadConfig("ridge", 0.0, List.of(100.0, 300.0, 1000.0, 3000.0, 10000.0), 0.15,
        0, 0, 0, 0f, 0f, 0f, 42L);
  }

  public static HeadConfig mlp() {
    return new HeadConfig("mlp", 0.0, List.of(), 0.0, 1024, 15, 256, 1e-3f, 1e-4f, 33.3f, 42L);
  }

  public HeadConfig withKoreanWeight(double w) {
    return new HeadConfig(kind, w, lambdas, validationFraction, hidden, epochs, batchSize,
        learningRate, weightDecay, logitScale, seed);
  }

  public HeadConfig withEpochs(int n) {
    return new HeadConfig(kind, koreanWeight, lambdas, validationFraction, hidden, n, batchSize,
        learningRate, weightDecay, logitScale, seed);
  }
}
