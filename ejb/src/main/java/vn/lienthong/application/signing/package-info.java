/**
 * Signing in the workflow: the leader's two-step signature, the demo signer, the unit's seal at
 * issuance, and public verification with its cache and rate limit.
 */
package vn.lienthong.application.signing;
