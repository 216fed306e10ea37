package vn.lienthong.signing.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.lienthong.signing.InvalidDocumentException;
import vn.lienthong.signing.SigningException;
import vn.lienthong.signing.TrustServices;
import vn.lienthong.signing.appearance.Appearance;
import vn.lienthong.signing.appearance.Placement;
import vn.lienthong.signing.internal.FlatJson;
import vn.lienthong.signing.key.BorrowedKey;
import vn.lienthong.signing.key.KeyNotFoundException;
import vn.lienthong.signing.key.KeySource;
import vn.lienthong.signing.key.Pkcs11KeySource;
import vn.lienthong.signing.key.Pkcs12KeySource;
import vn.lienthong.signing.key.TokenAbsentException;
import vn.lienthong.signing.key.TokenBusyException;
import vn.lienthong.signing.key.TokenSelector;
import vn.lienthong.signing.key.WrongPinException;
import vn.lienthong.signing.pades.PadesSigner;
import vn.lienthong.signing.pades.SignOptions;
import vn.lienthong.signing.pades.SignatureLevel;
import vn.lienthong.signing.pades.SignerCertificateException;
import vn.lienthong.signing.pki.CachingPkiClient;
import vn.lienthong.signing.pki.DemoPki;
import vn.lienthong.signing.pki.DemoPkiServer;
import vn.lienthong.signing.pki.HttpPkiClient;
import vn.lienthong.signing.pki.PkiClient;
import vn.lienthong.signing.pki.ResponseCache;
import vn.lienthong.signing.validation.ChangeAfterSigning;
import vn.lienthong.signing.validation.NoTrustAnchorsException;
import vn.lienthong.signing.validation.PdfVerifier;
import vn.lienthong.signing.validation.SignatureVerdict;
import vn.lienthong.signing.validation.TrustAnchors;
import vn.lienthong.signing.validation.Verdict;
import vn.lienthong.signing.validation.Verification;

/**
 * {@code lienthong-sign}: the signing module from the command line. See {@link #USAGE} for the
 * commands and exit codes.
 */
public final class SignTool {

  /** Success; for verify: TOTAL_PASSED. */
  public static final int OK = 0;

  /** verify: TOTAL_FAILED. */
  public static final int FAILED = 1;

  /** verify: INDETERMINATE. */
  public static final int INDETERMINATE = 2;

  /** verify: the PDF has no signature. */
  public static final int NO_SIGNATURE = 3;

  /** Wrong command line (sysexits EX_USAGE). */
  public static final int USAGE_ERROR = 64;

  /** The input is not a usable PDF: not a PDF, damaged, encrypted, changed (EX_DATAERR). */
  public static final int BAD_DOCUMENT = 65;

  /** Token or key not available: absent, busy, key not found (EX_UNAVAILABLE). */
  public static final int KEY_UNAVAILABLE = 69;

  /** Any other failure while signing or verifying (EX_SOFTWARE). */
  public static final int SOFTWARE_ERROR = 70;

  /** PIN or key store password refused (EX_NOPERM). */
  public static final int WRONG_PIN = 77;

  /** Configuration error, e.g. no trust anchors (EX_CONFIG). */
  public static final int CONFIG_ERROR = 78;

  /** The signer's certificate is revoked, expired or not yet valid. */
  public static final int SIGNER_CERTIFICATE = 79;

