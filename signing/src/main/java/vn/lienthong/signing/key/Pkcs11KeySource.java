package vn.lienthong.signing.key;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.ProviderException;
import java.security.SecureRandom;
import java.security.Security;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A key on a PKCS#11 token or HSM, through the JDK's SunPKCS11 provider.
 *
 * <p>One provider and one login per token per process: PKCS#11 login state is shared by all
 * sessions of an application, so a second provider on the same token would see it already logged in
 * and accept any PIN. We therefore share one login per token and compare each caller's PIN with a
 * salted hash of the PIN that logged in. Each borrow takes a permit of the token (one at a time by
 * default, as a USB token signs one thing at a time); waiting longer than {@code busyTimeout} is
 * {@link TokenBusyException}.
 *
 * <p>That comparison bypasses the token's own retry counter, so each source counts its wrong PINs
 * (the token's refusal at login included) and, after {@code maxWrongPins} of them (3 by default),
 * refuses every borrow with {@link PinLockedException} without comparing or logging in again. A
 * right PIN resets the count. Other sources of the token are not affected. A new source per guess
 * would start a new count, so the login counts too: after {@link #MAX_WRONG_PER_LOGIN} wrong PINs
 * from any sources since the last right one, no other source may join that login ({@link
 * PinLockedException}) until its sources are closed and the token, logged out, checks the next PIN
 * itself with its own retry counter.
 *
 * <p>The login lasts while it is used: each source whose PIN was accepted, and each key lent and
 * not yet given back, holds the token open. When the last of them is closed the token is logged out
 * and forgotten, so the next borrow logs in again and the token checks that PIN itself. A key lent
 * by a source that is closed meanwhile keeps working until it is given back.
 *
 * <p>Selecting a token by label reads the token list through the JDK-internal PKCS#11 wrapper,
 * which needs {@code --add-exports jdk.crypto.cryptoki/sun.security.pkcs11.wrapper=ALL-UNNAMED}
 * (the lienthong-sign jar's manifest has it). Selection by slot list index works without it, but
 * then a token named both by index and by label in one process would get two logins, and the second
 * would not check its PIN: give the JVM the option wherever PINs come from different people.
 */
public final class Pkcs11KeySource implements KeySource {

  public static final int DEFAULT_MAX_WRONG_PINS = 3;

  private static final ConcurrentHashMap<String, OpenToken> TOKENS = new ConcurrentHashMap<>();
  private static final ConcurrentHashMap<String, Provider> PROVIDERS = new ConcurrentHashMap<>();
  private static final AtomicInteger PROVIDER_COUNTER = new AtomicInteger();

  private final Path library;
  private final TokenSelector token;

  /** The key's alias in SunPKCS11's key store; null when the key is named by its certificate. */
  private final String keyLabel;

  private final X509Certificate certificate;
  private final char[] pin;
  private final Duration busyTimeout;
  private final int maxWrongPins;

  /**
   * Wrong PINs compared against one login, from any number of sources, before the login takes no
   * more: the token's own counter does not see these, so this is the bound on guessing it.
   */
  public static final int MAX_WRONG_PER_LOGIN = 5;

  /** The token's slot, resolved on first use; forgotten when the token goes away. */
  private volatile String slotConfig;

  /** The token this source holds open (its PIN was accepted there); guarded by {@code this}. */
  private OpenToken joined;

  private boolean closed;

  /** Wrong PINs since the last right one; guarded by {@code this}. */
  private int wrongPins;

  public Pkcs11KeySource(Path library, TokenSelector token, String keyLabel, char[] pin) {
    this(library, token, keyLabel, pin, Duration.ofSeconds(30));
  }

  public Pkcs11KeySource(
      Path library, TokenSelector token, String keyLabel, char[] pin, Duration busyTimeout) {
    this(library, token, keyLabel, pin, busyTimeout, DEFAULT_MAX_WRONG_PINS);
  }

  public Pkcs11KeySource(
      Path library,
      TokenSelector token,
      String keyLabel,
      char[] pin,
      Duration busyTimeout,
      int maxWrongPins) {
    this(
        library,
        token,
        java.util.Objects.requireNonNull(keyLabel, "keyLabel"),
        null,
        pin,
        busyTimeout,
        maxWrongPins);
  }

  private Pkcs11KeySource(
      Path library,
      TokenSelector token,
      String keyLabel,
      X509Certificate certificate,
      char[] pin,
      Duration busyTimeout,
      int maxWrongPins) {
    if (maxWrongPins < 1) {
      throw new IllegalArgumentException("maxWrongPins must be >= 1");
    }
    this.library = library.toAbsolutePath();
    this.token = token;
    this.keyLabel = keyLabel;
    this.certificate = certificate;
    this.pin = Arrays.copyOf(pin, pin.length);
    this.busyTimeout = busyTimeout;
    this.maxWrongPins = maxWrongPins;
  }

  /**
   * The key whose certificate on the token is {@code certificate}, whatever alias SunPKCS11 gives
   * it (the certificate's CKA_LABEL, or {@code 0x} and its CKA_ID when it has none): for callers
   * that found the certificate with {@link Pkcs11Tokens#certificates}, as the local signing agent
   * does. Otherwise as the constructor with a key label.
   */
  public static Pkcs11KeySource forCertificate(
      Path library, TokenSelector token, X509Certificate certificate, char[] pin) {
    return new Pkcs11KeySource(
        library,
        token,
        null,
        java.util.Objects.requireNonNull(certificate, "certificate"),
        pin,
        Duration.ofSeconds(30),
        DEFAULT_MAX_WRONG_PINS);
  }

  @Override
  public BorrowedKey borrow() {
    OpenToken open;
    do {
      open = join();
      // The lent key holds the token open by itself, so that closing this source does not log out
      // under it. Logged out since we joined (closeAllTokens, token removed): join again.
    } while (!open.retain());
    boolean permitted = false;
    boolean lent = false;
    try {
      try {
        permitted = open.permits.tryAcquire(busyTimeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new TokenBusyException("Interrupted while waiting for the token " + describe(), e);
      }
      if (!permitted) {
        throw new TokenBusyException(
            "The token " + describe() + " stayed busy for " + busyTimeout.toSeconds() + " s");
      }
      PrivateKey key;
      List<X509Certificate> chain = new ArrayList<>();
      try {
        String alias = keyLabel != null ? keyLabel : aliasOf(open.store);
        if (alias == null || !open.store.isKeyEntry(alias)) {
          // Not the labels that are there: whoever reads the error learns nothing about the HSM.
          throw new KeyNotFoundException(
              "No key "
                  + (keyLabel != null ? "labelled " : "")
                  + keyName()
                  + " (with its certificate) on the token "
                  + describe());
        }
        key = (PrivateKey) open.store.getKey(alias, null);
        Certificate[] certificates = open.store.getCertificateChain(alias);
        if (key == null || certificates == null) {
          // logged out under us (closeAllTokens) or the key deleted since isKeyEntry
          throw new KeyNotFoundException(
              "The key " + keyName() + " on the token " + describe() + " could not be read");
        }
        for (Certificate c : certificates) {
          chain.add((X509Certificate) c);
        }
      } catch (GeneralSecurityException | ProviderException e) {
        throw failed(open, "Cannot read the key " + keyName(), e);
      }
      OpenToken lender = open;
      BorrowedKey borrowed =
          new BorrowedKey(
              key,
              open.provider,
              chain,
              () -> {
                lender.permits.release();
                lender.release();
              });
      lent = true;
      return borrowed;
    } finally {
      if (!lent) {
        if (permitted) {
          open.permits.release();
        }
        open.release();
      }
    }
  }

  /** Wipes the PIN and lets the token go: the last source or lent key to close logs it out. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    Arrays.fill(pin, '\0');
    if (joined != null) {
      joined.release();
      joined = null;
    }
  }

  /**
   * Logs every open token out and forgets it, whoever holds it open; the next borrow logs in again.
   * Keys lent at that moment stop working (their token is no longer logged in): for shutdown and
   * tests.
   */
  public static void closeAllTokens() {
    for (OpenToken open : List.copyOf(TOKENS.values())) {
      open.retire();
      // Logging out under a running operation can leave a pooled session of the provider stuck
      // (CKR_OPERATION_ACTIVE ever after): the next login gets a fresh provider.
      PROVIDERS.remove(open.id, open.provider);
    }
  }

  private RuntimeException failed(OpenToken open, String context, Throwable e) {
    RuntimeException translated = Pkcs11Errors.translate(context + " on " + describe(), e);
    if (translated instanceof TokenAbsentException) {
      open.retire();
      // a token plugged in again gets a fresh provider, as SunPKCS11 may not see it come back
      PROVIDERS.remove(open.id, open.provider);
      slotConfig = null;
    }
    return translated;
  }

  /** The token this source holds open, logging in or joining the login of other sources. */
  private synchronized OpenToken join() {
    if (closed) {
      throw new IllegalStateException("This key source is closed");
    }
    if (joined != null) {
      if (!joined.isRetired()) {
        return joined;
      }
      joined.release();
      joined = null;
    }
    if (wrongPins >= maxWrongPins) {
      throw new PinLockedException(
          "The key source for "
              + (keyLabel != null ? "" : "the key ")
              + keyName()
              + " on the token "
              + describe()
              + " is locked after "
              + maxWrongPins
              + (maxWrongPins == 1 ? " wrong PIN" : " wrong PINs"));
    }
    try {
      joined = open();
    } catch (TokenAbsentException e) {
      slotConfig = null; // a token plugged in again may sit in another slot
      throw e;
    } catch (WrongPinException e) {
      wrongPins++;
      throw e;
    }
    wrongPins = 0;
    return joined;
  }

  private String keyName() {
    return keyLabel != null
        ? "'" + keyLabel + "'"
        : "of the certificate " + certificate.getSubjectX500Principal();
  }

  /** The alias of the key entry whose certificate is {@link #certificate}; null when none is. */
  private String aliasOf(KeyStore store) throws java.security.KeyStoreException {
    for (String alias : java.util.Collections.list(store.aliases())) {
      if (store.isKeyEntry(alias) && certificate.equals(store.getCertificate(alias))) {
        return alias;
      }
    }
    return null;
  }

  private String describe() {
    if (token instanceof TokenSelector.TokenLabel label) {
      return "'" + label.label() + "'";
    }
    return "#" + ((TokenSelector.SlotListIndex) token).index() + " of " + library.getFileName();
  }

  private OpenToken open() {
    if (!Files.isRegularFile(library)) {
      throw new TokenAbsentException("PKCS#11 library not found: " + library);
    }
    // Both selectors resolve to the slot id when the token list is readable, so that one token has
    // one entry (and one login) whichever way callers name it.
    String slotConfig = this.slotConfig;
    if (slotConfig == null) {
      if (token instanceof TokenSelector.TokenLabel label) {
        slotConfig = "slot = " + slotIdOf(label.label());
      } else {
        int index = ((TokenSelector.SlotListIndex) token).index();
        slotConfig = slotIdAt(index).map(id -> "slot = " + id).orElse("slotListIndex = " + index);
      }
      this.slotConfig = slotConfig;
    }
    String id = library + "|" + slotConfig;
    while (true) {
      OpenToken existing = TOKENS.get(id);
      if (existing == null) {
        synchronized (TOKENS) {
          existing = TOKENS.get(id);
          if (existing == null) {
            OpenToken open = login(id, slotConfig);
            TOKENS.put(id, open);
            return open;
          }
        }
      }
      if (existing.refusesComparing()) {
        throw new PinLockedException(
            "The token "
                + describe()
                + " was given "
                + MAX_WRONG_PER_LOGIN
                + " wrong PINs since it was logged in: no other key source may join this login;"
                + " close its key sources so that the token checks the next PIN itself");
      }
      if (!existing.acceptsPin(pin)) {
        throw new WrongPinException("The PIN for the token " + describe() + " is wrong");
      }
      if (existing.retain()) {
        return existing;
      }
      // logged out meanwhile, and by now forgotten: look again
    }
  }

  /** Called holding the TOKENS lock. */
  private OpenToken login(String id, String slotConfig) {
    // One provider per token, kept across logouts: a configured SunPKCS11 provider stays reachable
    // after use (some 70 KB each), so a new one per login would leak with every source reopened.
    Provider provider = PROVIDERS.get(id);
    if (provider == null) {
      provider = newProvider(slotConfig);
      PROVIDERS.put(id, provider);
    }
    try {
      KeyStore store = KeyStore.getInstance("PKCS11", provider);
      store.load(null, pin);
      return new OpenToken(id, provider, store, pin);
    } catch (java.io.IOException | GeneralSecurityException | ProviderException e) {
      RuntimeException translated =
          Pkcs11Errors.translate("Cannot log in to the token " + describe(), e);
      if (translated instanceof TokenAbsentException) {
        PROVIDERS.remove(id, provider);
      }
      throw translated;
    }
  }

  private Provider newProvider(String slotConfig) {
    try {
      String config =
          "--name = lienthong-"
              + PROVIDER_COUNTER.incrementAndGet()
              + "\n"
              + "library = "
              + library
              + "\n"
              + slotConfig
              + "\n";
      return Security.getProvider("SunPKCS11").configure(config);
    } catch (ProviderException | java.security.InvalidParameterException e) {
      throw Pkcs11Errors.translate("Cannot open the token " + describe(), asAbsent(e));
    }
  }

  /** Provider creation fails only when the slot or library is unusable: report it as absent. */
  private static Throwable asAbsent(Throwable e) {
    String message = String.valueOf(e.getMessage());
    return message.contains("CKR_") ? e : new ProviderException("no slot: " + message, e);
  }

  /** The id of the index-th slot with a token; empty when the token list cannot be read. */
  private java.util.Optional<Long> slotIdAt(int index) {
    try {
      Class<?> wrapper = Class.forName("sun.security.pkcs11.wrapper.PKCS11");
      long[] slots =
          (long[]) wrapper.getMethod("C_GetSlotList", boolean.class).invoke(pkcs11(wrapper), true);
      if (index >= slots.length) {
        throw new TokenAbsentException(
            "No token at slot list index "
                + index
                + " of "
                + library.getFileName()
                + " ("
                + slots.length
                + " present)");
      }
      return java.util.Optional.of(slots[index]);
    } catch (InvocationTargetException e) {
      throw Pkcs11Errors.translate(
          "Cannot list the tokens of " + library.getFileName(), asAbsent(e.getCause()));
    } catch (ReflectiveOperationException | IllegalArgumentException e) {
      return java.util.Optional.empty();
    }
  }

  private Object pkcs11(Class<?> wrapper) throws ReflectiveOperationException {
    return Pkcs11Tokens.module(wrapper, library);
  }

  private long slotIdOf(String label) {
    try {
      Class<?> wrapper = Class.forName("sun.security.pkcs11.wrapper.PKCS11");
      Object p11 = pkcs11(wrapper);
      long[] slots = (long[]) wrapper.getMethod("C_GetSlotList", boolean.class).invoke(p11, true);
      Method tokenInfo = wrapper.getMethod("C_GetTokenInfo", long.class);
      List<String> seen = new ArrayList<>();
      for (long slot : slots) {
        Object info = tokenInfo.invoke(p11, slot);
        String tokenLabel = new String((char[]) info.getClass().getField("label").get(info)).trim();
        seen.add(tokenLabel);
        if (tokenLabel.equals(label)) {
          return slot;
        }
      }
      throw new TokenAbsentException(
          "No token labelled '"
              + label
              + "' in "
              + library.getFileName()
              + "; tokens present: "
              + seen);
    } catch (IllegalAccessException | IllegalArgumentException e) {
      throw new TokenAbsentException(
          "Selecting a token by label needs the JVM option --add-exports"
              + " jdk.crypto.cryptoki/sun.security.pkcs11.wrapper=ALL-UNNAMED; or select it by slot"
              + " list index",
          e);
    } catch (InvocationTargetException e) {
      throw Pkcs11Errors.translate(
          "Cannot list the tokens of " + library.getFileName(), asAbsent(e.getCause()));
    } catch (ReflectiveOperationException e) {
      throw new TokenAbsentException("This JVM has no PKCS#11 support (jdk.crypto.cryptoki)", e);
    }
  }

  /**
   * A logged-in token shared by all sources that name it, counted by its users: sources that hold
   * it open and keys lent from it. It starts with one, the source that logged in.
   */
  private static final class OpenToken {

    final String id;
    final Provider provider;
    final KeyStore store;
    final Semaphore permits = new Semaphore(1, true);
    private final byte[] salt = new byte[16];
    private final byte[] pinHash;
    private int users = 1;
    private boolean retired;
    private int wrongComparisons;

    OpenToken(String id, Provider provider, KeyStore store, char[] pin) {
      this.id = id;
      this.provider = provider;
      this.store = store;
      new SecureRandom().nextBytes(salt);
      this.pinHash = hash(pin);
    }

    /**
     * Whether {@code pin} is the PIN that logged in. Wrong ones are counted for the login,
     * whichever source tries them: a new source per guess gets a fresh count of its own, the login
     * does not.
     */
    synchronized boolean acceptsPin(char[] pin) {
      boolean right = MessageDigest.isEqual(pinHash, hash(pin));
      wrongComparisons = right ? 0 : wrongComparisons + 1;
      return right;
    }

    /** Too many wrong PINs since the last right one: no more comparing for this login. */
    synchronized boolean refusesComparing() {
      return wrongComparisons >= MAX_WRONG_PER_LOGIN;
    }

    /** One more user; false once logged out, as a user could no longer sign with it. */
    synchronized boolean retain() {
      if (retired) {
        return false;
      }
      users++;
      return true;
    }

    synchronized void release() {
      users--;
      if (users == 0) {
        retire();
      }
    }

    synchronized boolean isRetired() {
      return retired;
    }

    /**
     * Logs out, then forgets the token. Only once per login and before it leaves the map: login
     * state belongs to the whole process, so a late logout would also log out a newer login.
     */
    synchronized void retire() {
      if (retired) {
        return;
      }
      retired = true;
      try {
        if (provider instanceof java.security.AuthProvider auth) {
          auth.logout();
        }
      } catch (javax.security.auth.login.LoginException | ProviderException e) {
        // logging out of a token that is gone: nothing left to release
      } finally {
        TOKENS.remove(id, this);
      }
    }

    private byte[] hash(char[] pin) {
      // The UTF-16 units themselves, in a buffer we zero: no String copy of the PIN left in the
      // heap, and no charset to map two different PINs (lone surrogates) to the same bytes. The
      // hash never leaves this process, so its encoding need not be the token's.
      byte[] bytes = new byte[pin.length * 2];
      try {
        for (int i = 0; i < pin.length; i++) {
          bytes[2 * i] = (byte) (pin[i] >> 8);
          bytes[2 * i + 1] = (byte) pin[i];
        }
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        digest.update(salt);
        digest.update(bytes);
        return digest.digest();
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      } finally {
        Arrays.fill(bytes, (byte) 0);
      }
    }
  }
}
