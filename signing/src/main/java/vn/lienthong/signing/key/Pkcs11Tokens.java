package vn.lienthong.signing.key;

import java.io.ByteArrayInputStream;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * What a PKCS#11 library shows without a login: its tokens and the certificates on them (public
 * objects). The local signing agent lists an official's certificates this way, so that choosing one
 * needs no PIN; the PIN is asked once, when signing, by {@link Pkcs11KeySource}.
 *
 * <p>SunPKCS11's key store logs in before it lists anything, so this reads the token through the
 * JDK-internal PKCS#11 wrapper, as {@link Pkcs11KeySource} does for the token list: the JVM needs
 * {@code --add-exports jdk.crypto.cryptoki/sun.security.pkcs11.wrapper=ALL-UNNAMED} (the agent's
 * jar has it in its manifest). The wrapper is the one instance per library that SunPKCS11 itself
 * uses, so reading here does not initialize the library a second time.
 */
public final class Pkcs11Tokens {

  private static final long CKF_SERIAL_SESSION = 0x4L;
  private static final long CKF_TOKEN_INITIALIZED = 0x400L;
  private static final long CKF_USER_PIN_COUNT_LOW = 0x10000L;
  private static final long CKF_USER_PIN_FINAL_TRY = 0x20000L;
  private static final long CKF_USER_PIN_LOCKED = 0x40000L;
  private static final long CKA_CLASS = 0x0L;
  private static final long CKA_LABEL = 0x3L;
  private static final long CKA_VALUE = 0x11L;
  private static final long CKO_CERTIFICATE = 0x1L;

  /** Certificates read from one token at most: a token holds a handful. */
  private static final int MAX_CERTIFICATES = 256;

  private Pkcs11Tokens() {}

  /**
   * A token present in a slot of the library. {@code slotListIndex} is its index in the list of
   * slots with a token ({@link TokenSelector#slotListIndex}).
   */
  public record Token(int slotListIndex, long slotId, String label, boolean initialized) {}

  /** A certificate object on a token, with its CKA_LABEL (empty when it has none). */
  public record TokenCertificate(Token token, String label, X509Certificate certificate) {}

  /** What the token says of its user PIN (CKF_USER_PIN_* flags). */
  public enum PinState {
    OK,
    /** A wrong PIN was given since the last right one. */
    COUNT_LOW,
    /** One more wrong PIN locks it. */
    FINAL_TRY,
    LOCKED
  }

  /** The tokens present, in slot list order. */
  public static List<Token> tokens(Path library) {
    Wrapper p11 = Wrapper.of(library);
    long[] slots = p11.slots();
    List<Token> tokens = new ArrayList<>();
    for (int i = 0; i < slots.length; i++) {
      Object info = p11.tokenInfo(slots[i]);
      tokens.add(
          new Token(
              i,
              slots[i],
              new String((char[]) field(info, "label")).trim(),
              ((long) field(info, "flags") & CKF_TOKEN_INITIALIZED) != 0));
    }
    return tokens;
  }

  /** The tokens {@code selector} names (all that are present when it is null). */
  public static List<Token> select(Path library, TokenSelector selector) {
    List<Token> tokens = tokens(library);
    if (selector == null) {
      return tokens;
    }
    if (selector instanceof TokenSelector.TokenLabel label) {
      return tokens.stream().filter(t -> t.label().equals(label.label())).toList();
    }
    int index = ((TokenSelector.SlotListIndex) selector).index();
    return index < tokens.size() ? List.of(tokens.get(index)) : List.of();
  }

