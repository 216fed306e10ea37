/**
 * Key sources: PKCS#11 tokens and HSMs (an official's USB token, the unit's HSM; SoftHSM2 in tests)
 * and PKCS#12 files (the embedded demo). Keys are borrowed for one operation and always given back.
 */
package vn.lienthong.signing.key;