  static final String USAGE =
      """
      lienthong-sign — PAdES signing and validation (Liên Thông)

        lienthong-sign demo-pki init DIR [--base-url URL]
            Create the demo PKI in DIR (or keep the one there). Never trust it in production.
        lienthong-sign demo-pki revoke DIR HOLDER
            Revoke the certificate of HOLDER (leader, clerk, seal, ...) from now on.
        lienthong-sign demo-pki serve DIR
            Serve its CA certificates, CRLs, OCSP and TSA over HTTP at its base URL (until killed),
            for outside verifiers such as pdfsig or Acrobat.

        lienthong-sign sign --in IN.pdf --out OUT.pdf [--level B-B|B-T|B-LT|B-LTA]
            key, one of:
              --pkcs12 FILE [--alias A] (--password-env VAR | --password P)
              --pkcs11-library LIB (--slot-index N | --token-label L) --key-label K
                  (--pin-env VAR | --pin P)
            appearance (default none):
              --appearance leader --name NAME --position POSITION [--image SIGNATURE.png]
              --appearance seal --unit UNIT [--image SEAL.png]   (over the leader's box)
              --appearance attachment --number "12/UBND-VP"
              box of the leader's signature: --page 1 --x 330 --y 620 --width 200 --height 90
                  (points from the top-left corner)
            [--reason TEXT] [--location TEXT]
        lienthong-sign extend --in IN.pdf --out OUT.pdf [--level B-LTA]
        lienthong-sign verify --in IN.pdf (--trust DIR | --demo-pki DIR) [--report ETSI.xml]
            Prints the verdict as JSON.

        PKI services: --demo-pki DIR answers the demo PKI's URLs in process and gives the default
        trust anchors and TSA; --trust DIR (certificate files), --tsa URL for real ones.
        --services URL,URL...: the only URL prefixes CRLs, OCSP and CA certificates are fetched
        from (the demo PKI's base URL with --demo-pki); URLs a document's certificates name
        elsewhere are never fetched, their revocation data must come with the document.

      Exit codes: 0 ok / TOTAL_PASSED, 1 TOTAL_FAILED, 2 INDETERMINATE, 3 NO_SIGNATURE,
        64 usage, 65 bad document, 69 token/key unavailable, 70 other failure,
        77 wrong PIN or password, 78 configuration (e.g. no trust anchors),
        79 signer's certificate revoked, expired or not yet valid.
      """;

  private final PrintStream out;
  private final PrintStream err;

