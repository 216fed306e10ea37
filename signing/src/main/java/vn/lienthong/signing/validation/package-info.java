/**
 * Validation of signed PDFs with DSS against configured trust anchors: a compact verdict per
 * document and per signature, and the ETSI validation report on request.
 */
package vn.lienthong.signing.validation;
