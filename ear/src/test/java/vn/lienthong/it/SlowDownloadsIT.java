package vn.lienthong.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Readers that take their time do not hold the database: a download is streamed from a local copy
 * of the file, so twenty readers stalled in the middle of a 7 MB document hold no connection in a
 * transaction, and documents keep arriving meanwhile.
 */
class SlowDownloadsIT {
  private static final int READERS = 20;
  private final Api api = TestServer.api();

  @Test
  void stalledReadersHoldNoDatabaseConnectionAndDeliveriesGoOn() throws Exception {
    UUID big = api.draft("vanthu.tckh", TestPdf.of(7_000_000, "Ho so quet lon"));
    URI base = api.base();
    List<Socket> readers = new ArrayList<>();
    try {
      for (int i = 0; i < READERS; i++) {
        readers.add(stalledDownload(base, "api/v1/documents/" + big + "/file"));
      }
      // the server is now writing into full sockets: twenty downloads in the middle of the body
      Thread.sleep(1_000);
      assertThat(
              TestServer.count(
                  "SELECT count(*) FROM pg_stat_activity WHERE state LIKE 'idle in transaction%'"
                      + " AND pid <> pg_backend_pid()"))
          .as("connections held in a transaction while readers stall")
          .isLessThan(3);

      UUID small = api.issued("vanthu.tckh", TestPdf.of(2_000, "Van ban trong luc cho"));
      assertThat(api.send("vanthu.tckh", small, List.of(Api.NOI_VU)).status()).isEqualTo(202);
      Await.until(
          Duration.ofMinutes(1),
          "a delivery while readers stall",
          () -> Inboxes.occurrences(api, "vanthu.nv", Set.of(small)).size() == 1);
    } finally {
      for (Socket s : readers) {
        s.close();
      }
    }
    // a whole download still gives the whole file
    assertThat(api.download("vanthu.tckh", "api/v1/documents/" + big + "/file").length)
        .isGreaterThan(7_000_000);
  }

  /**
   * Asks for the file with a small receive window and reads only the head: the server's writes
   * block once the socket's buffers are full.
   */
  private static Socket stalledDownload(URI base, String path) throws IOException {
    Socket s = new Socket();
    s.setReceiveBufferSize(4096);
    s.connect(new java.net.InetSocketAddress(base.getHost(), base.getPort()), 5_000);
    s.setSoTimeout(30_000);
    OutputStream out = s.getOutputStream();
    out.write(
        ("GET /"
                + path
                + " HTTP/1.1\r\nHost: "
                + base.getHost()
                + "\r\nAuthorization: "
                + Api.auth("vanthu.tckh")
                + "\r\n\r\n")
            .getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
    InputStream in = s.getInputStream();
    byte[] head = new byte[512];
    int n = in.read(head);
    assertThat(new String(head, 0, Math.max(0, n), StandardCharsets.ISO_8859_1))
        .startsWith("HTTP/1.1 200");
    return s;
  }
}
