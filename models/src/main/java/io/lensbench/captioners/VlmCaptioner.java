package io.lensbench.captioners;

import io.lensbench.core.Hashing;
import io.lensbench.openai.CallStats;
import io.lensbench.openai.ChatCallException;
import io.lensbench.openai.ChatMessage;
import io.lensbench.openai.ChatRequest;
import io.lensbench.openai.ChatResponse;
import io.lensbench.openai.ContentPart;
import io.lensbench.openai.OpenAiChatClient;
import io.lensbench.openai.Usage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Image → caption through a vision-language model behind an OpenAI-compatible chat endpoint.
 * The prompt is configurable; the default asks for a short product "image summary" (type,
 * colours, pattern, material, visible text, gender/usage cues). Captions are plain text; the
 * caller caches them (key: {@link #id()} + image hash).
 */
public final class VlmCaptioner implements Captioner {

  /** Default prompt, in the style of an "image summary" prompt. */
  public static final String DEFAULT_PROMPT =
      "Summarise this product image for a search index in one or two sentences: say what the "
          + "item is (article type), its main colours, pattern, material and style, any visible "
          + "brand or text, and who it is for if that is visible. Describe only what you see; "
          + "no preamble.";

  private final OpenAiChatClient client;
  private final String prompt;
  private final int maxTokens;
  private final ExecutorService pool;

  public VlmCaptioner(OpenAiChatClient client) {
    this(client, DEFAULT_PROMPT, 160);
  }

  /**
   * @param client the chat client (not closed by this captioner: the caller owns it)
   * @param prompt instruction sent with every image
   * @param maxTokens completion token limit per caption
   */
  public VlmCaptioner(OpenAiChatClient client, String prompt, int maxTokens) {
    this.client = client;
    this.prompt = prompt == null || prompt.isBlank() ? DEFAULT_PROMPT : prompt;
    this.maxTokens = maxTokens;
    this.pool = Executors.newFixedThreadPool(client.config().maxConcurrency(), r -> {
      Thread t = new Thread(r, "vlm-captioner");
      t.setDaemon(true);
      return t;
    });
  }

  /** One caption with its cost. */
  public record Caption(String text, Usage usage, CallStats stats) {}

  @Override
  public String id() {
    return "vlm:" + client.config().model() + ":" + promptHash().substring(0, 12);
  }

  /** SHA-256 of the prompt (part of cache keys). */
  public String promptHash() {
    return Hashing.sha256Hex(prompt);
  }

  /** Decoding parameters in canonical form (part of cache keys). */
  public String decodingParams() {
    return "temperature=0;max_tokens=" + maxTokens;
  }

  /**
   * Captions one image.
   *
   * @throws ChatCallException when the endpoint gave no answer (timeout, HTTP error)
   */
  public Caption describe(Path image) {
    ChatRequest req = new ChatRequest(
        List.of(ChatMessage.user(List.of(ContentPart.text(prompt), ContentPart.imageFile(image)))),
        null, null, 0.0, maxTokens);
    ChatResponse r = client.complete(req);
    return new Caption(r.content().strip(), r.usage(), r.stats());
  }

  /**
   * Captions images in order, up to the endpoint's maxConcurrency at once.
   *
   * @throws io.lensbench.core.InfrastructureException naming the image when a call fails
   */
  @Override
  public List<String> caption(List<Path> images) {
    List<Future<Caption>> futures = new ArrayList<>(images.size());
    for (Path p : images) {
      futures.add(pool.submit(() -> describe(p)));
    }
    List<String> out = new ArrayList<>(images.size());
    for (int i = 0; i < images.size(); i++) {
      try {
        out.add(futures.get(i).get().text());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        futures.forEach(f -> f.cancel(true));
        throw new io.lensbench.core.InfrastructureException("interrupted while captioning", e);
      } catch (ExecutionException e) {
        futures.forEach(f -> f.cancel(true));
        Throwable c = e.getCause();
        if (c instanceof ChatCallException cce) {
          throw new ChatCallException(cce.kind(), cce.status(), cce.stats(), String.format(
              Locale.ROOT, "captioning image %s with %s failed: %s", images.get(i), id(),
              cce.getMessage()));
        }
        if (c instanceof RuntimeException re) {
          throw re;
        }
        throw new IllegalStateException(c);
      }
    }
    return out;
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
