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
    JsonObject e = entryOrNull(api, user, document);
    if (e == null) {
      throw new AssertionError(document + " not in the inbox of " + user);
    }
    return e;
  }

  /** As {@link #entry}, or null when it is not there (yet). */
  static JsonObject entryOrNull(Api api, String user, UUID document) {
    for (JsonValue v : api.get(user, "api/v1/inbox?limit=5000").array()) {
      if (v.asJsonObject().getString("documentId").equals(document.toString())) {
        return v.asJsonObject();
      }
    }
    return null;
  }

  /** How many times each of the given documents appears in the user's unit inbox. */
  static Map<UUID, Integer> occurrences(Api api, String user, Set<UUID> documents) {
    Map<UUID, Integer> seen = new HashMap<>();
    String path = "api/v1/inbox?limit=5000";
    while (true) {
      Api.Answer page = api.get(user, path);
      assertThat(page.status()).isEqualTo(200);
      for (JsonValue v : page.array()) {
        UUID doc = UUID.fromString(v.asJsonObject().getString("documentId"));
        if (documents.contains(doc)) {
          seen.merge(doc, 1, Integer::sum);
        }
      }
      if (page.next() == null) {
        return seen;
      }
      path = "api/v1/inbox?limit=5000&after=" + page.next();
    }
  }
}
