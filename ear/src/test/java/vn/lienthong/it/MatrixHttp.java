package vn.lienthong.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/1.1 over a socket bound to a local address of its own (127.0.0.5), one connection a call:
 * the authorization matrix's calls count against that client's rate limits (public verification,
 * the login throttle), not against the budget the other tests spend from 127.0.0.1.
 */
final class MatrixHttp {
  static final String FROM = "127.0.0.5";

  private final URI base;

  MatrixHttp(URI base) {
    this.base = base;
  }

  /** A request: the path is relative to the server root (api/v1/...), the body may be null. */
  record Request(String method, String path, String contentType, byte[] body) {
    static Request of(String method, String path) {
      return new Request(method, path, null, null);
    }

    static Request json(String method, String path, String json) {
      return new Request(method, path, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }
  }

  record Answer(int status, String contentType, String body) {}

  /** Sends the request, with HTTP Basic for {@code user} unless it is null (anonymous). */
  Answer send(String user, Request r) {
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress(FROM, 0));
      socket.connect(new InetSocketAddress("127.0.0.1", base.getPort()), 5_000);
      socket.setSoTimeout(120_000);
      byte[] body = r.body() == null ? new byte[0] : r.body();
      StringBuilder head = new StringBuilder(r.method() + " /" + r.path() + " HTTP/1.1\r\n");
      head.append("Host: ").append(base.getHost()).append(':').append(base.getPort());
      head.append("\r\nConnection: close\r\nContent-Length: ").append(body.length).append("\r\n");
      if (r.contentType() != null) {
        head.append("Content-Type: ").append(r.contentType()).append("\r\n");
      }
      if (user != null) {
        head.append("Authorization: ").append(Api.auth(user)).append("\r\n");
      }
      head.append("\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.write(body);
      out.flush();
      return read(socket.getInputStream());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Answer read(InputStream in) throws IOException {
    int status = Integer.parseInt(line(in).split(" ")[1]);
    String contentType = null;
    int length = -1;
    boolean chunked = false;
    for (String h = line(in); !h.isEmpty(); h = line(in)) {
      int colon = h.indexOf(':');
      String name = h.substring(0, colon).trim().toLowerCase(java.util.Locale.ROOT);
      String value = h.substring(colon + 1).trim();
      switch (name) {
        case "content-type" -> contentType = value;
        case "content-length" -> length = Integer.parseInt(value);
        case "transfer-encoding" -> chunked = value.equalsIgnoreCase("chunked");
        default -> {}
      }
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    if (chunked) {
      for (int size = Integer.parseInt(line(in).trim(), 16);
          size > 0;
          size = Integer.parseInt(line(in).trim(), 16)) {
        body.write(in.readNBytes(size));
        line(in);
      }
    } else if (length >= 0) {
      body.write(in.readNBytes(length));
    } else {
      in.transferTo(body); // Connection: close ends the body
    }
    return new Answer(status, contentType, body.toString(StandardCharsets.UTF_8));
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) {
        throw new IOException("connection closed before the answer ended");
      }
      if (c != '\r') {
        b.write(c);
      }
    }
    return b.toString(StandardCharsets.ISO_8859_1);
  }
}
