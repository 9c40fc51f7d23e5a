package io.lensbench.openai;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One HTTP exchange with a deadline that covers the whole response — headers and body — and a
 * cap on the body: {@code HttpRequest.timeout} alone stops at the headers, so a server that sends
 * them and then stalls, or sends an endless body, would hold the caller (and its concurrency
 * permit) forever. At the deadline the exchange is cancelled and its connection dropped.
 */
public final class BoundedHttp {
  /** A complete response: status, headers and the body as UTF-8 text. */
  public record Response(int status, HttpHeaders headers, String body) {}

  /** The response body was longer than the cap (the connection is dropped). */
  public static final class BodyTooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    BodyTooLargeException(String message) {
      super(message);
    }
  }

  private BoundedHttp() {}

  /**
   * Sends {@code request} and reads the whole response within {@code deadline}.
   *
   * @throws HttpTimeoutException when the response is not complete by the deadline
   * @throws BodyTooLargeException when the body exceeds {@code maxBodyBytes}
   * @throws IOException for any other transport failure (e.g. {@link java.net.ConnectException})
   */
  public static Response send(HttpClient http, HttpRequest request, Duration deadline,
      int maxBodyBytes) throws IOException, InterruptedException {
    AtomicReference<CappedBody> body = new AtomicReference<>();
    CompletableFuture<HttpResponse<byte[]>> f = http.sendAsync(request, info -> {
      CappedBody b = new CappedBody(maxBodyBytes);
      body.set(b);
      return b;
    });
    try {
      HttpResponse<byte[]> r = f.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
      return new Response(r.statusCode(), r.headers(), new String(r.body(), StandardCharsets.UTF_8));
    } catch (TimeoutException e) {
      cancel(f, body.get());
      throw new HttpTimeoutException(String.format(Locale.ROOT,
          "no response within %d ms (the deadline covers headers and body)", deadline.toMillis()));
    } catch (InterruptedException e) {
      cancel(f, body.get());
      throw e;
    } catch (ExecutionException e) {
      throw unwrap(e);
    }
  }

  private static void cancel(CompletableFuture<?> f, CappedBody body) {
    f.cancel(true);
    if (body != null) {
      body.cancel();
    }
  }

  private static IOException unwrap(ExecutionException e) {
    Throwable c = e.getCause();
    while (c instanceof CompletionException && c.getCause() != null) {
      c = c.getCause();
    }
    if (c instanceof IOException io) {
      return io;
    }
    return new IOException(String.valueOf(c), c);
  }

  /** Collects a body up to a cap; past it, cancels the subscription and fails. */
  private static final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
    private final int max;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final AtomicReference<Flow.Subscription> subscription = new AtomicReference<>();

    CappedBody(int max) {
      this.max = max;
    }

    void cancel() {
      Flow.Subscription s = subscription.get();
      if (s != null) {
        s.cancel();
      }
      result.completeExceptionally(new HttpTimeoutException("cancelled at the deadline"));
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription.set(s);
      s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
      if (result.isDone()) {
        return;
      }
      for (ByteBuffer b : items) {
        if (bytes.size() + (long) b.remaining() > max) {
          subscription.get().cancel();
          result.completeExceptionally(new BodyTooLargeException(String.format(Locale.ROOT,
              "expected a response body of at most %,d bytes, found a longer one", max)));
          return;
        }
        byte[] chunk = new byte[b.remaining()];
        b.get(chunk);
        bytes.writeBytes(chunk);
      }
    }

    @Override
    public void onError(Throwable t) {
      result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
      result.complete(bytes.toByteArray());
    }
  }
}
