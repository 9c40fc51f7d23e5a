package io.lensbench.encoders;

import ai.djl.engine.Engine;
import io.lensbench.core.InfrastructureException;

/**
 * Initialises DJL engines in the order that works in one JVM: ONNX Runtime must be initialised
 * through DJL before anything else creates an OrtEnvironment (otherwise DJL fails with
 * "OrtEnvironment already exists").
 */
public final class DjlEngines {
  private DjlEngines() {}

  /** Returns DJL's ONNX Runtime engine, initialising it first if needed. */
  public static Engine onnxRuntime() {
    offline();
    try {
      return Engine.getEngine("OnnxRuntime");
    } catch (RuntimeException e) {
      throw new InfrastructureException(
          "DJL engine 'OnnxRuntime' could not start (expected ai.djl.onnxruntime:onnxruntime-engine"
              + " on the classpath): " + e.getMessage(),
          e);
    }
  }

  /** Returns DJL's PyTorch engine (ONNX Runtime is initialised first). */
  public static Engine pyTorch() {
    onnxRuntime();
    try {
      return Engine.getEngine("PyTorch");
    } catch (RuntimeException e) {
      throw new InfrastructureException(
          "DJL engine 'PyTorch' could not start (expected pytorch-engine 0.35.1 + pytorch-native-cpu"
              + " 2.7.1 linux-x86_64 + pytorch-jni 2.7.1-0.35.1, offline): " + e.getMessage(),
          e);
    }
  }

  private static void offline() {
    if (System.getProperty("ai.djl.offline") == null) {
      System.setProperty("ai.djl.offline", "true");
    }
  }
}
