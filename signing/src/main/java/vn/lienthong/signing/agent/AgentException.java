package vn.lienthong.signing.agent;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An answer other than success: the HTTP status, the protocol's error code and a message in
 * Vietnamese for the official, plus any fields the code defines ({@code retriesLeft}...).
 */
final class AgentException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final String code;
  private final transient Map<String, Object> fields = new LinkedHashMap<>();

  AgentException(int status, String code, String message) {
    super(message);
    this.status = status;
    this.code = code;
  }

  AgentException with(String name, Object value) {
    fields.put(name, value);
    return this;
  }

  int status() {
    return status;
  }

  String code() {
    return code;
  }

  /** The JSON body: {@code {"error", "message", ...}}. */
  Map<String, Object> body() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", code);
    body.put("message", getMessage());
    body.putAll(fields);
    return body;
  }

  static AgentException badRequest(String message) {
    return new AgentException(400, "bad-request", message);
  }
}
