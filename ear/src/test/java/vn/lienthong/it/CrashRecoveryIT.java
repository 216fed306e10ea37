package vn.lienthong.it;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.lienthong.it.Api.AN_KHE;
import static vn.lienthong.it.Api.THAC_GIAN;
import static vn.lienthong.it.Api.TU_PHAP;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import vn.lienthong.server.LocalServer;

/**
 * The server is killed with SIGKILL while clerks are sending, then started again on the same
 * database and broker journal: every send it had acknowledged ends in each recipient's inbox
 * exactly once.
 */
class CrashRecoveryIT {
  private static final List<String> RECIPIENTS = List.of(TU_PHAP, AN_KHE, THAC_GIAN);
  private static final Map<String, String> CLERKS =
      Map.of(TU_PHAP, "vanthu.tp", AN_KHE, "vanthu.ankhe", THAC_GIAN, "vanthu.thacgian");
  private static final int CLIENTS = 8;

  private final Api api = TestServer.api();

  @Test
  void acknowledgedSendsSurviveAHardKill() throws Exception {
    LocalServer server = TestServer.get();
    byte[] pdf = TestPdf.of(50_000, "Truoc su co");
    Set<UUID> acknowledged = ConcurrentHashMap.newKeySet();
    AtomicBoolean running = new AtomicBoolean(true);
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    for (int i = 0; i < CLIENTS; i++) {
      pool.submit(
          () -> {
            while (running.get()) {
              try {
                UUID id = api.issued("vanthu.vp", pdf);
                if (api.send("vanthu.vp", id, RECIPIENTS).status() == 202) {
                  acknowledged.add(id);
                }
              } catch (RuntimeException | AssertionError e) {
                // the server went away mid-request: this send was not acknowledged
              }
            }
          });
    }
    Await.until(Duration.ofMinutes(2), "sends in flight", () -> acknowledged.size() >= 60);
    server.kill();
    running.set(false);
    pool.shutdown();
    assertThat(pool.awaitTermination(2, TimeUnit.MINUTES)).isTrue();

    server.startServer();

    Await.until(
        Duration.ofMinutes(3),
        "every acknowledged send delivered",
        () ->
            RECIPIENTS.stream()
                .allMatch(
                    r ->
                        Inboxes.occurrences(api, CLERKS.get(r), acknowledged).size()
                            == acknowledged.size()));
    for (String recipient : RECIPIENTS) {
      Map<UUID, Integer> seen = Inboxes.occurrences(api, CLERKS.get(recipient), acknowledged);
      assertThat(seen.keySet()).isEqualTo(acknowledged);
      assertThat(seen.values()).as("deliveries per document").allMatch(n -> n == 1);
    }
  }
}
