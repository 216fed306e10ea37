package vn.lienthong.application.document;

import java.time.Instant;
import java.util.UUID;

/** What issuance gave the document: its number in the register, its notation, the time. */
public record IssueReceipt(UUID id, int number, String notation, Instant issuedAt) {}
