package io.lensbench.encoders.joint;

/**
 * Hyper-parameters of the LiT-style joint model (frozen text tower, trained image tower).
 *
 * @param epochs passes over the TRAIN items
 * @param batchSize images per step
 * @param learningRate AdamW peak rate (cosine-decayed to finalLearningRate)
 * @param finalLearningRate rate at the last step
 * @param weightDecay AdamW decoupled weight decay
 * @param logitScale fixed InfoNCE temperature inverse (≈30)
 * @param imageSize input side in pixels (64)
 * @param maxShift augmentation: random shift up to ± pixels (plus random horizontal flip)
 * @param seed seeds parameter init, shuffling and augmentation
 */
public record JointTrainingConfig(
    int epochs,
    int batchSize,
    float learningRate,
    float finalLearningRate,
    float weightDecay,
    float logitScale,
    int imageSize,
    int maxShift,
    long seed) {

  public static JointTrainingConfig defaults() {
    return new JointTrainingConfig(7, 128, 2e-3f, 2e-5f, 1e-4f, 30f, 64, 4, 42L);
  }

  public JointTrainingConfig withEpochs(int n) {
    return new JointTrainingConfig(n, batchSize, learningRate, finalLearningRate, weightDecay,
        logitScale, imageSize, maxShift, seed);
  }

  public JointTrainingConfig withBatchSize(int n) {
    return new JointTrainingConfig(epochs, n, learningRate, finalLearningRate, weightDecay,
        logitScale, imageSize, maxShift, seed);
  }
}
