package io.lensbench.openai;

/**
 * The answer of a successful call.
 *
 * @param content {@code choices[0].message.content} (text parts joined when the server sends an
 *     array)
 * @param finishReason {@code choices[0].finish_reason}, e.g. {@code stop} or {@code length}
 * @param usage token counts
 * @param stats attempts, retries, errors and latency of the call
 */
public record ChatResponse(String content, String finishReason, Usage usage, CallStats stats) {}
