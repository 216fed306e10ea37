package vn.lienthong.signing.agent;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;

/** Requests as the web client sends them, and checks of what comes back. */
final class AgentData {

  private AgentData() {}

  /** DER of CMS signed attributes (content-type, message-digest) for a made-up document. */
  static byte[] signedAttributes(String document) {
    try {
      ASN1EncodableVector attributes = new ASN1EncodableVector();
      attributes.add(
          new Attribute(CMSAttributes.contentType, new DERSet(PKCSObjectIdentifiers.data)));
      attributes.add(
          new Attribute(
              CMSAttributes.messageDigest,
              new DERSet(new DEROctetString(sha256(document.getBytes(StandardCharsets.UTF_8))))));
      return new DERSet(attributes).getEncoded(ASN1Encoding.DER);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  static Map<String, Object> document(
      String sessionId, String title, String dataToSign, String algorithm) {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("sessionId", sessionId);
    document.put("title", title);
    document.put("number", sessionId + "/QĐ-UBND");
    document.put("documentSha256", hex(sha256(title.getBytes(StandardCharsets.UTF_8))));
    document.put("dataToSign", dataToSign);
    document.put("signatureAlgorithm", algorithm);
    return document;
  }

  static Map<String, Object> document(String sessionId, byte[] dataToSign, String algorithm) {
    return document(
        sessionId,
        "Quyết định số " + sessionId + " về việc công nhận kết quả",
        Base64.getEncoder().encodeToString(dataToSign),
        algorithm);
  }

  static Map<String, Object> request(String certificateId, List<Map<String, Object>> documents) {
    return Map.of("certificateId", certificateId, "documents", documents);
  }

  static boolean verifies(X509Certificate certificate, String algorithm, byte[] data, String value)
      throws Exception {
    Signature check = Signature.getInstance(algorithm);
    check.initVerify(certificate);
    check.update(data);
    return check.verify(Base64.getDecoder().decode(value));
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> results(AgentClient.Reply reply) {
    return (List<Map<String, Object>>) reply.object().get("results");
  }
}
