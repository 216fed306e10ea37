package vn.lienthong.infrastructure.messaging;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.util.UUID;

/**
 * The body of an exchange message: JSON with the id of the envelope or delivery and the document's
 * hash. Never document bytes, never serialized Java objects.
 */
record ExchangeMessage(UUID id, UUID documentId, String sha256, int attempt) {

  String toJson() {
    return Json.createObjectBuilder()
        .add("id", id.toString())
        .add("documentId", documentId.toString())
        .add("sha256", sha256)
        .add("attempt", attempt)
        .build()
        .toString();
  }

  static ExchangeMessage parse(String json) {
    try (JsonReader r = Json.createReader(new StringReader(json))) {
      JsonObject o = r.readObject();
      return new ExchangeMessage(
          UUID.fromString(o.getString("id")),
          UUID.fromString(o.getString("documentId")),
          o.getString("sha256"),
          o.getInt("attempt", 1));
    }
  }
}
