package vn.lienthong.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.lienthong.server.LocalServer;

/**
 * A delivery that always fails ends in a failed state both units see, with the reason, instead of
 * being published again every sweep; its dead letters are counted, not left on the queue; an
 * administrator retries it once the cause is gone, and it arrives once. On a server of its own: its
 * broker gives up after three quick attempts.
 */
class PoisonDeliveryIT {
  private static final String VINH_TRUNG = "000.29.31.H17";

  @Test
  void aDeliveryThatAlwaysFailsEndsFailedAndVisibleAndIsRetriedByTheAdministrator()
      throws Exception {
    Path dir = OwnServer.fresh("it-poison");
    Map<String, String> env = OwnServer.demoEnv(dir);
    env.put("LIENTHONG_MAX_DELIVERY_ATTEMPTS", "3");
    env.put("LIENTHONG_REDELIVERY_DELAY_MS", "200");
    env.put("LIENTHONG_EXCHANGE_REPUBLISH_AFTER_SECONDS", "3");
    env.put("LIENTHONG_EXCHANGE_FAILED_AFTER_DEAD_LETTERS", "2");

    try (LocalServer server = OwnServer.start(dir, env, true)) {
      Api api = new Api(server.baseUri());
      // Vĩnh Trung's inbox refuses every arrival, whatever the message: a poison delivery
      sql(
          server,
          "CREATE FUNCTION refuse_arrival() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
              + " RAISE EXCEPTION 'hộp thư của đơn vị đang bảo trì'; END; $$",
          "CREATE TRIGGER poison BEFORE UPDATE ON delivery FOR EACH ROW WHEN"
              + " (NEW.recipient_code = '"
              + VINH_TRUNG
              + "' AND NEW.status = 'ARRIVED')"
              + " EXECUTE FUNCTION refuse_arrival()");

      UUID id = api.issued("vanthu.qldt", TestPdf.of(3_000, "Van ban khong chuyen duoc"));
      assertThat(api.send("vanthu.qldt", id, List.of(VINH_TRUNG, Api.NOI_VU)).status())
          .isEqualTo(202);

      JsonObject failed =
          Await.value(
              Duration.ofMinutes(2),
              "the delivery to Vĩnh Trung failed",
              () -> {
                JsonObject r = recipient(api, id, VINH_TRUNG);
                return "FAILED".equals(r.getString("status")) ? r : null;
              });
      assertThat(failed.getString("statusLabel")).isEqualTo("Không chuyển được");
      assertThat(failed.getString("failureReason")).contains("hộp thư của đơn vị đang bảo trì");
      // the other recipient is not held up
      assertThat(recipient(api, id, Api.NOI_VU).getString("status")).isEqualTo("ARRIVED");
      // the recipient sees it too
      assertThat(Inboxes.entry(api, "vanthu.vinhtrung", id).getString("status"))
          .isEqualTo("FAILED");

      // the sweep stops: no more publishing, and the dead letters are counted, the queue empty
      String delivery = failed.getString("deliveryId");
      long attempts =
          count(server, "SELECT publish_attempts FROM delivery WHERE id = '" + delivery + "'");
      Thread.sleep(20_000);
      assertThat(
              count(server, "SELECT publish_attempts FROM delivery WHERE id = '" + delivery + "'"))
          .isEqualTo(attempts);
      assertThat(
              count(
                  server,
                  "SELECT count(*) FROM delivery_failure WHERE kind = 'DEAD_LETTER'"
                      + " AND delivery_id = '"
                      + delivery
                      + "'"))
          .isGreaterThanOrEqualTo(2);

      // only the administrator retries, and only a failed delivery
      assertThat(
              api.postJson("vanthu.qldt", "api/v1/deliveries/" + delivery + "/retry", "").status())
          .isEqualTo(403);
      sql(server, "DROP TRIGGER poison ON delivery");
      Api.Answer retried = api.postJson("admin", "api/v1/deliveries/" + delivery + "/retry", "");
      assertThat(retried.status()).as(retried.body()).isEqualTo(200);
      assertThat(retried.json().getString("status")).isEqualTo("PENDING");
      Await.until(
          Duration.ofMinutes(1),
          "the retried delivery arrives",
          () -> "ARRIVED".equals(recipient(api, id, VINH_TRUNG).getString("status")));
      assertThat(api.postJson("admin", "api/v1/deliveries/" + delivery + "/retry", "").status())
          .isEqualTo(409);
      // once: one inbox entry
      assertThat(Inboxes.occurrences(api, "vanthu.vinhtrung", java.util.Set.of(id)))
          .containsEntry(id, 1);
    }
  }

  private static JsonObject recipient(Api api, UUID id, String code) {
    for (JsonValue v :
        api.get("vanthu.qldt", "api/v1/documents/" + id + "/trace")
            .json()
            .getJsonArray("recipients")) {
      if (v.asJsonObject().getString("code").equals(code)) {
        return v.asJsonObject();
      }
    }
    throw new AssertionError(code + " not in the trace of " + id);
  }

  private static void sql(LocalServer server, String... statements) throws SQLException {
    try (Connection c =
            DriverManager.getConnection(server.jdbcUrl(), server.dbUser(), server.dbPassword());
        var s = c.createStatement()) {
      for (String statement : statements) {
        s.execute(statement);
      }
    }
  }

  private static long count(LocalServer server, String query) throws SQLException {
    try (Connection c =
            DriverManager.getConnection(server.jdbcUrl(), server.dbUser(), server.dbPassword());
        var rs = c.createStatement().executeQuery(query)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
