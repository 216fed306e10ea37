package vn.lienthong.domain.document;

import java.util.Optional;
import java.util.stream.Stream;
import vn.lienthong.domain.Text;

/** Mức độ khẩn (Decree 30, art. 8 and Annex I): thường, khẩn, thượng khẩn, hỏa tốc. */
public enum Urgency {
  NORMAL("Thường", 4),
  URGENT("Khẩn", 6),
  VERY_URGENT("Thượng khẩn", 8),
  FLASH("Hỏa tốc", 9);

  private final String label;
  private final int messagePriority;

  Urgency(String label, int messagePriority) {
    this.label = label;
    this.messagePriority = messagePriority;
  }

  public String label() {
    return label;
  }

  /** JMS priority of the exchange messages: a hỏa tốc document overtakes the queue. */
  public int messagePriority() {
    return messagePriority;
  }

  /**
   * Higher is more urgent: the inbox lists by it first. The constants are declared in this order,
   * and the database keeps the same numbers (delivery.urgency_rank).
   */
  public int rank() {
    return ordinal();
  }

  /** Reads the code ({@code URGENT}) or the Vietnamese label ("khẩn"), with or without accents. */
  public static Optional<Urgency> parse(String value) {
    return Text.parse(Urgency.class, value, u -> Stream.of(u.label));
  }
}
