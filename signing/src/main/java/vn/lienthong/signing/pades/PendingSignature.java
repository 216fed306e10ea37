package vn.lienthong.signing.pades;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import vn.lienthong.signing.SigningException;
import vn.lienthong.signing.appearance.Appearance;
import vn.lienthong.signing.appearance.Placement;
import vn.lienthong.signing.internal.FlatJson;

/**
 * Everything the second step of a two-step signature needs, as a plain value: the data the key must
 * sign, and the parameters that made it (above all the signing time, which is inside the signed
 * bytes). Serialized with {@link #toJson()} it can be kept in a replicated cache or a database and
 * finished by another process or cluster node with {@link PadesSigner#finish}.
 *
 * <p>The document itself is not in here: only its SHA-256, checked again when finishing.
 */
public record PendingSignature(
    String documentSha256,
    SignatureLevel level,
    Instant signingTime,
    List<byte[]> certificateChain,
    String signatureAlgorithm,
    byte[] dataToSign,
    Appearance appearance,
    String reason,
    String location) {

  private static final int FORMAT = 1;

  public PendingSignature {
    Objects.requireNonNull(documentSha256, "documentSha256");
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(signingTime, "signingTime");
    certificateChain = List.copyOf(certificateChain);
    Objects.requireNonNull(dataToSign, "dataToSign");
    appearance = appearance == null ? new Appearance.Invisible() : appearance;
  }

  public SignOptions options() {
    return new SignOptions(level, appearance, reason, location);
  }

  public List<X509Certificate> certificates() {
    try {
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      List<X509Certificate> out = new ArrayList<>();
      for (byte[] der : certificateChain) {
        out.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
      }
      return out;
    } catch (GeneralSecurityException e) {
      throw new SigningException("The pending signature holds a damaged certificate", e);
    }
  }

  public String toJson() {
    Base64.Encoder b64 = Base64.getEncoder();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("format", String.valueOf(FORMAT));
    m.put("documentSha256", documentSha256);
    m.put("level", level.name());
    m.put("signingTime", signingTime.toString());
    m.put("certificateChain", certificateChain.stream().map(b64::encodeToString).toList());
    m.put("signatureAlgorithm", signatureAlgorithm);
    m.put("dataToSign", b64.encodeToString(dataToSign));
    m.put("reason", reason);
    m.put("location", location);
    if (appearance instanceof Appearance.Leader leader) {
      m.put("appearance", "leader");
      m.put("appearance.name", leader.name());
      m.put("appearance.position", leader.position());
      m.put(
          "appearance.image",
          leader.signatureImage() == null ? null : b64.encodeToString(leader.signatureImage()));
      m.put("appearance.placement", placement(leader.placement()));
    } else if (appearance instanceof Appearance.Seal seal) {
      m.put("appearance", "seal");
      m.put("appearance.unitName", seal.unitName());
      m.put(
          "appearance.image",
          seal.sealImage() == null ? null : b64.encodeToString(seal.sealImage()));
      m.put("appearance.placement", placement(seal.placement()));
    } else if (appearance instanceof Appearance.Attachment attachment) {
      m.put("appearance", "attachment");
      m.put("appearance.numberAndNotation", attachment.numberAndNotation());
    } else if (appearance instanceof Appearance.NumberAndDate) {
      // written by the unit's seal at issuance, whose key is at hand: always one step
      throw new IllegalArgumentException("The number and date of issue are signed in one step");
    } else {
      m.put("appearance", "invisible");
    }
    return FlatJson.write(m);
  }

  public byte[] toBytes() {
    return toJson().getBytes(StandardCharsets.UTF_8);
  }

  public static PendingSignature fromBytes(byte[] bytes) {
    return fromJson(new String(bytes, StandardCharsets.UTF_8));
  }

  /** Reads {@link #toJson()}; a value that is not one is {@link SigningException}. */
  public static PendingSignature fromJson(String json) {
    try {
      Map<String, Object> m = FlatJson.read(json);
      if (!String.valueOf(FORMAT).equals(m.get("format"))) {
        throw new SigningException("Unknown pending signature format " + m.get("format"));
      }
      Base64.Decoder b64 = Base64.getDecoder();
      List<byte[]> chain = new ArrayList<>();
      for (Object c : (List<?>) m.get("certificateChain")) {
        chain.add(b64.decode((String) c));
      }
      String kind = (String) m.get("appearance");
      String image = (String) m.get("appearance.image");
      Appearance appearance =
          switch (kind) {
            case "leader" ->
                new Appearance.Leader(
                    (String) m.get("appearance.name"),
                    (String) m.get("appearance.position"),
                    image == null ? null : b64.decode(image),
                    placement((String) m.get("appearance.placement")));
            case "seal" ->
                new Appearance.Seal(
                    (String) m.get("appearance.unitName"),
                    image == null ? null : b64.decode(image),
                    placement((String) m.get("appearance.placement")));
            case "attachment" ->
                new Appearance.Attachment((String) m.get("appearance.numberAndNotation"));
            default -> new Appearance.Invisible();
          };
      return new PendingSignature(
          (String) m.get("documentSha256"),
          SignatureLevel.valueOf((String) m.get("level")),
          Instant.parse((String) m.get("signingTime")),
          chain,
          (String) m.get("signatureAlgorithm"),
          b64.decode((String) m.get("dataToSign")),
          appearance,
          (String) m.get("reason"),
          (String) m.get("location"));
    } catch (RuntimeException e) {
      if (e instanceof SigningException se) {
        throw se;
      }
      throw new SigningException("Not a pending signature value", e);
    }
  }

  private static String placement(Placement p) {
    return p.page() + " " + p.x() + " " + p.y() + " " + p.width() + " " + p.height();
  }

  private static Placement placement(String s) {
    String[] f = s.split(" ");
    return new Placement(
        Integer.parseInt(f[0]),
        Float.parseFloat(f[1]),
        Float.parseFloat(f[2]),
        Float.parseFloat(f[3]),
        Float.parseFloat(f[4]));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PendingSignature p && toJson().equals(p.toJson());
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(dataToSign);
  }

  @Override
  public String toString() {
    return "PendingSignature[" + level + ", " + signingTime + ", document " + documentSha256 + "]";
  }
}
