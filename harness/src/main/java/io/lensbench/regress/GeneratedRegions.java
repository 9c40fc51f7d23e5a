package io.lensbench.regress;

import io.lensbench.core.BadInputException;
import io.lensbench.eval.run.RunJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The generated regions of README.md and docs/*.md: text between
 * {@code <!-- BEGIN GENERATED: <name> from=<expected file> [stores=a,b] [strategies=..]
 * [querySets=..] [metrics=..] -->} and {@code <!-- END GENERATED: <name> -->} is a
 * {@link ResultsTable} of the named expected file (path relative to the project root); markers
 * inside fenced code blocks are examples and stay as they are. Tables of
 * results are never typed by hand: {@code lensbench regress --update} and {@code --tables}
 * rewrite them, and a test fails when a region differs from what its file generates.
 */
public final class GeneratedRegions {
  private static final Pattern BEGIN = Pattern.compile("<!-- BEGIN GENERATED: ([a-z0-9-]+)((?: [a-zA-Z]+=[^ ]+)*) -->");
  private static final String END = "<!-- END GENERATED: %s -->";

  private GeneratedRegions() {}

  /** README.md and every docs/*.md of the project, those that exist. */
  public static List<Path> documents(Path root) {
    List<Path> out = new ArrayList<>();
    if (Files.isRegularFile(root.resolve("README.md"))) {
      out.add(root.resolve("README.md"));
    }
    Path docs = root.resolve("docs");
    if (Files.isDirectory(docs)) {
      try (Stream<Path> s = Files.list(docs)) {
        s.filter(p -> p.getFileName().toString().endsWith(".md")).sorted().forEach(out::add);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list " + docs, e);
      }
    }
    return out;
  }

  /** The document's text with every region regenerated; bad input naming the line of a broken region. */
  public static String regenerate(Path root, Path doc, String text) {
    StringBuilder out = new StringBuilder();
    Matcher m = BEGIN.matcher(text);
    List<int[]> fences = fences(text);
    int pos = 0;
    while (m.find(pos)) {
      int at = m.start();
      if (fences.stream().anyMatch(f -> f[0] <= at && at < f[1])) {
        out.append(text, pos, m.end()); // an example of the syntax in a code block, not a region
        pos = m.end();
        continue;
      }
      String name = m.group(1);
      String where = String.format(Locale.ROOT, "%s line %d: region '%s'", root.relativize(doc.toAbsolutePath()),
          lineOf(text, m.start()), name);
      String end = String.format(Locale.ROOT, END, name);
      int endAt = text.indexOf(end, m.end());
      if (endAt < 0) {
        throw new BadInputException(where + ": expected a closing " + end + ", found none");
      }
      out.append(text, pos, m.end()).append('\n').append(table(root, doc, params(m.group(2), where), where)).append(end);
      pos = endAt + end.length();
    }
    return out.append(text.substring(pos)).toString();
  }

  /** Rewrites every document whose regions changed; returns those rewritten. */
  public static List<Path> writeAll(Path root) {
    List<Path> changed = new ArrayList<>();
    for (Path doc : documents(root)) {
      String text = read(doc);
      String now = regenerate(root, doc, text);
      if (!now.equals(text)) {
        RunJson.writeString(doc, now);
        changed.add(doc);
      }
    }
    return changed;
  }

  /** The documents whose regions differ from what their expected files generate. */
  public static List<Path> stale(Path root) {
    return documents(root).stream().filter(d -> !regenerate(root, d, read(d)).equals(read(d))).toList();
  }

  static String read(Path doc) {
    try {
      return Files.readString(doc);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + doc, e);
    }
  }

  private static String table(Path root, Path doc, Map<String, String> p, String where) {
    String from = p.get("from");
    if (from == null) {
      throw new BadInputException(where + ": expected from=<expected file>, found none");
    }
    Path file = root.resolve(from).normalize();
    if (!file.startsWith(root.normalize())) {
      throw new BadInputException(where + ": expected an expected file inside the project, found " + from);
    }
    ResultsTable t = new ResultsTable(list(p, "stores"), list(p, "strategies"), list(p, "querySets"), list(p, "metrics"));
    String link = doc.toAbsolutePath().getParent().relativize(file.toAbsolutePath()).toString().replace('\\', '/');
    return t.render(ExpectedFile.read(file), where, link);
  }

  private static Map<String, String> params(String text, String where) {
    Map<String, String> p = new LinkedHashMap<>();
    for (String kv : text.trim().split(" +")) {
      if (kv.isEmpty()) {
        continue;
      }
      String[] x = kv.split("=", 2);
      if (!List.of("from", "stores", "strategies", "querySets", "metrics").contains(x[0])) {
        throw new BadInputException(where + ": expected from, stores, strategies, querySets or metrics, found '" + x[0] + "'");
      }
      p.put(x[0], x[1]);
    }
    return p;
  }

  private static List<String> list(Map<String, String> p, String key) {
    return p.containsKey(key) ? Arrays.asList(p.get(key).split(",")) : List.of();
  }

  /** [start, end) of every fenced code block (between lines starting with ```). */
  private static List<int[]> fences(String text) {
    List<int[]> out = new ArrayList<>();
    int open = -1;
    int lineStart = 0;
    while (lineStart < text.length()) {
      int nl = text.indexOf('\n', lineStart);
      int lineEnd = nl < 0 ? text.length() : nl + 1;
      if (text.startsWith("```", lineStart)) {
        if (open < 0) {
          open = lineStart;
        } else {
          out.add(new int[] {open, lineEnd});
          open = -1;
        }
      }
      lineStart = lineEnd;
    }
    return out;
  }

  private static int lineOf(String text, int offset) {
    int line = 1;
    for (int i = 0; i < offset; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }
}
