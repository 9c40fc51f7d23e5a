package io.lensbench.datasets;

import io.lensbench.core.BadInputException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Collects validation problems so a load reports all of them at once. */
public final class Problems {
  private final List<Problem> list = new ArrayList<>();

  public void add(String file, int line, String recordId, String message) {
    list.add(new Problem(file, line, recordId == null ? "" : recordId, message));
  }

  public void add(Problem p) {
    list.add(p);
  }

  public boolean isEmpty() {
    return list.isEmpty();
  }

  public List<Problem> list() {
    return Collections.unmodifiableList(list);
  }

  /** Throws a {@link BadInputException} listing every problem, when there is any. */
  public void throwIfAny(String what) {
    if (list.isEmpty()) {
      return;
    }
    throw new BadInputException(format(what, list));
  }

  public static String format(String what, List<Problem> problems) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%s: %d problem%s%n", what, problems.size(),
        problems.size() == 1 ? "" : "s"));
    for (Problem p : problems) {
      sb.append("  ").append(p).append(System.lineSeparator());
    }
    sb.append("  (fix the files, or pass --skip-invalid to skip invalid records and list them)");
    return sb.toString();
  }
}