  SignTool(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  public static void main(String[] args) {
    // The tool says what went wrong in one line of its own; the libraries' logs (with their stack
    // traces) stay quiet unless asked for with -Dorg.slf4j.simpleLogger.defaultLogLevel=...
    if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "off");
    }
    int code = new SignTool(System.out, System.err).run(args);
    System.exit(code);
  }

  int run(String[] args) {
    try {
      if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
        out.print(USAGE);
        return args.length == 0 ? USAGE_ERROR : OK;
      }
      return switch (args[0]) {
        case "demo-pki" -> demoPki(args);
        case "sign" -> sign(Options.parse(args, 1));
        case "extend" -> extend(Options.parse(args, 1));
        case "verify" -> verify(Options.parse(args, 1));
        default -> usage("Unknown command " + args[0]);
      };
    } catch (UsageException e) {
      return usage(e.getMessage());
    } catch (InvalidDocumentException e) {
      err.println("Bad document (" + e.reason() + "): " + e.getMessage());
      return BAD_DOCUMENT;
    } catch (WrongPinException e) {
      err.println("Wrong PIN: " + e.getMessage());
      return WRONG_PIN;
    } catch (TokenAbsentException | TokenBusyException | KeyNotFoundException e) {
      err.println("Key unavailable: " + e.getMessage());
      return KEY_UNAVAILABLE;
    } catch (SignerCertificateException e) {
      err.println("Signer certificate: " + e.getMessage());
      return SIGNER_CERTIFICATE;
    } catch (NoTrustAnchorsException e) {
      err.println("Configuration: " + e.getMessage());
      return CONFIG_ERROR;
    } catch (SigningException e) {
      err.println("Failed: " + e.getMessage());
      return SOFTWARE_ERROR;
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      // a bug of ours or of a library: one line, never a stack trace on the terminal
      err.println("Failed: " + e);
      return SOFTWARE_ERROR;
    }
  }

  private int usage(String message) {
    err.println(message);
    err.println("Run lienthong-sign --help for usage.");
    return USAGE_ERROR;
  }

  private int demoPki(String[] args) {
    if (args.length >= 3 && args[1].equals("init")) {
      Options options = Options.parse(args, 3);
      DemoPki pki =
          DemoPki.openOrCreate(
              Path.of(args[2]), options.get("base-url").orElse(DemoPki.DEFAULT_BASE_URL));
      out.println(
          "Demo PKI in " + pki.directory().toAbsolutePath() + " (base URL " + pki.baseUrl() + ")");
      out.println("  trust anchors: " + pki.trustFolder().toAbsolutePath());
      out.println(
          "  key stores (password " + DemoPki.DEMO_PASSWORD + "): leader.p12, clerk.p12, seal.p12");
      return OK;
    }
    if (args.length == 4 && args[1].equals("revoke")) {
      DemoPki pki = existingPki(Path.of(args[2]));
      pki.revoke(pki.certificateOf(args[3]));
      out.println("Revoked " + args[3]);
      return OK;
    }
    if (args.length == 3 && args[1].equals("serve")) {
      DemoPki pki = existingPki(Path.of(args[2]));
      DemoPkiServer.start(pki);
      out.println("Serving the demo PKI at " + pki.baseUrl() + " (Ctrl+C to stop)");
      try {
        Thread.currentThread().join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return OK;
    }
    throw new UsageException(
        "Usage: demo-pki init DIR [--base-url URL] | demo-pki revoke DIR HOLDER | demo-pki serve DIR");
  }

  private int sign(Options options) {
    Path in = options.path("in");
    Path outFile = options.path("out");
    SignatureLevel level = level(options, SignatureLevel.B_B);
    SignOptions signOptions =
        new SignOptions(
            level,
            appearance(options),
            options.get("reason").orElse(null),
            options.get("location").orElse(null));
    TrustServices services = services(options, false);
    try (KeySource source = keySource(options);
        BorrowedKey key = source.borrow()) {
      new PadesSigner(services).sign(in, outFile, signOptions, key);
    }
    out.println("Signed " + level.label() + ": " + outFile);
    return OK;
  }

  private int extend(Options options) {
    Path in = options.path("in");
    Path outFile = options.path("out");
    SignatureLevel level = level(options, SignatureLevel.B_LTA);
    new PadesSigner(services(options, false)).extend(in, outFile, level);
    out.println("Extended to " + level.label() + ": " + outFile);
    return OK;
  }

  private int verify(Options options) {
    Path in = options.path("in");
    Optional<Path> report = options.get("report").map(Path::of);
    Verification verification =
        new PdfVerifier(services(options, true)).verify(in, report.isPresent());
    if (report.isPresent()) {
      try {
        Files.writeString(
            report.get(), verification.etsiReportXml().orElseThrow(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new SigningException("Cannot write " + report.get(), e);
      }
    }
    Verdict verdict = verification.verdict();
    out.println(json(verdict));
    return switch (verdict.indication()) {
      case TOTAL_PASSED -> OK;
      case TOTAL_FAILED -> FAILED;
      case INDETERMINATE -> INDETERMINATE;
      case NO_SIGNATURE -> NO_SIGNATURE;
    };
  }

  /** The verdict in the shape of the public API's verification answer. */
  static String json(Verdict verdict) {
    List<String> signatures = new ArrayList<>();
    for (SignatureVerdict s : verdict.signatures()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("signer", s.signer());
      m.put("organization", s.organization());
      m.put("signingTime", s.signingTime() == null ? null : s.signingTime().toString());
      m.put("level", s.level());
      m.put("indication", s.indication().name());
      m.put("subIndication", s.subIndication());
      m.put(
          "changesAfterSigning",
          s.changesAfterSigning().stream().map(ChangeAfterSigning::description).toList());
      signatures.add(FlatJson.write(m));
    }
    Map<String, Object> top = new LinkedHashMap<>();
    top.put("documentSha256", verdict.documentSha256());
    top.put("indication", verdict.indication().name());
    String head = FlatJson.write(top);
    return head.substring(0, head.length() - 1)
        + ",\"signatures\":["
        + String.join(",", signatures)
        + "]}";
  }

  private static SignatureLevel level(Options options, SignatureLevel fallback) {
    try {
      return options.get("level").map(SignatureLevel::fromLabel).orElse(fallback);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--level must be B-B, B-T, B-LT or B-LTA");
    }
  }

  private static Appearance appearance(Options options) {
    String kind = options.get("appearance").orElse("none");
    return switch (kind) {
      case "none" -> new Appearance.Invisible();
      case "leader" ->
          new Appearance.Leader(
              options.required("name"),
              options.required("position"),
              options.bytes("image"),
              placement(options));
      case "seal" ->
          new Appearance.Seal(
              options.required("unit"),
              options.bytes("image"),
              Placement.sealOver(placement(options)));
      case "attachment" -> new Appearance.Attachment(options.required("number"));
      default -> throw new UsageException("--appearance must be none, leader, seal or attachment");
    };
  }

  private static Placement placement(Options options) {
    try {
      return new Placement(
          Integer.parseInt(options.get("page").orElse("1")),
          Float.parseFloat(options.get("x").orElse("330")),
          Float.parseFloat(options.get("y").orElse("620")),
          Float.parseFloat(options.get("width").orElse("200")),
          Float.parseFloat(options.get("height").orElse("90")));
    } catch (IllegalArgumentException e) {
      throw new UsageException("Bad placement: " + e.getMessage());
    }
  }

  private static KeySource keySource(Options options) {
    if (options.has("pkcs12")) {
      return new Pkcs12KeySource(
          options.path("pkcs12"), options.secret("password"), options.get("alias").orElse(null));
    }
    if (options.has("pkcs11-library")) {
      TokenSelector token;
      if (options.has("token-label")) {
        token = TokenSelector.tokenLabel(options.required("token-label"));
      } else if (options.has("slot-index")) {
        token = TokenSelector.slotListIndex(Integer.parseInt(options.required("slot-index")));
      } else {
        throw new UsageException("PKCS#11 needs --token-label or --slot-index");
      }
      return new Pkcs11KeySource(
          options.path("pkcs11-library"),
          token,
          options.required("key-label"),
          options.secret("pin"),
          Duration.ofSeconds(30));
    }
    throw new UsageException("Name a key: --pkcs12 FILE or --pkcs11-library LIB");
  }

  private static TrustServices services(Options options, boolean needAnchors) {
    PkiClient http =
        new CachingPkiClient(
            new HttpPkiClient(Duration.ofSeconds(15)),
            ResponseCache.inMemory(),
            Duration.ofMinutes(10));
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    List<String> serviceUrls = new ArrayList<>();
    for (String url : options.get("services").map(s -> s.split(",")).orElse(new String[0])) {
      try {
        PkiClient.restrictedTo(List.of(url), null);
      } catch (IllegalArgumentException e) {
        throw new UsageException("--services: " + e.getMessage());
      }
      serviceUrls.add(url.strip());
    }
    if (options.has("demo-pki")) {
      DemoPki pki = existingPki(options.path("demo-pki"));
      List<java.security.cert.X509Certificate> anchors =
          options.has("trust")
              ? TrustAnchors.fromFolder(options.path("trust")).certificates()
              : List.of(pki.rootCertificate());
      serviceUrls.add(pki.baseUrl() + "/");
      return new TrustServices(
          anchors,
          PkiClient.demoFirst(pki, http),
          Optional.of(options.get("tsa").orElse(pki.tsaUrl())),
          tmp,
          serviceUrls);
    }
    List<java.security.cert.X509Certificate> anchors = List.of();
    if (options.has("trust")) {
      anchors = TrustAnchors.fromFolder(options.path("trust")).certificates();
    } else if (needAnchors) {
      throw new NoTrustAnchorsException("verify needs --trust DIR (or --demo-pki DIR)");
    }
    return new TrustServices(anchors, http, options.get("tsa"), tmp, serviceUrls);
  }

  private static DemoPki existingPki(Path dir) {
    if (!Files.exists(dir.resolve("pki.properties"))) {
      throw new UsageException("No demo PKI in " + dir + ": run demo-pki init " + dir + " first");
    }
    return DemoPki.openOrCreate(dir);
  }

  static final class UsageException extends RuntimeException {
    UsageException(String message) {
      super(message);
    }
  }

  /** --name value pairs. */
  static final class Options {

    private final Map<String, String> values = new HashMap<>();

    static Options parse(String[] args, int from) {
      Options options = new Options();
      for (int i = from; i < args.length; i++) {
        if (!args[i].startsWith("--") || i + 1 >= args.length) {
          throw new UsageException("Expected --option value, got " + args[i]);
        }
        options.values.put(args[i].substring(2), args[++i]);
      }
      return options;
    }

    boolean has(String name) {
      return values.containsKey(name);
    }

    Optional<String> get(String name) {
      return Optional.ofNullable(values.get(name));
    }

    String required(String name) {
      return get(name).orElseThrow(() -> new UsageException("Missing --" + name));
    }

    Path path(String name) {
      return Path.of(required(name));
    }

    byte[] bytes(String name) {
      if (!has(name)) {
        return null;
      }
      try {
        return Files.readAllBytes(path(name));
      } catch (IOException e) {
        throw new UsageException("Cannot read --" + name + " " + values.get(name));
      }
    }

    /**
     * A PIN or password: from --NAME-env VARIABLE (preferred, not in the process list) or --NAME.
     */
    char[] secret(String name) {
      if (has(name + "-env")) {
        String value = System.getenv(required(name + "-env"));
        if (value == null) {
          throw new UsageException(
              "Environment variable " + values.get(name + "-env") + " is not set");
        }
        return value.toCharArray();
      }
      return required(name).toCharArray();
    }
  }
}
