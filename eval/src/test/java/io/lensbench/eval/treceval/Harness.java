package io.lensbench.eval.treceval;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Shared test plumbing: the conformance data folder, the in-process port and the 9.0.4 oracle binary. */
final class Harness {
  private Harness() {
  }

  /** Outcome of one trec_eval invocation. */
  static final class Outcome {
    final int exit;
    final byte[] out;
    final byte[] err;

    Outcome(int exit, byte[] out, byte[] err) {
      this.exit = exit;
      this.out = out;
      this.err = err;
    }

    String out() {
      return new String(out, StandardCharsets.UTF_8);
    }

    String err() {
      return new String(err, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
      return "exit=" + exit + "\n--- stdout (" + out.length + " bytes)\n" + head(out()) + "--- stderr\n"
        + err();
    }

    private static String head(String s) {
      return s.length() > 2000 ? s.substring(0, 2000) + "...\n" : s;
    }
  }

  /**
  * trec_eval's test/ folder (conformance data). System property treceval.tests.dir, else
  * ../shared/trec_eval-tests relative to the module root. Fails (never skips) when absent.
  */
  static Path testsDir() {
    String p = System.getProperty("treceval.tests.dir");
    Path dir = p != null && !p.isBlank() ? Path.of(p) : Path.of("..", "shared", "trec_eval-tests");
    if (!Files.isRegularFile(dir.resolve("out.test"))) {
      fail("trec_eval conformance data not found at " + dir.toAbsolutePath()
        + ": set -Dtreceval.tests.dir=<folder holding trec_eval's test/ files (qrels.test, out.test, ...)>");
    }
    return dir.toAbsolutePath().normalize();
  }

  /** Runs the Java port in-process. */
  static Outcome port(TrecEvalVersion v, String... args) {
    return port(v, null, args);
  }

  static Outcome port(TrecEvalVersion v, byte[] stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    InputStream in = new ByteArrayInputStream(stdin == null ? new byte[0] : stdin);
    try {
      TrecEvalOptions o = TrecEvalOptions.parse(args, v);
      TrecEval.run(o, out, err, in);
      return new Outcome(0, out.toByteArray(), err.toByteArray());
    } catch (TrecEvalException e) {
      err.writeBytes(e.getMessage().getBytes(StandardCharsets.UTF_8));
      return new Outcome(e.exitCode(), out.toByteArray(), err.toByteArray());
    }
  }

  private static Path oracle;

  /**
  * The trec_eval 9.0.4 linux-amd64 binary bundled in jtreceval 0.0.5 (test dependency), extracted once.
  * Fails (never skips) when it cannot be found or run on this machine.
  */
  static synchronized Path oracle() {
    if (oracle != null) {
      return oracle;
    }
    try (InputStream in = Harness.class.getResourceAsStream("/trec_eval-linux-amd64")) {
      if (in == null) {
        fail("trec_eval-linux-amd64 not on the test classpath (jtreceval 0.0.5 test dependency missing)");
      }
      Path dir = Files.createTempDirectory("trec_eval-904");
      Path bin = dir.resolve("trec_eval");
      Files.copy(in, bin, StandardCopyOption.REPLACE_EXISTING);
      if (!bin.toFile().setExecutable(true)) {
        fail("cannot make " + bin + " executable");
      }
      bin.toFile().deleteOnExit();
      dir.toFile().deleteOnExit();
      Outcome v = exec(bin, dir, "-v");
      if (!v.err().contains("9.0.4")) {
        fail("the bundled trec_eval 9.0.4 binary does not run on this machine (linux-amd64 needed): " + v);
      }
      oracle = bin;
      return bin;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Runs the 9.0.4 binary in {@code cwd}. */
  static Outcome binary(Path cwd, String... args) {
    return exec(oracle(), cwd, args);
  }

  private static Outcome exec(Path bin, Path cwd, String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(bin.toString());
    cmd.addAll(Arrays.asList(args));
    try {
      Path out = Files.createTempFile("te-out", ".txt");
      Path err = Files.createTempFile("te-err", ".txt");
      try {
        Process p = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectOutput(out.toFile())
          .redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE).start();
        p.getOutputStream().close();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
          p.destroyForcibly();
          fail("trec_eval 9.0.4 timed out: " + cmd);
        }
        return new Outcome(p.exitValue(), Files.readAllBytes(out), Files.readAllBytes(err));
      } finally {
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
