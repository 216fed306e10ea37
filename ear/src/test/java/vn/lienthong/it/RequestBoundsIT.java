package vn.lienthong.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Request bodies held to what each call needs: a JSON call's body past 256 KiB is refused before it
 * is parsed, and a client that stops sending in the middle of its body is cut off by the read
 * timeout instead of holding a worker thread.
 */
class RequestBoundsIT {
  private final Api api = TestServer.api();

  @Test
  void aJsonBodyPastWhatAnyCallNeedsIsRefused() {
    String big = "{\"documents\": [\"" + "0".repeat(300 * 1024) + "\"]}";
    Api.Answer a = api.postJson("lanhdao.tp", "api/v1/signing-sessions", big);
    assertThat(a.status()).isEqualTo(413);
    assertThat(a.isProblem()).isTrue();
    assertThat(a.body()).contains("Nội dung yêu cầu vượt quá 256 KiB");
    // a body of ordinary size on the same call is read (and refused for what it says)
    assertThat(api.postJson("lanhdao.tp", "api/v1/signing-sessions", "{}").status()).isEqualTo(400);
  }

  @Test
  void aStalledUploadIsCutOffByTheReadTimeout() throws Exception {
    URI base = TestServer.get().baseUri();
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress("127.0.0.6", 0)); // its own verification budget
      socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5_000);
      // three times the server's read timeout: past that, the server kept waiting
      socket.setSoTimeout(3 * TestServer.READ_TIMEOUT_MS);
      String head =
          "POST /api/v1/verifications HTTP/1.1\r\nHost: localhost\r\n"
              + "Content-Type: multipart/form-data; boundary=xx\r\n"
              + "Content-Length: 100000\r\n\r\n"
              + "--xx\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n"
              + "Content-Type: application/pdf\r\n\r\n%PDF-1.7\n";
      OutputStream out = socket.getOutputStream();
      out.write(head.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      // then nothing more: the server must close the connection, with or without an answer
      InputStream in = socket.getInputStream();
      try {
        while (in.read() >= 0) {
          // an error answer, if any, before the close
        }
      } catch (SocketTimeoutException e) {
        throw new AssertionError("the server still waits for the stalled upload", e);
      } catch (java.net.SocketException closed) {
        // reset by the server: cut off too
      }
    }
    // and it serves others as before
    assertThat(api.get("vanthu.tp", "api/v1/units").status()).isEqualTo(200);
  }
}
