/**
 * The domain of Liên Thông: units, users, outgoing documents and their register, the exchange
 * (envelopes, deliveries), the content store port, the audit trail and the officials' working
 * calendar. Entities carry the rules; no JMS, JAX-RS or DSS imports here, only JPA annotations.
 */
package vn.lienthong.domain;
