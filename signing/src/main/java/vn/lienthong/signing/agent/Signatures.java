package vn.lienthong.signing.agent;

import java.io.IOException;
import java.io.PrintStream;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import vn.lienthong.signing.SigningException;
import vn.lienthong.signing.key.BorrowedKey;
import vn.lienthong.signing.key.KeyNotFoundException;
import vn.lienthong.signing.key.KeySource;
import vn.lienthong.signing.key.KeyUnavailableException;
import vn.lienthong.signing.key.PinLockedException;
import vn.lienthong.signing.key.Pkcs11Tokens;
import vn.lienthong.signing.key.TokenAbsentException;
import vn.lienthong.signing.key.TokenBusyException;
import vn.lienthong.signing.key.WrongPinException;

/**
 * {@code POST /v1/signatures}: a batch of documents signed with one certificate's key, after the
 * official has seen what is signed and given the PIN once. One batch at a time: another one while
 * the official is asked is {@code token-busy}.
 *
 * <p>Each {@code dataToSign} must be what the server's two-step signing gives: the DER of CMS
 * signed attributes (a SET with content-type and message-digest). The agent signs nothing else, so
 * a page cannot use the official's key to sign arbitrary data (a login challenge, another format)
 * under a document's title.
 */
final class Signatures {

  static final int MAX_DOCUMENTS = 100;
  static final int MAX_DATA_TO_SIGN = 64 * 1024;
  static final int MAX_TITLE = 500;
  static final int MAX_NUMBER = 100;
  static final int MAX_SESSION_ID = 200;

