package vn.lienthong.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for the upload-limit tests: they need to see the answer while the
 * body is not (yet) sent, which java.net.http cannot do (it waits on Expect: 100-continue).
 */
final class RawHttp {
  private RawHttp() {}

  /** Writes the head, then the body from a second thread; returns the answer. */
  static Api.Answer post(URI base, String path, Map<String, String> headers, InputStream body) {
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(60_000);
      OutputStream out = socket.getOutputStream();
      StringBuilder head = new StringBuilder("POST /" + path + " HTTP/1.1\r\n");
      head.append("Host: ")
          .append(base.getHost())
          .append(':')
          .append(base.getPort())
          .append("\r\n");
      headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
      head.append("\r\n");
      out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      Thread writer = null;
      if (body != null) {
        writer =
            new Thread(
                () -> {
                  try (body) {
                    body.transferTo(out);
                    out.flush();
                  } catch (IOException e) {
                    // the server stopped reading and closed: expected past the limit
                  }
                });
        writer.setDaemon(true);
        writer.start();
      }
      return read(socket.getInputStream());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An answer with its headers (names in lower case). */
  record Answer(int status, String contentType, Map<String, String> headers, String body) {
    boolean isProblem() {
      return contentType != null && contentType.startsWith("application/problem+json");
    }
  }

  /** A small POST from a chosen local address (127.0.0.2...), as another client would make it. */
  static Answer postFrom(
      String localAddress, URI base, String path, Map<String, String> headers, byte[] body) {
    return sendFrom("POST", localAddress, base, path, headers, body);
  }

  /** A GET from a chosen local address. */
  static Answer getFrom(String localAddress, URI base, String path, Map<String, String> headers) {
    return sendFrom("GET", localAddress, base, path, headers, new byte[0]);
  }

  private static Answer sendFrom(
      String method,
      String localAddress,
      URI base,
      String path,
      Map<String, String> headers,
      byte[] body) {
    try (Socket socket = new Socket()) {
      socket.bind(new java.net.InetSocketAddress(localAddress, 0));
      socket.connect(new java.net.InetSocketAddress(base.getHost(), base.getPort()), 5_000);
      socket.setSoTimeout(60_000);
      StringBuilder head = new StringBuilder(method + " /" + path + " HTTP/1.1\r\n");
      head.append("Host: ")
          .append(base.getHost())
          .append(':')
          .append(base.getPort())
          .append("\r\n");
      headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
      head.append("Content-Length: ").append(body.length).append("\r\nConnection: close\r\n\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.write(body);
      out.flush();
      return readFull(socket.getInputStream());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Api.Answer read(InputStream in) throws IOException {
    Answer a = readFull(in);
    return new Api.Answer(a.status(), a.contentType(), a.body());
  }

  static Answer readFull(InputStream in) throws IOException {
    String status = line(in);
    Map<String, String> all = new java.util.LinkedHashMap<>();
    int code = Integer.parseInt(status.split(" ")[1]);
    String contentType = null;
    int length = -1;
    boolean chunked = false;
    for (String h = line(in); !h.isEmpty(); h = line(in)) {
      int colon = h.indexOf(':');
      String name = h.substring(0, colon).trim().toLowerCase();
      String value = h.substring(colon + 1).trim();
      all.put(name, value);
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
    }
    return new Answer(code, contentType, all, body.toString(StandardCharsets.UTF_8));
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
