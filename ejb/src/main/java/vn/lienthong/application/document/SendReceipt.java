package vn.lienthong.application.document;

import java.util.List;
import java.util.UUID;

/** What the clerk gets back when a send is accepted. */
public record SendReceipt(
    UUID documentId, UUID envelopeId, String notation, List<String> recipients) {}
