/**
 * The adapter to the signing module: the trust services, the demo PKI, the seal keys and the caches
 * of revocation answers, made once for the server.
 */
package vn.lienthong.infrastructure.signing;
