/**
 * The exchange between units (liên thông văn bản): an envelope per send, a delivery per recipient
 * unit, and the status of each delivery as edXML (QCVN 102:2016/BTTTT) codes it. Exactly-once
 * arrival rests on the delivery's unique (document, recipient) key and on status guards, so a
 * redelivered or re-published message changes nothing.
 */
package vn.lienthong.domain.exchange;
