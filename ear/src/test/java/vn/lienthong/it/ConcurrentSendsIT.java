package vn.lienthong.it;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.lienthong.it.Api.NOI_VU;
import static vn.lienthong.it.Api.VP;
import static vn.lienthong.it.Api.XUAN_HA;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Many clerks sending at once: every send lands exactly once in every recipient inbox. */
class ConcurrentSendsIT {
  /** Each document is signed and issued first (about a second of CPU each): 300, not 1000. */
  private static final int SENDS = 300;

  private static final int CLIENTS = 16;
  private static final List<String> RECIPIENTS = List.of(VP, NOI_VU, XUAN_HA);
  private static final Map<String, String> CLERKS =
      Map.of(VP, "vanthu.vp", NOI_VU, "vanthu.nv", XUAN_HA, "vanthu.xuanha");

  private final Api api = TestServer.api();

  @Test
  void parallelSendsToThreeUnitsMakeExactlyOneInboxEntryEach() throws Exception {
    byte[] pdf = TestPdf.of(10_000, "Song song");
    Set<UUID> sent = ConcurrentHashMap.newKeySet();
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    try {
      List<Future<UUID>> issued =
          java.util.stream.IntStream.range(0, SENDS)
              .mapToObj(i -> pool.submit(() -> api.issued("vanthu.ubnd", pdf)))
              .toList();
      List<UUID> ready = new java.util.ArrayList<>();
      for (Future<UUID> f : issued) {
        ready.add(f.get());
      }
      assertConsecutiveNumbers(ready);
      List<Future<?>> futures =
          ready.stream()
              .<Future<?>>map(
                  id ->
                      pool.submit(
                          () -> {
                            Api.Answer a = api.send("vanthu.ubnd", id, RECIPIENTS);
                            assertThat(a.status()).as(a.body()).isEqualTo(202);
                            sent.add(id);
                          }))
              .toList();
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    assertThat(sent).hasSize(SENDS);

    Await.until(
        Duration.ofMinutes(3),
        "all deliveries",
        () ->
            RECIPIENTS.stream()
                .allMatch(r -> Inboxes.occurrences(api, CLERKS.get(r), sent).size() == SENDS));
    for (String recipient : RECIPIENTS) {
      Map<UUID, Integer> seen = Inboxes.occurrences(api, CLERKS.get(recipient), sent);
      assertThat(seen.keySet()).isEqualTo(sent);
      assertThat(seen.values()).allMatch(n -> n == 1);
    }
    assertThat(
            TestServer.count(
                "SELECT count(*) FROM delivery d JOIN outgoing_document o ON o.id = d.document_id"
                    + " WHERE o.unit_code = '000.00.31.H17' AND d.status = 'ARRIVED'"))
        .isGreaterThanOrEqualTo(3L * SENDS);
  }

  /**
   * The outgoing register under concurrency (Decree 30 art. 15: continuous from 01): the parallel
   * issuances took distinct consecutive numbers, and an issuance that fails takes none.
   */
  private void assertConsecutiveNumbers(List<UUID> issued) {
    java.util.SortedSet<Integer> numbers = new java.util.TreeSet<>();
    for (UUID id : issued) {
      numbers.add(api.get("vanthu.ubnd", "api/v1/documents/" + id).json().getInt("registerNumber"));
    }
    assertThat(numbers).as("distinct").hasSize(issued.size());
    assertThat(numbers.last() - numbers.first()).as("no gaps").isEqualTo(issued.size() - 1);
    // not signed by the leader: refused, and no number is used up
    UUID unsigned = api.draft("vanthu.ubnd", TestPdf.of(1_000, "Chua ky"));
    assertThat(api.postJson("vanthu.ubnd", "api/v1/documents/" + unsigned + "/issue", "").status())
        .isEqualTo(409);
    UUID next = api.issued("vanthu.ubnd", TestPdf.of(1_000, "Tiep theo"));
    assertThat(api.get("vanthu.ubnd", "api/v1/documents/" + next).json().getInt("registerNumber"))
        .isEqualTo(numbers.last() + 1);
  }
}
