package vn.lienthong.application.exchange;

import java.util.List;
import java.util.Map;
import vn.lienthong.domain.exchange.DeliveryStatus;

/**
 * A page of a unit's inbox; how many deliveries the unit has in each status; and the cursor of the
 * next page, null on the last one.
 */
public record Inbox(List<InboxEntry> entries, Map<String, Long> counts, String next) {

  /** How many entries the unfiltered inbox has: all but the recalled ones. */
  public long total() {
    return counts.entrySet().stream()
        .filter(e -> !e.getKey().equals(DeliveryStatus.RECALLED.name()))
        .mapToLong(Map.Entry::getValue)
        .sum();
  }
}