  private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.ROOT).withZone(ZoneOffset.ofHours(7));

  private final SignerKeys keys;
  private final PinPrompt prompt;
  private final PrintStream log;
  private final Semaphore oneBatch = new Semaphore(1);

  Signatures(SignerKeys keys, PinPrompt prompt, PrintStream log) {
    this.keys = keys;
    this.prompt = prompt;
    this.log = log;
  }

  /** A document of the request, with what is wrong with it (null when it can be signed). */
  private record Item(
      String sessionId,
      PinPrompt.Document shown,
      byte[] data,
      String algorithm,
      String error,
      String message) {}

  /** A document that could not be signed once the batch ran. */
  private record Failure(String error, String message) {}

  Map<String, Object> sign(Object body, String origin) {
    Map<String, Object> request = object(body, "Yêu cầu");
    String certificateId = string(request, "certificateId", 64, true);
    if (!SHA256_HEX.matcher(certificateId).matches()) {
      throw AgentException.badRequest("certificateId phải là 64 chữ số thập lục phân");
    }
    if (!(request.get("documents") instanceof List<?> documents)
        || documents.isEmpty()
        || documents.size() > MAX_DOCUMENTS) {
      throw AgentException.badRequest(
          "documents phải là danh sách từ 1 đến " + MAX_DOCUMENTS + " văn bản");
    }
    SignerKeys.SignerCertificate signer = find(certificateId.toLowerCase(Locale.ROOT));
    X509Certificate certificate = signer.certificate();

    List<Item> items = new ArrayList<>();
    Set<String> sessionIds = new HashSet<>();
    for (Object entry : documents) {
      Item item = item(object(entry, "Mỗi văn bản"), certificate);
      if (!sessionIds.add(item.sessionId())) {
        throw AgentException.badRequest("sessionId bị lặp lại: " + item.sessionId());
      }
      items.add(item);
    }
    List<Item> signable = items.stream().filter(i -> i.error() == null).toList();
    // sessionId -> the signature value (byte[]) or a Failure
    Map<String, Object> outcome = new LinkedHashMap<>();
    if (!signable.isEmpty()) {
      signBatch(signer, signable, items, origin, outcome);
    }
    List<Object> results = new ArrayList<>();
    for (Item item : items) {
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("sessionId", item.sessionId());
      if (item.error() != null) {
        result.put("error", item.error());
        result.put("message", item.message());
      } else if (outcome.get(item.sessionId()) instanceof byte[] value) {
        result.put("signatureValue", Base64.getEncoder().encodeToString(value));
      } else {
        Failure failure = (Failure) outcome.get(item.sessionId());
        result.put("error", failure.error());
        result.put("message", failure.message());
      }
      results.add(result);
    }
    return Map.of("results", results);
  }

  private void signBatch(
      SignerKeys.SignerCertificate signer,
      List<Item> signable,
      List<Item> all,
      String origin,
      Map<String, Object> outcome) {
    if (!oneBatch.tryAcquire()) {
      throw new AgentException(
          503,
          "token-busy",
          "Đang có một yêu cầu ký khác chờ xác nhận: hãy hoàn tất hoặc từ chối yêu cầu đó trước");
    }
    try {
      if (pinState(signer) == Pkcs11Tokens.PinState.LOCKED) {
        throw pinLocked();
      }
      Optional<char[]> pin;
      try {
        pin = prompt.approve(summary(signer, signable, all, origin));
      } catch (RuntimeException e) {
        log.println("Không hỏi được mã PIN: " + e.getMessage());
        throw new AgentException(
            503,
            "prompt-unavailable",
            "Không hỏi được mã PIN trên máy này (xem cửa sổ của chương trình ký số)");
      }
      if (pin.isEmpty()) {
        log.println("Người dùng đã từ chối ký " + signable.size() + " văn bản");
        throw new AgentException(409, "declined", "Người dùng đã từ chối ký");
      }
      try (KeySource source = open(signer, pin.get());
          BorrowedKey key = borrow(source, signer)) {
        if (!key.certificate().equals(signer.certificate())) {
          throw unknownCertificate();
        }
        signAll(key, signable, outcome);
      }
      log.println(
          "Đã ký "
              + outcome.values().stream().filter(v -> v instanceof byte[]).count()
              + "/"
              + signable.size()
              + " văn bản cho "
              + (origin == null ? "một chương trình trên máy này" : origin));
    } finally {
      oneBatch.release();
    }
  }

  /** The key source for the batch; the PIN is zeroed here, whatever happens. */
  private KeySource open(SignerKeys.SignerCertificate signer, char[] pin) {
    try {
      return keys.open(signer, pin);
    } catch (KeyUnavailableException e) {
      throw keyError(e, signer);
    } finally {
      Arrays.fill(pin, '\0');
    }
  }

  private BorrowedKey borrow(KeySource source, SignerKeys.SignerCertificate signer) {
    try {
      return source.borrow();
    } catch (KeyUnavailableException e) {
      throw keyError(e, signer);
    }
  }

  private static void signAll(BorrowedKey key, List<Item> signable, Map<String, Object> outcome) {
    Failure removed = new Failure("token-absent", "USB token đã bị rút ra trong khi ký");
    boolean absent = false;
    for (Item item : signable) {
      if (absent) {
        outcome.put(item.sessionId(), removed);
        continue;
      }
      try {
        outcome.put(item.sessionId(), key.sign(item.data(), item.algorithm()));
      } catch (TokenAbsentException e) {
        absent = true;
        outcome.put(item.sessionId(), removed);
      } catch (SigningException | IllegalStateException e) {
        outcome.put(
            item.sessionId(),
            new Failure("signing-failed", "Thiết bị ký không ký được văn bản này"));
      }
    }
  }

  private Pkcs11Tokens.PinState pinState(SignerKeys.SignerCertificate signer) {
    try {
      return keys.pinState(signer);
    } catch (RuntimeException e) {
      return Pkcs11Tokens.PinState.OK; // cannot tell: the login will
    }
  }

  private AgentException keyError(KeyUnavailableException e, SignerKeys.SignerCertificate signer) {
    if (e instanceof PinLockedException) {
      return pinLocked();
    }
    if (e instanceof WrongPinException) {
      Pkcs11Tokens.PinState state = pinState(signer);
      if (state == Pkcs11Tokens.PinState.LOCKED) {
        return pinLocked();
      }
      AgentException wrong =
          new AgentException(
              422, "wrong-pin", "Sai mã PIN: chưa ký văn bản nào. Hãy kiểm tra lại mã PIN");
      if (state == Pkcs11Tokens.PinState.FINAL_TRY) {
        wrong =
            new AgentException(
                    422,
                    "wrong-pin",
                    "Sai mã PIN: chưa ký văn bản nào. CHÚ Ý: nhập sai thêm một lần nữa thì USB"
                        + " token sẽ bị khóa")
                .with("retriesLeft", 1);
      }
      return wrong;
    }
    if (e instanceof TokenAbsentException) {
      return new AgentException(
          503, "token-absent", "Không thấy USB token: hãy cắm USB token vào máy rồi thử lại");
    }
    if (e instanceof TokenBusyException) {
      return new AgentException(
          503, "token-busy", "USB token đang bận với việc khác: hãy thử lại sau ít phút");
    }
    if (e instanceof KeyNotFoundException) {
      return unknownCertificate();
    }
    return new AgentException(500, "internal-error", "Không dùng được khóa ký");
  }

  private static AgentException pinLocked() {
    return new AgentException(
        422,
        "pin-locked",
        "Mã PIN của USB token đã bị khóa do nhập sai nhiều lần: hãy liên hệ nơi cấp chứng thư số"
            + " để mở khóa");
  }

  private static AgentException unknownCertificate() {
    return new AgentException(
        404,
        "unknown-certificate",
        "Không tìm thấy chứng thư số này (hoặc khóa của nó) trên thiết bị ký");
  }

  private SignerKeys.SignerCertificate find(String id) {
    List<SignerKeys.SignerCertificate> certificates;
    try {
      certificates = keys.certificates();
    } catch (KeyUnavailableException e) {
      throw keyError(e, null);
    }
    return certificates.stream()
        .filter(c -> c.id().equals(id))
        .findFirst()
        .orElseThrow(Signatures::unknownCertificate);
  }

  private static Item item(Map<String, Object> document, X509Certificate certificate) {
    String sessionId = string(document, "sessionId", MAX_SESSION_ID, true);
    String title = string(document, "title", MAX_TITLE, true);
    String number = string(document, "number", MAX_NUMBER, false);
    // What is wrong inside these fails this document only.
    String hash = loose(document, "documentSha256", 64);
    String dataToSign = loose(document, "dataToSign", 4 * MAX_DATA_TO_SIGN);
    String algorithm = loose(document, "signatureAlgorithm", 32);
    String shownTitle = PinPrompt.clean(title, MAX_TITLE);
    PinPrompt.Document shown =
        new PinPrompt.Document(
            shownTitle,
            PinPrompt.clean(number, MAX_NUMBER),
            hash == null ? null : hash.toLowerCase(Locale.ROOT));
    if (hash == null || !SHA256_HEX.matcher(hash).matches()) {
      return new Item(
          sessionId,
          shown,
          null,
          null,
          "bad-document-hash",
          "documentSha256 phải là mã băm SHA-256 của văn bản (64 chữ số thập lục phân)");
    }
    byte[] data = decode(dataToSign);
    if (data == null) {
      return new Item(
          sessionId,
          shown,
          null,
          null,
          "bad-data-to-sign",
          "dataToSign không hợp lệ: phải là base64 của các thuộc tính ký CMS (DER) mà máy chủ tạo");
    }
    if (algorithm == null || !BorrowedKey.fits(algorithm, certificate)) {
      String keyType = certificate.getPublicKey().getAlgorithm();
      String suffix = keyType.equals("EC") ? "withECDSA" : "with" + keyType;
      return new Item(
          sessionId,
          shown,
          null,
          null,
          "unsupported-algorithm",
          "Thuật toán ký "
              + (algorithm == null ? "(không có)" : PinPrompt.clean(algorithm, 32))
              + " không dùng được với khóa "
              + keyType
              + " này (chỉ SHA256"
              + suffix
              + ", SHA384"
              + suffix
              + ", SHA512"
              + suffix
              + ")");
    }
    return new Item(sessionId, shown, data, algorithm, null, null);
  }

  /** The bytes when they are base64 of DER signed attributes; null otherwise. */
  static byte[] decode(String base64) {
    if (base64 == null || base64.isEmpty()) {
      return null;
    }
    byte[] data;
    try {
      data = Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      return null;
    }
    return data.length <= MAX_DATA_TO_SIGN && isSignedAttributes(data) ? data : null;
  }

  /** DER of a SET of attributes with content-type and message-digest (RFC 5652, 5.3). */
  static boolean isSignedAttributes(byte[] der) {
    try {
      ASN1Primitive value = ASN1Primitive.fromByteArray(der);
      if (!(value instanceof ASN1Set set)
          || !Arrays.equals(value.getEncoded(ASN1Encoding.DER), der)) {
        return false;
      }
      boolean contentType = false;
      boolean digest = false;
      for (ASN1Encodable element : set) {
        Attribute attribute = Attribute.getInstance(element);
        if (attribute.getAttrType().equals(CMSAttributes.contentType)) {
          contentType = attribute.getAttrValues().size() == 1;
        } else if (attribute.getAttrType().equals(CMSAttributes.messageDigest)) {
          digest =
              attribute.getAttrValues().size() == 1
                  && attribute.getAttrValues().getObjectAt(0) instanceof ASN1OctetString;
        }
      }
      return contentType && digest;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private PinPrompt.Batch summary(
      SignerKeys.SignerCertificate signer, List<Item> signable, List<Item> all, String origin) {
    X509Certificate certificate = signer.certificate();
    Instant now = Instant.now();
    String warning = null;
    if (now.isAfter(certificate.getNotAfter().toInstant())) {
      warning = "chứng thư số đã hết hạn: máy chủ sẽ không nhận chữ ký";
    } else if (now.isBefore(certificate.getNotBefore().toInstant())) {
      warning = "chứng thư số chưa có hiệu lực: máy chủ sẽ không nhận chữ ký";
    }
    List<PinPrompt.Refused> refused = new ArrayList<>();
    for (Item item : all) {
      if (item.error() != null) {
        refused.add(new PinPrompt.Refused(item.shown().title(), item.message()));
      }
    }
    return new PinPrompt.Batch(
        origin,
        PinPrompt.clean(commonName(certificate.getSubjectX500Principal().getEncoded()), 200),
        PinPrompt.clean(
            subject(certificate.getSubjectX500Principal())
                + "; do "
                + commonName(certificate.getIssuerX500Principal().getEncoded())
                + " cấp; hiệu lực "
                + DAY.format(certificate.getNotBefore().toInstant())
                + " – "
                + DAY.format(certificate.getNotAfter().toInstant()),
            600),
        signer.location(),
        warning,
        signable.stream().map(Item::shown).toList(),
        refused);
  }

  private static final Map<String, String> NAMES =
      Map.of(
          "2.5.4.5", "SERIALNUMBER",
          "2.5.4.12", "T",
          "2.5.4.97", "organizationIdentifier",
          "1.2.840.113549.1.9.1", "EMAILADDRESS");

  /**
   * A name in RFC 2253 form, with the attributes Vietnamese certificates carry (serial number,
   * title, organization identifier, e-mail) as text rather than hex.
   */
  static String subject(javax.security.auth.x500.X500Principal name) {
    return name.getName(javax.security.auth.x500.X500Principal.RFC2253, NAMES);
  }

  /** The CN of a DER name, or the whole name when it has none. */
  static String commonName(byte[] encodedName) {
    X500Name name = X500Name.getInstance(encodedName);
    RDN[] cn = name.getRDNs(BCStyle.CN);
    if (cn.length == 0) {
      return name.toString();
    }
    ASN1Encodable value = cn[0].getFirst().getValue();
    return value instanceof ASN1String text ? text.getString() : IETFUtils.valueToString(value);
  }

  private static Map<String, Object> object(Object value, String what) {
    if (!(value instanceof Map<?, ?> map)) {
      throw AgentException.badRequest(what + " phải là một đối tượng JSON");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> object = (Map<String, Object>) map;
    return object;
  }

  /** A string of at most {@code max} characters; null for anything else. */
  private static String loose(Map<String, Object> object, String name, int max) {
    return object.get(name) instanceof String text && text.length() <= max ? text : null;
  }

  /** A string field, at most {@code max} characters; null when absent and not required. */
  private static String string(Map<String, Object> object, String name, int max, boolean required) {
    Object value = object.get(name);
    if (value == null) {
      if (required) {
        throw AgentException.badRequest("Thiếu trường " + name);
      }
      return null;
    }
    if (!(value instanceof String text) || (required && text.isBlank())) {
      throw AgentException.badRequest("Trường " + name + " phải là một chuỗi không rỗng");
    }
    if (text.length() > max) {
      throw AgentException.badRequest("Trường " + name + " dài quá " + max + " ký tự");
    }
    return text;
  }
}
