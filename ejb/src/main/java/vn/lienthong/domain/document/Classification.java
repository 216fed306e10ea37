package vn.lienthong.domain.document;

import java.util.Optional;
import java.util.stream.Stream;
import vn.lienthong.domain.Text;

/**
 * Độ mật. Classified documents (Mật, Tối mật, Tuyệt mật) are protected state secrets and never
 * travel over this system (Law on Protection of State Secrets 2018; Decree 30, art. 8 leaves their
 * handling to that law): they are refused at the door.
 */
public enum Classification {
  NORMAL("Thường"),
  CONFIDENTIAL("Mật"),
  SECRET("Tối mật"),
  TOP_SECRET("Tuyệt mật");

  private final String label;

  Classification(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public boolean isClassified() {
    return this != NORMAL;
  }

  /** Reads the code ({@code SECRET}) or the Vietnamese label ("Tối mật"). */
  public static Optional<Classification> parse(String value) {
    return Text.parse(Classification.class, value, c -> Stream.of(c.label));
  }
}
