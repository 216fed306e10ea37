package vn.lienthong.infrastructure.startup;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.lienthong.domain.unit.Unit;

/** Each demo data set is a tree the seed can load, with notations as Decree 30 writes them. */
class DemoDataSetsTest {

  @ParameterizedTest
  @ValueSource(strings = {"district", "two-level"})
  void isATreeWithOneRootUniqueAccountsAndDecree30Notations(String name) {
    JsonObject set = DemoDistrict.read(name);
    Set<String> codes = new HashSet<>();
    Set<String> accounts = new HashSet<>();
    int roots = 0;
    for (JsonValue v : set.getJsonArray("units")) {
      JsonObject u = v.asJsonObject();
      assertThat(codes.add(u.getString("code"))).as(u.getString("code")).isTrue();
      assertThat(accounts.add(Unit.accountKey(u.getString("shortName"))))
          .as("account key of " + u.getString("name"))
          .isTrue();
      if (u.isNull("parent")) {
        roots++;
      } else {
        assertThat(codes)
            .as("parent listed before " + u.getString("name"))
            .contains(u.getString("parent"));
      }
      // a People's Committee signs as UBND, whichever ward (15/QĐ-UBND)
      if (u.getString("name").startsWith("Ủy ban nhân dân")) {
        assertThat(u.getString("notation")).isEqualTo("UBND");
      }
      assertThat(u.getString("notation")).matches("[\\p{Lu}\\d]+");
      if (u.containsKey("divisions")) {
        for (JsonValue d : u.getJsonArray("divisions")) {
          assertThat(d.asJsonObject().getString("abbreviation")).matches("[\\p{Lu}\\d]{1,16}");
        }
      }
    }
    assertThat(roots).isEqualTo(1);
    assertThat(codes).contains(set.getJsonObject("admin").getString("unit"));
  }
}
