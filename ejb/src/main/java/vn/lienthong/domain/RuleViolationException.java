package vn.lienthong.domain;

/** Well-formed input that a business rule refuses (a classified document, an unknown unit...). */
public class RuleViolationException extends DomainException {
  private static final long serialVersionUID = 1L;
  private final String rule;

  public RuleViolationException(String rule, String message) {
    super(message);
    this.rule = rule;
  }

  /** A stable machine name of the rule, used as the problem type. */
  public String rule() {
    return rule;
  }
}
