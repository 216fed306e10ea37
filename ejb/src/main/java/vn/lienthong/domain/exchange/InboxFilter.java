package vn.lienthong.domain.exchange;

import java.time.LocalDate;
import java.util.Set;
import vn.lienthong.domain.document.DocumentType;
import vn.lienthong.domain.document.Urgency;

/**
 * What an inbox page is restricted to; each null or empty part means no restriction. {@code
 * overdueOn} keeps the documents still being handled whose deadline is before that day; {@code
 * words} are searched for in the number, notation, abstract, issuing organ and the PDF's text, with
 * or without diacritics.
 */
public record InboxFilter(
    Set<DeliveryStatus> statuses,
    DocumentType type,
    Urgency urgency,
    LocalDate arrivedFrom,
    LocalDate arrivedTo,
    LocalDate overdueOn,
    String handler,
    String words) {

  public static final InboxFilter NONE =
      new InboxFilter(Set.of(), null, null, null, null, null, null, null);

  public InboxFilter {
    statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
  }
}
