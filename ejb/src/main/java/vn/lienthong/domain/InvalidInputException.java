package vn.lienthong.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Input that does not have the required form; carries the failing fields and why. */
public class InvalidInputException extends DomainException {
  private static final long serialVersionUID = 1L;
  private final Map<String, String> fieldErrors;

  public InvalidInputException(String message, Map<String, String> fieldErrors) {
    super(message);
    this.fieldErrors = Collections.unmodifiableMap(new LinkedHashMap<>(fieldErrors));
  }

  public static InvalidInputException field(String field, String error) {
    return new InvalidInputException(error, Map.of(field, error));
  }

  public Map<String, String> fieldErrors() {
    return fieldErrors;
  }
}
