package vn.lienthong.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Reads whole inboxes through the API, page by page. */
final class Inboxes {
  private Inboxes() {}

  /** The user's unit's inbox entry for the document (among its first 5,000). */
  static JsonObject entry(Api api, String user, UUID document) {
    for (JsonValue v : api.get(user, "api/v1/inbox?limit=5000").array()) {
      if (v.asJsonObject().getString("documentId").equals(document.toString())) {
        return v.asJsonObject();
      }
    }
    throw new AssertionError(document + " not in the inbox of " + user);
  }

  /** How many times each of the given documents appears in the user's unit inbox. */
  static Map<UUID, Integer> occurrences(Api api, String user, Set<UUID> documents) {
    Map<UUID, Integer> seen = new HashMap<>();
    int offset = 0;
    while (true) {
      Api.Answer page = api.get(user, "api/v1/inbox?limit=5000&offset=" + offset);
      assertThat(page.status()).isEqualTo(200);
      var entries = page.array();
      for (JsonValue v : entries) {
        UUID doc = UUID.fromString(v.asJsonObject().getString("documentId"));
        if (documents.contains(doc)) {
          seen.merge(doc, 1, Integer::sum);
        }
      }
      if (entries.size() < 5000) {
        return seen;
      }
      offset += entries.size();
    }
  }
}
