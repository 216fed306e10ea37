package vn.lienthong.signing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

  @Test
  void readsWhatTheWebClientSends() {
    Object value =
        Json.read(
            " {\"certificateId\":\"ab\",\"documents\":[{\"title\":\"Quy\\u1ebft \u0111\u1ecbnh\","
                + "\"n\":-1.5e2,\"ok\":true,\"none\":null}],\"x\":[]} ");
    assertThat(value).isInstanceOf(Map.class);
    @SuppressWarnings("unchecked")
    Map<String, Object> map = (Map<String, Object>) value;
    assertThat(map.get("certificateId")).isEqualTo("ab");
    @SuppressWarnings("unchecked")
    Map<String, Object> document = (Map<String, Object>) ((List<?>) map.get("documents")).get(0);
    assertThat(document.get("title")).isEqualTo("Quyết định");
    assertThat(document.get("n")).isEqualTo(new BigDecimal("-1.5e2"));
    assertThat(document.get("ok")).isEqualTo(true);
    assertThat(document).containsEntry("none", null);
  }

  @Test
  void refusesMalformedRepeatedAndTooDeep() {
    char[] deep = new char[Json.MAX_DEPTH + 1];
    Arrays.fill(deep, '[');
    for (String bad :
        List.of(
            "",
            "{",
            "{\"a\":1,}",
            "{\"a\":1,\"a\":2}",
            "[1 2]",
            "\"a\nb\"",
            "\"\\x\"",
            "01",
            "1.",
            "tru",
            "{} {}",
            new String(deep) + "]".repeat(deep.length),
            "1e2147483648")) {
      assertThatThrownBy(() -> Json.read(bad)).as(bad).isInstanceOf(Json.Malformed.class);
    }
    char[] ok = new char[Json.MAX_DEPTH];
    Arrays.fill(ok, '[');
    assertThat(Json.read(new String(ok) + "]".repeat(ok.length))).isInstanceOf(List.class);
  }

  @Test
  void writesEscapedJsonAndLeavesNullFieldsOut() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("error", "wrong-pin");
    map.put("message", "Sai mã PIN \"1\"\n\u0001\u2028");
    map.put("retriesLeft", 1);
    map.put("skipped", null);
    map.put("list", List.of("a", true));
    String json = Json.write(map);
    assertThat(json)
        .isEqualTo(
            "{\"error\":\"wrong-pin\",\"message\":\"Sai mã PIN \\\"1\\\"\\n\\u0001\\u2028\","
                + "\"retriesLeft\":1,\"list\":[\"a\",true]}");
    assertThat(Json.read(json))
        .isEqualTo(
            Map.of(
                "error",
                "wrong-pin",
                "message",
                "Sai mã PIN \"1\"\n\u0001\u2028",
                "retriesLeft",
                BigDecimal.ONE,
                "list",
                List.of("a", true)));
  }
}
