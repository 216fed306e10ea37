package vn.lienthong.signing.internal;

import eu.europa.esig.dss.enumerations.Context;
import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.EncryptionAlgorithm;
import eu.europa.esig.dss.spi.OID;
import eu.europa.esig.dss.spi.validation.RevocationDataVerifier;
import eu.europa.esig.dss.spi.x509.revocation.RevocationToken;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;

/**
 * DSS's revocation data verifier with one change: for the certificates of a signature (not of its
 * timestamps), revocation data that came with the document is never taken as the current status, so
 * the responder is asked again; data fetched in this validation is judged as DSS judges it.
 *
 * <p>DSS asks the responder again only when the document holds no revocation data issued after the
 * best signature time. A B-LT document holds an OCSP "good" made just after its timestamp, so DSS
 * never looks further, and a revocation the CA later dates back before the signature (a stolen
 * token reported late: key compromise since an earlier time) is never seen. Here the current status
 * is always asked for (through the {@link vn.lienthong.signing.pki.PkiClient}, whose cache decides
 * how current "current" is); the validation at the current time then sees the revocation, and the
 * past signature validation of ETSI EN 319 102-1 still passes a signature whose timestamp is before
 * the revocation time. When the responder cannot be reached, DSS keeps what the document holds.
 *
 * <p>DSS mutates its verifier during a validation ({@code setValidationContext}): one instance per
 * validation, see {@link DssSupport#certificateVerifier}. The other settings are those of DSS 6.4's
 * {@code createDefaultRevocationDataVerifier}, the verifier DSS uses when none is set.
 */
final class CurrentStatusRevocationDataVerifier extends RevocationDataVerifier {

  CurrentStatusRevocationDataVerifier() {
    setAcceptableDigestAlgorithms(
        List.of(
            DigestAlgorithm.SHA224,
            DigestAlgorithm.SHA256,
            DigestAlgorithm.SHA384,
            DigestAlgorithm.SHA512,
            DigestAlgorithm.SHA3_256,
            DigestAlgorithm.SHA3_384,
            DigestAlgorithm.SHA3_512));
    Map<EncryptionAlgorithm, Integer> keyLengths = new EnumMap<>(EncryptionAlgorithm.class);
    keyLengths.put(EncryptionAlgorithm.DSA, 2048);
    keyLengths.put(EncryptionAlgorithm.RSA, 1900);
    keyLengths.put(EncryptionAlgorithm.RSASSA_PSS, 1900);
    keyLengths.put(EncryptionAlgorithm.ECDSA, 256);
    keyLengths.put(EncryptionAlgorithm.PLAIN_ECDSA, 256);
    setAcceptableEncryptionAlgorithmKeyLength(keyLengths);
    setRevocationSkipCertificateExtensions(
        List.of(
            OID.id_etsi_ext_valassured_ST_certs.getId(),
            OCSPObjectIdentifiers.id_pkix_ocsp_nocheck.getId(),
            Extension.noRevAvail.getId()));
    setSignatureMaximumRevocationFreshness(0L);
    setTimestampMaximumRevocationFreshness(0L);
    setRevocationMaximumRevocationFreshness(0L);
  }

  @Override
  public boolean isRevocationDataFresh(
      RevocationToken<?> revocationToken, Date validationTime, Context context) {
    if ((context == Context.SIGNATURE || context == Context.COUNTER_SIGNATURE)
        && revocationToken.isInternal()) {
      return false;
    }
    return super.isRevocationDataFresh(revocationToken, validationTime, context);
  }
}
