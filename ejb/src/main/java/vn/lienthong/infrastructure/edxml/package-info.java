/**
 * edXML packages (QCVN 102:2016/BTTTT, namespace {@code http://www.mic.gov.vn/TBT/QCVN_102_2016}):
 * the message header of a document with its attachments ({@link
 * vn.lienthong.infrastructure.edxml.EdXmlDocument}) and the status messages that flow back ({@link
 * vn.lienthong.infrastructure.edxml.EdXmlStatus}), written with StAX as a stream ({@link
 * vn.lienthong.infrastructure.edxml.EdXmlWriter}) and read with StAX, bounded and without DTDs or
 * entities ({@link vn.lienthong.infrastructure.edxml.EdXmlReader}). Plain Java, no container:
 * mapping the domain onto these records is the caller's.
 */
package vn.lienthong.infrastructure.edxml;
