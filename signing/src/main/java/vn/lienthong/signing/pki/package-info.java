/**
 * The demo PKI (root and issuing CA, TSA, OCSP responder, certificates of the demo unit) and the
 * client side of PKI services: fetching CRLs, OCSP answers, CA certificates and timestamps by URL,
 * with a cache hook. Never trusted in production.
 */
package vn.lienthong.signing.pki;
