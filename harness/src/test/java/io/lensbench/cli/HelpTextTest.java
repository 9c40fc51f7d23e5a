package io.lensbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Every command's and subcommand's help reads as whole sentences: each description element
 * (command, option, parameter, footer) starts a sentence and ends one (with '.', '!', '?' or ':',
 * then optionally closing quotes or brackets), and the rendered help at 80 and 120 columns breaks
 * lines only between words — each element, with the wrapped lines joined, appears in it intact.
 */
class HelpTextTest {
  private static final Pattern ENDS_A_SENTENCE = Pattern.compile(".*[.!?:][\"')\\]]*");
  private static final Pattern STARTS_A_SENTENCE = Pattern.compile("[A-Z0-9\"'`(<*-].*", Pattern.DOTALL);

  @Test
  void everyDescriptionElementIsWholeSentences() {
    List<String> problems = new ArrayList<>();
    for (CommandLine cl : commands(Main.commandLine())) {
      for (String[] element : elements(cl.getCommandSpec())) {
        String text = element[1].strip();
        if (!ENDS_A_SENTENCE.matcher(text).matches() || !STARTS_A_SENTENCE.matcher(text).matches()) {
          problems.add(element[0] + ": \"" + text + "\"");
        }
      }
    }
    assertEquals(List.of(), problems, "description elements that do not start and end a sentence");
  }

  @Test
  void renderedHelpBreaksLinesOnlyBetweenWords() {
    List<String> problems = new ArrayList<>();
    for (int width : new int[] {80, 120}) {
      for (CommandLine cl : commands(Main.commandLine())) {
        cl.setUsageHelpWidth(width);
        String help = normalise(cl.getUsageMessage(CommandLine.Help.Ansi.OFF));
        for (String[] element : elements(cl.getCommandSpec())) {
          if (!help.contains(normalise(element[1]))) {
            problems.add(width + " columns, " + element[0] + ": \"" + element[1] + "\" is cut in\n" + cl.getUsageMessage(CommandLine.Help.Ansi.OFF));
          }
        }
      }
    }
    assertEquals(List.of(), problems);
  }

  @Test
  void everyCommandIsWalked() {
    List<String> names = commands(Main.commandLine()).stream().map(cl -> cl.getCommandSpec().qualifiedName()).toList();
    for (String name : List.of("lensbench regress", "lensbench site", "lensbench stores up", "lensbench datasets build",
        "lensbench train joint", "lensbench help")) {
      assertTrue(names.contains(name), name + " in " + names);
    }
  }

  /** The command and every subcommand, depth first. */
  static List<CommandLine> commands(CommandLine root) {
    List<CommandLine> out = new ArrayList<>();
    out.add(root);
    root.getSubcommands().values().stream().distinct().forEach(sub -> out.addAll(commands(sub)));
    return out;
  }

  /** [where, text] for every description element of a command: its own, its options', its parameters', its footer. */
  private static List<String[]> elements(CommandSpec spec) {
    List<String[]> out = new ArrayList<>();
    String name = spec.qualifiedName();
    for (String d : spec.usageMessage().description()) {
      out.add(new String[] {name, d.replace("%n", " ")}); // picocli's own help command formats with %n
    }
    List<ArgSpec> args = new ArrayList<>(spec.options());
    args.addAll(spec.positionalParameters());
    for (ArgSpec a : args) {
      if (a.hidden()) {
        continue;
      }
      for (String d : a.description()) {
        out.add(new String[] {name + " " + a.paramLabel() + (a.isOption() ? " " + ((CommandLine.Model.OptionSpec) a).longestName() : ""), d});
      }
    }
    for (String f : spec.usageMessage().footer()) {
      out.add(new String[] {name + " footer", f});
    }
    return out;
  }

  /** Whitespace runs (wrapped lines and their indentation included) as one space. */
  private static String normalise(String s) {
    return s.replaceAll("\\s+", " ").strip();
  }
}
