package vn.lienthong.application.signing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import vn.lienthong.application.Settings;
import vn.lienthong.application.document.Upload;
import vn.lienthong.domain.InvalidInputException;
import vn.lienthong.domain.NotFoundException;
import vn.lienthong.domain.TooManyRequestsException;
import vn.lienthong.domain.content.ContentHash;
import vn.lienthong.signing.SigningException;
import vn.lienthong.signing.validation.Verification;

/**
 * Public verification: anyone uploads a signed PDF and gets the verdict. A document already
 * verified under the same trust configuration is answered from the cache by its hash; a client over
 * its rate is told when to come back (429).
 */
@ApplicationScoped
public class VerificationService {
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  @Inject SignatureServices engine;
  @Inject VerdictCache cache;
  @Inject Settings settings;
  @Inject Clock clock;
  @Inject PdfFiles files;

  /** Verifications of stored documents now running on this node, by cache key. */
  private final ConcurrentHashMap<String, CompletableFuture<VerdictView>> inFlight =
      new ConcurrentHashMap<>();

  /** A verdict, and whether it came from the cache. */
  public record Result(VerdictView verdict, boolean cached) {}

  /** Counts the request against the client's rate; refused with 429 past it. */
  public void admit(String client) {
    long now = clock.millis();
    long minute = now / 60_000;
    if (cache.countRequest(client, minute) > settings.verificationsPerMinute()) {
      long retryAfter = Math.max(1, ((minute + 1) * 60_000 - now + 999) / 1000);
      throw new TooManyRequestsException(
          "Quá nhiều yêu cầu xác thực từ địa chỉ này; vui lòng thử lại sau "
              + retryAfter
              + " giây.",
          retryAfter);
    }
  }

  public Result verify(Upload upload) {
    return verify(upload.hash(), () -> upload.file());
  }

  /**
   * The verdict on bytes of this hash: from the cache when they were verified under this trust
   * configuration, else by the verifier on the file {@code file} gives (asked for only then).
   */
  public Result verify(ContentHash hash, Supplier<Path> file) {
    String key = key(hash.hex());
    var cached = cache.verdict(key);
    if (cached.isPresent()) {
      return new Result(cached.get(), true);
    }
    Verification v;
    try {
      v = engine.verifier().verify(file.get(), true);
    } catch (SigningException e) {
      throw SigningErrors.of(e);
    }
    VerdictView view = VerdictView.of(v.verdict());
    cache.put(key, view, v.etsiReportXml().orElse(null));
    return new Result(view, false);
  }

  /**
   * The verdict on bytes in the content store (a document in the exchange), cached by hash. The
   * deliveries of one document to several units arrive together: one of them verifies, the others
   * wait for its verdict instead of verifying the same bytes again.
   */
  public VerdictView verifyStored(String sha256) {
    String key = key(sha256);
    var cached = cache.verdict(key);
    if (cached.isPresent()) {
      return cached.get();
    }
    CompletableFuture<VerdictView> mine = new CompletableFuture<>();
    CompletableFuture<VerdictView> running = inFlight.putIfAbsent(key, mine);
    if (running != null) {
      try {
        return running.join();
      } catch (java.util.concurrent.CompletionException e) {
        if (e.getCause() instanceof RuntimeException r) {
          throw r;
        }
        throw e;
      }
    }
    try {
      VerdictView v = verifyStoredNow(sha256, key);
      mine.complete(v);
      return v;
    } catch (RuntimeException e) {
      mine.completeExceptionally(e);
      throw e;
    } finally {
      inFlight.remove(key, mine);
    }
  }

  private VerdictView verifyStoredNow(String sha256, String key) {
    java.nio.file.Path file = files.copyOut(sha256);
    try {
      Verification v = engine.verifier().verify(file, true);
      VerdictView view = VerdictView.of(v.verdict());
      cache.put(key, view, v.etsiReportXml().orElse(null));
      return view;
    } catch (SigningException e) {
      throw SigningErrors.of(e);
    } finally {
      PdfFiles.delete(file);
    }
  }

  /**
   * The verdict on a document verified here before, by its SHA-256 alone: a client that hashes the
   * file itself asks this first and uploads only when it is not known (404).
   */
  public VerdictView known(String sha256) {
    return cache
        .verdict(key(hex(sha256)))
        .orElseThrow(
            () ->
                new NotFoundException(
                    "Văn bản này chưa được xác thực gần đây: hãy tải văn bản lên để xác thực."));
  }

  /** The ETSI validation report of a document verified here before. */
  public String report(String sha256) {
    return cache
        .report(key(hex(sha256)))
        .orElseThrow(
            () ->
                new NotFoundException(
                    "Chưa có báo cáo xác thực cho văn bản này (hoặc đã hết hạn): hãy tải văn bản"
                        + " lên để xác thực."));
  }

  private static String hex(String sha256) {
    String hex = sha256 == null ? "" : sha256.toLowerCase(Locale.ROOT);
    if (!SHA256.matcher(hex).matches()) {
      throw InvalidInputException.field("sha256", "Mã băm SHA-256 gồm 64 ký tự thập lục phân.");
    }
    return hex;
  }

  private String key(String sha256) {
    return sha256 + ":" + engine.trustFingerprint();
  }
}
