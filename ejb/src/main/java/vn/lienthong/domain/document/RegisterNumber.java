package vn.lienthong.domain.document;

/** A number taken from a unit's outgoing register for one calendar year. */
public record RegisterNumber(int year, int number) {
  public RegisterNumber {
    if (number < 1) {
      throw new IllegalArgumentException("register numbers start at 1");
    }
  }
}
