package io.lensbench.rerank;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lensbench.openai.CallStats;
import io.lensbench.openai.ChatCallException;
import io.lensbench.openai.Usage;

/** Running totals of one query's model calls (stored answers count their original tokens). */
final class CallCost {
  Usage usage = Usage.NONE;
  CallStats stats = CallStats.NONE;
  String error;
  boolean timedOut;

  void add(Usage u, CallStats s) {
    usage = usage.plus(u);
    stats = stats.plus(s);
  }

  void fail(ChatCallException e) {
    stats = stats.plus(e.stats());
    error = e.getMessage();
    timedOut = e.kind() == ChatCallException.Kind.TIMEOUT;
  }

  void addStored(ObjectNode call) {
    usage = usage.plus(new Usage(call.path("promptTokens").asLong(0),
        call.path("completionTokens").asLong(0)));
  }
}
