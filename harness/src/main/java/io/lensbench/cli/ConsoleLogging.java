package io.lensbench.cli;

import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * What libraries may print on the console. By default only LensBench's own log lines appear
 * (simplelogger.properties: every other logger off; java.util.logging, used by gRPC inside the
 * Milvus client, off). The global {@code --verbose} brings every library back at info, with thread
 * and logger names. Must run before anything creates a logger: slf4j-simple reads its
 * configuration once, when the first logger is made.
 */
final class ConsoleLogging {
  static final String VERBOSE = "--verbose";

  private ConsoleLogging() {}

  static void configure(boolean verbose) {
    if (verbose) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "info");
      System.setProperty("org.slf4j.simpleLogger.showThreadName", "true");
      System.setProperty("org.slf4j.simpleLogger.showLogName", "true");
    }
    Logger root = LogManager.getLogManager().getLogger("");
    root.setLevel(verbose ? Level.INFO : Level.OFF);
    for (java.util.logging.Handler h : root.getHandlers()) {
      h.setLevel(verbose ? Level.INFO : Level.OFF);
    }
  }
}
