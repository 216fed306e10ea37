package vn.lienthong.web.api;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import vn.lienthong.domain.InvalidInputException;

/** Reading request bodies field by field, each bad field answered with its own message. */
final class JsonBodies {
  private JsonBodies() {}

  static JsonObject object(String json, String field) {
    if (json == null || json.isBlank()) {
      throw InvalidInputException.field(field, "Nội dung JSON rỗng.");
    }
    try (JsonReader r = jakarta.json.Json.createReader(new StringReader(json))) {
      return r.readObject();
    } catch (JsonException | IllegalStateException e) {
      throw InvalidInputException.field(field, "Không phải một đối tượng JSON hợp lệ.");
    }
  }

  static JsonArray array(JsonObject o, String name, String message) {
    JsonValue v = o.get(name);
    if (v == null || v.getValueType() != JsonValue.ValueType.ARRAY) {
      throw InvalidInputException.field(name, message);
    }
    return (JsonArray) v;
  }

  static String string(JsonValue v, String name, String message) {
    if (!(v instanceof JsonString s)) {
      throw InvalidInputException.field(name, message);
    }
    return s.getString();
  }

  static byte[] base64(JsonValue v, String name) {
    String text = string(v, name, "Trường " + name + " phải là chuỗi base64.");
    try {
      return Base64.getMimeDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw InvalidInputException.field(name, "Trường " + name + " không phải base64 hợp lệ.");
    }
  }

  static List<byte[]> base64List(JsonObject o, String name) {
    List<byte[]> out = new ArrayList<>();
    for (JsonValue v : array(o, name, "Cần danh sách " + name + " (base64).")) {
      out.add(base64(v, name));
    }
    return out;
  }

  static UUID uuid(JsonValue v, String name) {
    try {
      return UUID.fromString(string(v, name, "Trường " + name + " phải là mã (UUID)."));
    } catch (IllegalArgumentException e) {
      throw InvalidInputException.field(name, "Trường " + name + " không phải mã hợp lệ (UUID).");
    }
  }

  /** An instant: ISO-8601 with Z or an offset, e.g. 2026-03-01T08:30:00+07:00. */
  static Instant instant(JsonValue v, String name) {
    String message =
        "Trường "
            + name
            + " phải là thời điểm ISO-8601 có múi giờ, ví dụ 2026-03-01T08:30:00+07:00.";
    try {
      return OffsetDateTime.parse(string(v, name, message)).toInstant();
    } catch (DateTimeParseException e) {
      throw InvalidInputException.field(name, message);
    }
  }

  static float number(JsonObject o, String name) {
    JsonValue v = o.get(name);
    if (!(v instanceof JsonNumber n)) {
      throw InvalidInputException.field(name, "Trường " + name + " phải là số.");
    }
    return (float) n.doubleValue();
  }
}
