package io.lensbench.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Built-in scripts that answer LensBench rerank prompts without a model, by echoing the
 * candidate ids listed in the prompt's {@code "Candidate ids: a, b, c."} line.
 */
public final class FakeScripts {
  private static final Pattern IDS = Pattern.compile("Candidate ids: ([^\\n]*?)\\. Answer");

  private FakeScripts() {}

  /** Candidate ids in the order the prompt listed them, or empty when there is no such line. */
  public static List<String> candidateIds(FakeRequest req) {
    Matcher m = IDS.matcher(req.allText());
    List<String> ids = new ArrayList<>();
    if (m.find()) {
      for (String id : m.group(1).split(", ")) {
        ids.add(id.strip());
      }
    }
    return ids;
  }

  /** Echoes the candidates in their given order (a "perfect" answer that changes nothing). */
  public static Function<FakeRequest, FakeReply> echo() {
    return req -> FakeReply.answer(rankingJson(candidateIds(req)));
  }

  /**
   * The seed's behaviour: echoes the candidates reversed but silently leaves out the one at
   * {@code position} of the given order (9 in, 8 out). Feedback turns get the full list.
   * Caption requests (no candidate line) get a fixed caption.
   */
  public static Function<FakeRequest, FakeReply> reverseDroppingOne(int position) {
    return req -> {
      List<String> ids = candidateIds(req);
      if (ids.isEmpty()) {
        return FakeReply.answer("A product photo (caption from the fake endpoint).");
      }
      List<String> out = new ArrayList<>(ids);
      java.util.Collections.reverse(out);
      if (req.messageCount() <= 2 && position < ids.size()) {
        out.remove(ids.get(position));
      }
      return FakeReply.answer(rankingJson(out));
    };
  }

  static String rankingJson(List<String> ids) {
    StringBuilder sb = new StringBuilder("{\"ranking\":[");
    for (int i = 0; i < ids.size(); i++) {
      sb.append(i == 0 ? "" : ",").append('"').append(ids.get(i).replace("\"", "")).append('"');
    }
    return sb.append("],\"reason\":\"fake endpoint\"}").toString();
  }
}
