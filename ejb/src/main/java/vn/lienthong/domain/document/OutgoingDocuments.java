package vn.lienthong.domain.document;

import java.util.List;
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

  /**
   * Indexes the words search finds a document by besides its notation and abstract (indexed by the
   * database as they change): its issuing organ's name and its PDF's text.
   */
  void indexText(UUID id, String text);

  /** The unit's document with this notation in this year (numbered here or received). */
  Optional<OutgoingDocument> findByNotation(String unitCode, String notation, int year);

  /** The unit's outgoing register for the year: its issued documents by number. */
  List<OutgoingDocument> register(String unitCode, int year, int afterNumber, int limit);
}
