package io.lensbench.rerank;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A parsed answer compared with the candidate set.
 *
 * @param valid distinct candidate ids in the model's order
 * @param dropped candidates the answer left out, in their original order
 * @param duplicated answer entries repeating an id already listed
 * @param invented answer entries naming no candidate
 * @param malformed whether the answer could not be parsed at all
 */
public record AnswerCheck(List<String> valid, List<String> dropped, int duplicated, int invented,
    boolean malformed) {

  public AnswerCheck {
    valid = List.copyOf(valid);
    dropped = List.copyOf(dropped);
  }

  public boolean complete() {
    return !malformed && dropped.isEmpty();
  }

  public static AnswerCheck of(ParsedAnswer answer, List<String> candidateIds) {
    if (answer.malformed()) {
      return new AnswerCheck(List.of(), candidateIds, 0, 0, true);
    }
    Set<String> known = new HashSet<>(candidateIds);
    Set<String> seen = new LinkedHashSet<>();
    int duplicated = 0;
    int invented = 0;
    for (String id : answer.ids()) {
      if (!known.contains(id)) {
        invented++;
      } else if (!seen.add(id)) {
        duplicated++;
      }
    }
    List<String> dropped = new ArrayList<>();
    for (String id : candidateIds) {
      if (!seen.contains(id)) {
        dropped.add(id);
      }
    }
    return new AnswerCheck(new ArrayList<>(seen), dropped, duplicated, invented, false);
  }
}
