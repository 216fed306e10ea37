/** Signing sessions: the leader's two-step signature, persisted between its two calls. */
package vn.lienthong.domain.signing;
