package vn.lienthong.signing.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.DLSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.IssuerAndSerialNumber;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.cms.SignerIdentifier;
import org.bouncycastle.asn1.cms.SignerInfo;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import vn.lienthong.signing.SigningException;

/**
 * The CMS of a PAdES baseline signature (ETSI EN 319 142-1 5.3 with EN 319 122-1 5.2), made with
 * BouncyCastle's ASN.1 classes: detached SignedData, signed attributes content-type, message-digest
 * and ESS signing-certificate-v2 (no signing-time: the PDF's /M carries it), the signer's chain,
 * and for B-T a signature-time-stamp as unsigned attribute. DSS validates it like its own.
 */
public final class CmsSignature {

  private static final AlgorithmIdentifier SHA256 =
      new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256);

  /** Parsed chain certificates: parsing them again on every signature costs more than the CMS. */
  private static final Map<X509Certificate, Certificate> PARSED = new ConcurrentHashMap<>();

  private CmsSignature() {}

  /** The DER SET of signed attributes: the bytes the key signs. */
  public static byte[] signedAttributes(byte[] documentDigest, X509Certificate signer) {
    try {
      byte[] certificateHash = MessageDigest.getInstance("SHA-256").digest(signer.getEncoded());
      X500Name issuer = X500Name.getInstance(signer.getIssuerX500Principal().getEncoded());
      ESSCertIDv2 certId =
          new ESSCertIDv2(
              SHA256,
              certificateHash,
              new IssuerSerial(
                  new GeneralNames(new GeneralName(issuer)),
                  new ASN1Integer(signer.getSerialNumber())));
      ASN1EncodableVector attributes = new ASN1EncodableVector();
      attributes.add(attribute(CMSAttributes.contentType, CMSObjectIdentifiers.data));
      attributes.add(attribute(CMSAttributes.messageDigest, new DEROctetString(documentDigest)));
      attributes.add(
          attribute(
              PKCSObjectIdentifiers.id_aa_signingCertificateV2,
              new SigningCertificateV2(new ESSCertIDv2[] {certId})));
      return new DERSet(attributes).getEncoded(ASN1Encoding.DER);
    } catch (CertificateEncodingException e) {
      throw new SigningException("Cannot encode the signer's certificate", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The SignedData around a signature value; {@code timestampToken} (a DER TimeStampToken) is added
   * as signature-time-stamp when not null.
   */
  public static byte[] signedData(
      byte[] signedAttributes,
      byte[] signatureValue,
      String jcaAlgorithm,
      List<X509Certificate> chain,
      byte[] timestampToken) {
    try {
      Certificate signer = parsed(chain.get(0));
      ASN1EncodableVector certificates = new ASN1EncodableVector();
      for (X509Certificate c : chain) {
        certificates.add(parsed(c));
      }
      ASN1Set unsigned = null;
      if (timestampToken != null) {
        unsigned =
            new DERSet(
                attribute(
                    PKCSObjectIdentifiers.id_aa_signatureTimeStampToken,
                    ContentInfo.getInstance(timestampToken)));
      }
      SignerInfo signerInfo =
          new SignerInfo(
              new SignerIdentifier(new IssuerAndSerialNumber(signer)),
              SHA256,
              ASN1Set.getInstance(signedAttributes),
              signatureAlgorithm(jcaAlgorithm),
              new DEROctetString(signatureValue),
              unsigned);
      SignedData signedData =
          new SignedData(
              new DERSet(SHA256),
              new ContentInfo(CMSObjectIdentifiers.data, null),
              new DLSet(certificates),
              null,
              new DERSet(signerInfo));
      return new ContentInfo(CMSObjectIdentifiers.signedData, signedData)
          .getEncoded(ASN1Encoding.DL);
    } catch (CertificateEncodingException e) {
      throw new SigningException("Cannot encode the signer's chain", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Certificate parsed(X509Certificate certificate)
      throws CertificateEncodingException {
    Certificate cached = PARSED.get(certificate);
    if (cached == null) {
      cached = Certificate.getInstance(certificate.getEncoded());
      if (PARSED.size() > 256) {
        PARSED.clear();
      }
      PARSED.put(certificate, cached);
    }
    return cached;
  }

  private static AlgorithmIdentifier signatureAlgorithm(String jcaAlgorithm) {
    return switch (jcaAlgorithm) {
      case "SHA256withRSA" ->
          new AlgorithmIdentifier(PKCSObjectIdentifiers.sha256WithRSAEncryption, DERNull.INSTANCE);
      case "SHA256withECDSA" -> new AlgorithmIdentifier(X9ObjectIdentifiers.ecdsa_with_SHA256);
      default -> throw new SigningException("Unsupported signature algorithm " + jcaAlgorithm);
    };
  }

  private static Attribute attribute(ASN1ObjectIdentifier type, ASN1Encodable value) {
    return new Attribute(type, new DERSet(value));
  }
}
