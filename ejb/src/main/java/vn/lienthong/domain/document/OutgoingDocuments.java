package vn.lienthong.domain.document;

import java.util.Optional;
import java.util.UUID;

/** Outgoing documents and the outgoing registers. */
public interface OutgoingDocuments {
  void add(OutgoingDocument document);

  Optional<OutgoingDocument> find(UUID id);

  /** The document, locked until the transaction ends: signing and issuing it are serialised. */
  Optional<OutgoingDocument> lock(UUID id);

  /** The unit's register for the year, created if absent, locked until the transaction ends. */
  OutgoingRegister lockRegister(String unitCode, int year);
}
