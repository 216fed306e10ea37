package vn.lienthong.signing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.List;
import vn.lienthong.signing.pki.CertificateHolder;
import vn.lienthong.signing.pki.DemoPki;

/**
 * A SoftHSM2 token for the tests, created in target/softhsm before the first PKCS#11 call of the
 * test JVM (SoftHSM reads SOFTHSM2_CONF, set by surefire, once per process). The key pair is
 * generated on the token with pkcs11-tool; the demo PKI certifies it and the certificate is written
 * back next to the key, as an HSM is set up for a unit's seal.
 */
public final class SoftHsm {

  public static final Path LIBRARY = Path.of("/usr/lib/softhsm/libsofthsm2.so");
  public static final String TOKEN = "lienthong-seal";
  public static final String SPARE_TOKEN = "lienthong-spare";
  public static final String KEY_LABEL = "seal";
  public static final String PIN = "12345678";
  private static final String SO_PIN = "87654321";

  private static X509Certificate certificate;

  private SoftHsm() {}

  /** Sets the token up once; without SoftHSM or OpenSC, see {@link NativeTools}. */
  public static synchronized X509Certificate ensureToken() {
    if (certificate != null) {
      return certificate;
    }
    String conf = System.getenv("SOFTHSM2_CONF");
    if (conf == null) {
      throw new IllegalStateException(
          "SOFTHSM2_CONF is not set: run the tests through Maven (surefire sets it)");
    }
    for (Path tool :
        List.of(LIBRARY, Path.of("/usr/bin/softhsm2-util"), Path.of("/usr/bin/pkcs11-tool"))) {
      if (!Files.exists(tool)) {
        NativeTools.missing(tool.toString(), "apt-get install softhsm2 opensc");
      }
    }
    try {
      Path dir = Path.of(conf).getParent();
      Path tokens = dir.resolve("tokens");
      if (Files.exists(dir)) {
        try (var walk = Files.walk(dir)) {
          walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
      Files.createDirectories(tokens);
      Files.writeString(
          Path.of(conf),
          "directories.tokendir = " + tokens + "\nobjectstore.backend = file\nlog.level = ERROR\n",
          StandardCharsets.UTF_8);
      run(
          "softhsm2-util",
          "--init-token",
          "--free",
          "--label",
          TOKEN,
          "--pin",
          PIN,
          "--so-pin",
          SO_PIN);
      run(
          "softhsm2-util",
          "--init-token",
          "--free",
          "--label",
          SPARE_TOKEN,
          "--pin",
          PIN,
          "--so-pin",
          SO_PIN);
      run(p11("--keypairgen", "--key-type", "rsa:2048", "--id", "01", "--label", KEY_LABEL));
      Path publicKeyFile = dir.resolve("seal-pub.der");
      run(p11("--read-object", "--type", "pubkey", "--id", "01", "-o", publicKeyFile.toString()));
      PublicKey publicKey =
          KeyFactory.getInstance("RSA")
              .generatePublic(new X509EncodedKeySpec(Files.readAllBytes(publicKeyFile)));
      DemoPki pki = Fixtures.pki();
      X509Certificate issued =
          pki.issue(
              new CertificateHolder.Organisation(
                  "hsm-seal", DemoPki.DEMO_UNIT, DemoPki.DEMO_ORGAN_CODE),
              publicKey);
      writeCertificate(dir, issued, "01", KEY_LABEL);
      // The chain's CA certificates go on the token too, so SunPKCS11 returns the whole chain.
      writeCertificate(dir, pki.issuingCertificate(), "02", "issuing-ca");
      writeCertificate(dir, pki.rootCertificate(), "03", "root-ca");
      certificate = issued;
      return issued;
    } catch (IOException | java.security.GeneralSecurityException e) {
      throw new IllegalStateException("Cannot set up the SoftHSM token", e);
    }
  }

  private static void writeCertificate(Path dir, X509Certificate cert, String id, String label)
      throws IOException, java.security.GeneralSecurityException {
    Path file = dir.resolve(label + ".der");
    Files.write(file, cert.getEncoded());
    run(p11("--write-object", file.toString(), "--type", "cert", "--id", id, "--label", label));
  }

  private static String[] p11(String... args) {
    List<String> command =
        new ArrayList<>(
            List.of(
                "pkcs11-tool",
                "--module",
                LIBRARY.toString(),
                "--token-label",
                TOKEN,
                "--login",
                "--pin",
                PIN));
    command.addAll(List.of(args));
    return command.toArray(new String[0]);
  }

  private static void run(String... command) {
    NativeTools.run(true, "apt-get install softhsm2 opensc", command);
  }
}
