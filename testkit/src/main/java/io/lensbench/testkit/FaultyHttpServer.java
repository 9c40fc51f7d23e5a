package io.lensbench.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * A FAKE HTTP/1.1 server on a raw socket (127.0.0.1, ephemeral port) that misbehaves in ways a
 * well-behaved server library cannot: it sends a 200 status and headers and then stalls without
 * finishing the body, or sends a body that never ends. Each connection gets the behaviour the
 * script gives for its index (0, 1, ...); {@link Behaviour#answer} responds normally. It counts
 * the connections the client dropped, which proves that the client let go.
 */
public final class FaultyHttpServer implements AutoCloseable {
  /** What one connection does after reading the request. */
  public sealed interface Behaviour permits Stall, Endless, Answer {
    /** Status line and headers (Content-Length 1000), one byte of body, then silence. */
    static Behaviour stallAfterHeaders() {
      return new Stall();
    }

    /** Status line, chunked headers, then body bytes forever until the client drops. */
    static Behaviour endlessBody() {
      return new Endless();
    }

    /** A complete 200 response with this JSON body. */
    static Behaviour answer(String json) {
      return new Answer(json);
    }
  }

  record Stall() implements Behaviour {}

  record Endless() implements Behaviour {}

  record Answer(String json) implements Behaviour {}

  private final ServerSocket socket;
  private final IntFunction<Behaviour> script;
  private final AtomicInteger connections = new AtomicInteger();
  private final AtomicInteger dropped = new AtomicInteger();
  private final Thread acceptor;

  public FaultyHttpServer(IntFunction<Behaviour> script) throws IOException {
    this.script = script;
    this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.acceptor = new Thread(this::acceptLoop, "faulty-http-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** {@code http://127.0.0.1:PORT/v1}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + socket.getLocalPort() + "/v1";
  }

  public int port() {
    return socket.getLocalPort();
  }

  /** Connections accepted so far. */
  public int connections() {
    return connections.get();
  }

  /** Misbehaving connections the client closed (a stalled or endless response it gave up on). */
  public int dropped() {
    return dropped.get();
  }

  private void acceptLoop() {
    while (!socket.isClosed()) {
      try {
        Socket s = socket.accept();
        int index = connections.getAndIncrement();
        Thread t = new Thread(() -> serve(s, script.apply(index)), "faulty-http-" + index);
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void serve(Socket s, Behaviour b) {
    try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
      readRequest(in);
      if (b instanceof Answer a) {
        byte[] body = a.json().getBytes(StandardCharsets.UTF_8);
        out.write(head("Content-Length: " + body.length + "\r\nConnection: close"));
        out.write(body);
        out.flush();
      } else if (b instanceof Stall) {
        out.write(head("Content-Length: 1000"));
        out.write('{');
        out.flush();
        waitForClose(in);
      } else {
        out.write(head("Transfer-Encoding: chunked"));
        byte[] chunk = ("2000\r\n" + " ".repeat(0x2000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        while (true) {
          out.write(chunk);
          out.flush();
        }
      }
    } catch (IOException e) {
      if (!(b instanceof Answer)) {
        dropped.incrementAndGet(); // the client went away mid-response
      }
    }
  }

  /** Blocks until the client closes the connection; counts it as dropped. */
  private void waitForClose(InputStream in) throws IOException {
    while (in.read() >= 0) {
      // the client sends nothing more; -1 or an exception means it closed
    }
    dropped.incrementAndGet();
  }

  private static byte[] head(String framing) {
    return String.format(Locale.ROOT, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n%s\r\n\r\n",
        framing).getBytes(StandardCharsets.US_ASCII);
  }

  /** Reads the request line, headers and a Content-Length body. */
  private static void readRequest(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int c;
    while ((c = in.read()) >= 0) {
      head.write(c);
      String h = head.toString(StandardCharsets.US_ASCII);
      if (h.endsWith("\r\n\r\n")) {
        long length = contentLength(h);
        for (long i = 0; i < length && in.read() >= 0; i++) {
          // the body is not looked at
        }
        return;
      }
    }
  }

  private static long contentLength(String head) {
    for (String line : head.split("\r\n")) {
      if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        return Long.parseLong(line.substring(line.indexOf(':') + 1).strip());
      }
    }
    return 0;
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
