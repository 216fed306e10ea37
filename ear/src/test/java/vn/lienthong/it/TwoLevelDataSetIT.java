package vn.lienthong.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.lienthong.server.LocalServer;

/**
 * The unit tree is data: LIENTHONG_DEMO_DATASET=two-level seeds the 2025 model (a city and its
 * wards, no district), and a ward of it works as one of the district's does. On a server of its
 * own.
 */
class TwoLevelDataSetIT {
  private static final String CITY = "000.00.00.H17";

  @Test
  void theTwoLevelModelLoadsByConfigurationAndItsWardsWork() throws Exception {
    Path dir = OwnServer.fresh("it-two-level");
    Map<String, String> env = OwnServer.demoEnv(dir);
    env.put("LIENTHONG_DEMO_DATASET", "two-level");
    try (LocalServer server = OwnServer.start(dir, env, true)) {
      Api api = new Api(server.baseUri());
      List<JsonObject> units =
          api.get("vanthu.haichau", "api/v1/units").array().stream()
              .map(JsonValue::asJsonObject)
              .toList();
      assertThat(units).extracting(u -> u.getString("code")).contains(CITY);
      assertThat(units)
          .filteredOn(u -> !u.getString("code").equals(CITY))
          .allSatisfy(u -> assertThat(u.getString("parentCode")).isEqualTo(CITY));
      assertThat(units).noneSatisfy(u -> assertThat(u.getString("name")).contains("quận"));

      // a ward's decision, issued and sent to the city
      UUID id = api.issued("vanthu.haichau", TestPdf.of(3_000, "Quyet dinh cua phuong"));
      JsonObject doc = api.get("vanthu.haichau", "api/v1/documents/" + id).json();
      assertThat(doc.getString("notation")).isEqualTo("01/UBND");
      assertThat(api.send("vanthu.haichau", id, List.of(CITY)).status()).isEqualTo(202);
      Await.until(
          java.time.Duration.ofMinutes(1),
          "arrival at the city",
          () -> Inboxes.occurrences(api, "vanthu.ubnd", java.util.Set.of(id)).size() == 1);
    }
  }
}
