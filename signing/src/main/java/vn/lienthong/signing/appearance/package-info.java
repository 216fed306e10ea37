/**
 * The visible signature per Decree 30/2020/NĐ-CP Annex I: the leader's signature, the unit's seal
 * over its left third, and the text-only stamp of attachments; Vietnamese text in an embedded
 * DejaVu font shipped with this module.
 */
package vn.lienthong.signing.appearance;
