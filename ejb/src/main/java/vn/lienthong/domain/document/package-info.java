/**
 * Outgoing documents (văn bản đi), their types, urgency and classification, and the unit's outgoing
 * register (sổ đăng ký văn bản đi) that numbers them, after Decree 30/2020/NĐ-CP.
 */
package vn.lienthong.domain.document;
