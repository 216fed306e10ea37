package vn.lienthong.domain.exchange;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Where a page of an inbox ended, in the inbox's order (urgency, then arrival, then id): the next
 * page starts after it, however many entries came before, so a page costs the same at the end of
 * years of documents as at the start. Clients see it as an opaque token.
 */
public record InboxCursor(int urgencyRank, Instant arrivedAt, UUID id) {

  public static InboxCursor of(Delivery d) {
    return new InboxCursor(d.urgencyRank(), d.arrivedAt().orElseThrow(), d.id());
  }

  public String token() {
    String raw =
        urgencyRank + "|" + arrivedAt.getEpochSecond() + "|" + arrivedAt.getNano() + "|" + id;
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  /** The cursor a token stands for, or empty when it is not one of ours. */
  public static Optional<InboxCursor> parse(String token) {
    try {
      String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      String[] parts = raw.split("\\|", -1);
      if (parts.length != 4) {
        return Optional.empty();
      }
      int rank = Integer.parseInt(parts[0]);
      long seconds = Long.parseLong(parts[1]);
      int nanos = Integer.parseInt(parts[2]);
      if (rank < 0 || rank > 9 || nanos < 0 || nanos > 999_999_999) {
        return Optional.empty();
      }
      Instant at = Instant.ofEpochSecond(seconds, nanos);
      return Optional.of(new InboxCursor(rank, at, UUID.fromString(parts[3])));
    } catch (IllegalArgumentException | java.time.DateTimeException e) {
      return Optional.empty();
    }
  }
}
