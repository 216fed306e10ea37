/**
 * Liên Thông signing module: PAdES signing and validation on top of EU DSS, key sources, the Decree
 * 30 appearance and a demo PKI. DSS types never appear in the public API of this module: callers
 * see the records and exceptions of the feature packages ({@code key}, {@code pades}, {@code
 * appearance}, {@code validation}, {@code pki}). {@code internal} holds the DSS adapters and is not
 * API.
 */
package vn.lienthong.signing;
