/**
 * PAdES signing (B-B, B-T, B-LT, B-LTA) in one step or two (data to sign, signature value computed
 * elsewhere, signed document), and extension of existing signatures.
 */
package vn.lienthong.signing.pades;
