package vn.lienthong.signing.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Flat objects whose values are strings or arrays of strings, the shape of our serialized values (a
 * pending signature, the CLI's verdict), over the module's one codec, {@link Json}.
 */
public final class FlatJson {

  private FlatJson() {}

  /** Writes the map; every value as a string, a list as an array of strings; nulls left out. */
  public static String write(Map<String, ?> values) {
    Map<String, Object> flat = new LinkedHashMap<>();
    values.forEach(
        (key, value) -> {
          if (value instanceof List<?> list) {
            flat.put(key, list.stream().map(String::valueOf).toList());
          } else if (value != null) {
            flat.put(key, String.valueOf(value));
          }
        });
    return Json.write(flat);
  }

  /**
   * Values are String or List&lt;String&gt;. Throws IllegalArgumentException on malformed input or
   * on any other shape.
   */
  public static Map<String, Object> read(String json) {
    Object value;
    try {
      value = Json.read(json);
    } catch (Json.Malformed e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    if (!(value instanceof Map<?, ?> map)) {
      throw new IllegalArgumentException("Expected a JSON object");
    }
    Map<String, Object> out = new LinkedHashMap<>();
    map.forEach(
        (key, v) -> {
          if (v instanceof String text) {
            out.put((String) key, text);
          } else if (v instanceof List<?> list
              && list.stream().allMatch(String.class::isInstance)) {
            out.put((String) key, list.stream().map(String.class::cast).toList());
          } else {
            throw new IllegalArgumentException("Expected a string or strings for " + key);
          }
        });
    return out;
  }
}
