package vn.lienthong.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import vn.lienthong.signing.pki.CertificateHolder;
import vn.lienthong.signing.pki.DemoPki;

/**
 * SoftHSM2 tokens for the test server, set up as an operator sets up an HSM: a token per key, the
 * key pair generated on the token, its certificate issued by the (demo) CA and written next to it.
 * One token holds the seal of Phòng Quản lý đô thị, which the server uses through PKCS#11
 * (LIENTHONG_SEAL_KEYS); another holds a leader's personal key, which the local signing agent uses.
 */
public final class SoftHsmTokens {
  public static final Path LIBRARY = Path.of("/usr/lib/softhsm/libsofthsm2.so");
  public static final String SEAL_TOKEN = "qldt-seal";
  public static final String LEADER_TOKEN = "lanhdao-qldt";
  public static final String KEY_LABEL = "key";
  public static final String PIN = "24681357";
  private static final String SO_PIN = "13572468";

  /** Phòng Quản lý đô thị, whose seal is on the HSM. */
  public static final String QLDT = "000.03.31.H17";

  private SoftHsmTokens() {}

  /** Whether SoftHSM and OpenSC are installed; on CI their absence is a failure. */
  public static boolean available() {
    boolean present =
        Files.exists(LIBRARY)
            && Files.isExecutable(Path.of("/usr/bin/softhsm2-util"))
            && Files.isExecutable(Path.of("/usr/bin/pkcs11-tool"));
    if (!present && "true".equals(System.getenv("CI"))) {
      throw new IllegalStateException(
          "softhsm2 and opensc are needed: apt-get install softhsm2 opensc");
    }
    return present;
  }

  /**
   * Creates the tokens under {@code dir} with certificates from the PKI in {@code pkiDir}, and
   * answers the server's environment: SOFTHSM2_CONF, LIENTHONG_SEAL_KEYS and the seal PIN.
   */
  public static Map<String, String> setUp(Path dir, DemoPki pki) throws IOException {
    Path tokens = dir.resolve("tokens");
    Files.createDirectories(tokens);
    Path conf = dir.resolve("softhsm2.conf");
    Files.writeString(
        conf,
        "directories.tokendir = " + tokens + "\nobjectstore.backend = file\nlog.level = ERROR\n",
        StandardCharsets.UTF_8);
    Map<String, String> env = new LinkedHashMap<>();
    env.put("SOFTHSM2_CONF", conf.toString());
    token(
        env,
        SEAL_TOKEN,
        pki,
        new CertificateHolder.Organisation(
            "hsm-seal-qldt", "Phòng Quản lý đô thị quận Thanh Khê", QLDT));
    token(
        env,
        LEADER_TOKEN,
        pki,
        new CertificateHolder.Person(
            "token-lanhdao.qldt",
            "Trần Thị Thu Hà",
            "Trưởng phòng",
            "Phòng Quản lý đô thị quận Thanh Khê",
            QLDT));
    Path sealKeys = dir.resolve("seal-keys.properties");
    Files.writeString(
        sealKeys,
        QLDT
            + ".type=pkcs11\n"
            + QLDT
            + ".library="
            + LIBRARY
            + "\n"
            + QLDT
            + ".token="
            + SEAL_TOKEN
            + "\n"
            + QLDT
            + ".key="
            + KEY_LABEL
            + "\n"
            + QLDT
            + ".pin=env:QLDT_SEAL_PIN\n",
        StandardCharsets.UTF_8);
    env.put("LIENTHONG_SEAL_KEYS", sealKeys.toString());
    env.put("QLDT_SEAL_PIN", PIN);
    return env;
  }

  private static void token(
      Map<String, String> env, String label, DemoPki pki, CertificateHolder holder)
      throws IOException {
    run(
        env,
        "softhsm2-util",
        "--init-token",
        "--free",
        "--label",
        label,
        "--pin",
        PIN,
        "--so-pin",
        SO_PIN);
    run(
        env,
        p11(label, "--keypairgen", "--key-type", "rsa:2048", "--id", "01", "--label", KEY_LABEL));
    Path dir = Path.of(env.get("SOFTHSM2_CONF")).getParent();
    Path pub = dir.resolve(label + "-pub.der");
    run(env, p11(label, "--read-object", "--type", "pubkey", "--id", "01", "-o", pub.toString()));
    try {
      PublicKey key =
          KeyFactory.getInstance("RSA")
              .generatePublic(new X509EncodedKeySpec(Files.readAllBytes(pub)));
      X509Certificate cert = pki.issue(holder, key);
      write(env, label, dir, cert, "01", KEY_LABEL);
      write(env, label, dir, pki.issuingCertificate(), "02", "issuing-ca");
      write(env, label, dir, pki.rootCertificate(), "03", "root-ca");
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void write(
      Map<String, String> env, String label, Path dir, X509Certificate c, String id, String name)
      throws IOException, java.security.GeneralSecurityException {
    Path file = dir.resolve(label + "-" + name + ".der");
    Files.write(file, c.getEncoded());
    run(
        env,
        p11(
            label,
            "--write-object",
            file.toString(),
            "--type",
            "cert",
            "--id",
            id,
            "--label",
            name));
  }

  private static String[] p11(String token, String... args) {
    List<String> command =
        new ArrayList<>(
            List.of(
                "pkcs11-tool",
                "--module",
                LIBRARY.toString(),
                "--token-label",
                token,
                "--login",
                "--pin",
                PIN));
    command.addAll(List.of(args));
    return command.toArray(new String[0]);
  }

  private static void run(Map<String, String> env, String... command) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().putAll(env);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