  /**
   * The certificates on the token, read without logging in. A certificate object whose value is not
   * an X.509 certificate is skipped.
   */
  public static List<TokenCertificate> certificates(Path library, Token token) {
    Wrapper p11 = Wrapper.of(library);
    List<TokenCertificate> out = new ArrayList<>();
    long session = p11.openSession(token.slotId());
    try {
      p11.findInit(session, p11.attributes(new long[] {CKA_CLASS}, new Long[] {CKO_CERTIFICATE}));
      List<Long> handles = new ArrayList<>();
      try {
        while (handles.size() < MAX_CERTIFICATES) {
          long[] found = p11.find(session, 32);
          if (found.length == 0) {
            break;
          }
          for (long handle : found) {
            handles.add(handle);
          }
        }
      } finally {
        p11.findFinal(session);
      }
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      for (long handle : handles) {
        Object template = p11.attributes(new long[] {CKA_VALUE, CKA_LABEL}, new Long[2]);
        p11.getAttributes(session, handle, template);
        Object value = field(Array.get(template, 0), "pValue");
        Object label = field(Array.get(template, 1), "pValue");
        if (!(value instanceof byte[] der)) {
          continue;
        }
        try {
          X509Certificate certificate =
              (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der));
          out.add(
              new TokenCertificate(
                  token,
                  label instanceof char[] chars ? new String(chars).trim() : "",
                  certificate));
        } catch (CertificateException | ClassCastException e) {
          // not an X.509 certificate (attribute certificates, WTLS): nothing we can sign with
        }
      }
    } catch (CertificateException e) {
      throw new IllegalStateException("No X.509 certificate factory", e);
    } finally {
      p11.closeSession(session);
    }
    return out;
  }

  /** The state of the token's user PIN, from its flags (tokens need not set them). */
  public static PinState pinState(Path library, Token token) {
    long flags = (long) field(Wrapper.of(library).tokenInfo(token.slotId()), "flags");
    if ((flags & CKF_USER_PIN_LOCKED) != 0) {
      return PinState.LOCKED;
    }
    if ((flags & CKF_USER_PIN_FINAL_TRY) != 0) {
      return PinState.FINAL_TRY;
    }
    if ((flags & CKF_USER_PIN_COUNT_LOW) != 0) {
      return PinState.COUNT_LOW;
    }
    return PinState.OK;
  }

  /**
   * The library's instance of {@code sun.security.pkcs11.wrapper.PKCS11}, initialized as SunPKCS11
   * initializes it (one per library in the JVM).
   */
  static Object module(Class<?> wrapper, Path library) throws ReflectiveOperationException {
    Class<?> initArgsClass = Class.forName("sun.security.pkcs11.wrapper.CK_C_INITIALIZE_ARGS");
    Object initArgs = initArgsClass.getConstructor().newInstance();
    // CKF_OS_LOCKING_OK, as SunPKCS11 itself initializes the library.
    initArgsClass.getField("flags").setLong(initArgs, 0x00000002L);
    Method getInstance =
        wrapper.getMethod("getInstance", String.class, String.class, initArgsClass, boolean.class);
    return getInstance.invoke(null, library.toString(), "C_GetFunctionList", initArgs, false);
  }

  private static Object field(Object target, String name) {
    try {
      return target.getClass().getField(name).get(target);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Unexpected PKCS#11 wrapper: no field " + name, e);
    }
  }

  /** The few wrapper calls we make, by reflection (the package is not exported at compile time). */
  private static final class Wrapper {
    private final Path library;
    private final Class<?> type;
    private final Class<?> attribute;
    private final Object module;

    private Wrapper(Path library, Class<?> type, Class<?> attribute, Object module) {
      this.library = library;
      this.type = type;
      this.attribute = attribute;
      this.module = module;
    }

    static Wrapper of(Path library) {
      Path absolute = library.toAbsolutePath();
      if (!Files.isRegularFile(absolute)) {
        throw new TokenAbsentException("PKCS#11 library not found: " + absolute);
      }
      try {
        Class<?> type = Class.forName("sun.security.pkcs11.wrapper.PKCS11");
        Class<?> attribute = Class.forName("sun.security.pkcs11.wrapper.CK_ATTRIBUTE");
        return new Wrapper(absolute, type, attribute, module(type, absolute));
      } catch (IllegalAccessException | IllegalArgumentException e) {
        throw new TokenAbsentException(
            "Reading a token without logging in needs the JVM option --add-exports"
                + " jdk.crypto.cryptoki/sun.security.pkcs11.wrapper=ALL-UNNAMED",
            e);
      } catch (InvocationTargetException e) {
        throw Pkcs11Errors.translate(
            "Cannot load the PKCS#11 library " + absolute.getFileName(), absent(e.getCause()));
      } catch (ReflectiveOperationException e) {
        throw new TokenAbsentException("This JVM has no PKCS#11 support (jdk.crypto.cryptoki)", e);
      }
    }

    long[] slots() {
      return (long[]) call("C_GetSlotList", new Class<?>[] {boolean.class}, true);
    }

    Object tokenInfo(long slot) {
      return call("C_GetTokenInfo", new Class<?>[] {long.class}, slot);
    }

    long openSession(long slot) {
      return (long)
          call(
              "C_OpenSession",
              new Class<?>[] {
                long.class,
                long.class,
                Object.class,
                classOf("sun.security.pkcs11.wrapper.CK_NOTIFY")
              },
              slot,
              CKF_SERIAL_SESSION,
              null,
              null);
    }

    void closeSession(long session) {
      try {
        call("C_CloseSession", new Class<?>[] {long.class}, session);
      } catch (RuntimeException e) {
        // the token went away: its sessions went with it
      }
    }

    void findInit(long session, Object template) {
      call(
          "C_FindObjectsInit", new Class<?>[] {long.class, template.getClass()}, session, template);
    }

    long[] find(long session, long max) {
      return (long[]) call("C_FindObjects", new Class<?>[] {long.class, long.class}, session, max);
    }

    void findFinal(long session) {
      call("C_FindObjectsFinal", new Class<?>[] {long.class}, session);
    }

    void getAttributes(long session, long handle, Object template) {
      call(
          "C_GetAttributeValue",
          new Class<?>[] {long.class, long.class, template.getClass()},
          session,
          handle,
          template);
    }

    /** A CK_ATTRIBUTE[]: with a value where {@code values[i]} is not null. */
    Object attributes(long[] types, Long[] values) {
      try {
        Object array = Array.newInstance(attribute, types.length);
        Constructor<?> empty = attribute.getConstructor(long.class);
        Constructor<?> withLong = attribute.getConstructor(long.class, long.class);
        for (int i = 0; i < types.length; i++) {
          Array.set(
              array,
              i,
              values[i] == null
                  ? empty.newInstance(types[i])
                  : withLong.newInstance(types[i], values[i]));
        }
        return array;
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("Unexpected PKCS#11 wrapper", e);
      }
    }

    private Class<?> classOf(String name) {
      try {
        return Class.forName(name);
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException("Unexpected PKCS#11 wrapper: no " + name, e);
      }
    }

    private Object call(String name, Class<?>[] parameters, Object... args) {
      try {
        return type.getMethod(name, parameters).invoke(module, args);
      } catch (InvocationTargetException e) {
        throw Pkcs11Errors.translate(
            name + " failed on " + library.getFileName(), absent(e.getCause()));
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("Unexpected PKCS#11 wrapper: " + name, e);
      }
    }

    /** A library that cannot be loaded or a slot that cannot be read: the token is not there. */
    private static Throwable absent(Throwable e) {
      String message = String.valueOf(e.getMessage());
      return message.contains("CKR_") ? e : new java.security.ProviderException("no slot: " + e, e);
    }
  }
}
