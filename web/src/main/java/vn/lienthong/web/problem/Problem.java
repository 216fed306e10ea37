package vn.lienthong.web.problem;

import java.util.Map;

/**
 * An RFC 9457 problem document: a machine {@code type}, a Vietnamese {@code title}, the status, a
 * {@code detail} for the user and, for invalid input, the failing fields.
 */
public record Problem(
    String type, String title, int status, String detail, Map<String, String> errors) {

  public static final String MEDIA_TYPE = "application/problem+json";
  private static final String TYPE_PREFIX = "urn:lienthong:problem:";

  public static Problem of(ProblemType type, String detail) {
    return new Problem(TYPE_PREFIX + type.slug(), type.title(), type.status(), detail, null);
  }

  public static Problem of(ProblemType type, String detail, Map<String, String> errors) {
    return new Problem(TYPE_PREFIX + type.slug(), type.title(), type.status(), detail, errors);
  }

  /** A rule refusal: the rule's own name as the type. */
  public static Problem rule(String rule, String detail) {
    ProblemType t = ProblemType.RULE_VIOLATION;
    return new Problem(TYPE_PREFIX + rule, t.title(), t.status(), detail, null);
  }
}
