package vn.lienthong.domain.document;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;

/**
 * Sổ đăng ký văn bản đi of one unit for one year. Numbers are continuous from 01 on the first day
 * of the year to 31 December (Decree 30, art. 15 §1); callers hold the row lock while taking one,
 * so two clerks never get the same number.
 */
@Entity
@Table(name = "outgoing_register")
public class OutgoingRegister {

  /** Key of a register: the unit and the year. */
  @Embeddable
  public record Key(@Column(name = "unit_code") String unitCode, @Column(name = "year") int year)
      implements Serializable {}

  @EmbeddedId private Key key;

  @Column(name = "last_number", nullable = false)
  private int lastNumber;

  protected OutgoingRegister() {}

  public OutgoingRegister(String unitCode, int year) {
    this.key = new Key(unitCode, year);
    this.lastNumber = 0;
  }

  public RegisterNumber next() {
    lastNumber++;
    return new RegisterNumber(key.year(), lastNumber);
  }
}
