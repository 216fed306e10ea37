package vn.lienthong.domain.exchange;

import vn.lienthong.domain.document.OutgoingDocument;

/** Văn bản đến — a delivery that arrived, with the document it carries. */
public record IncomingDocument(Delivery delivery, OutgoingDocument document) {}
