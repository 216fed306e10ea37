package vn.lienthong.domain.unit;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;

/**
 * A phòng or ban of a unit that drafts documents in the unit's name (đơn vị soạn thảo): its
 * abbreviation follows the organ's in a công văn's notation, 12/UBND-VP (Decree 30, Annex I).
 */
@Embeddable
public class Division {
  @Column(name = "abbreviation", nullable = false)
  private String abbreviation;

  @Column(name = "name", nullable = false)
  private String name;

  protected Division() {}

  public Division(String abbreviation, String name) {
    this.abbreviation = Objects.requireNonNull(abbreviation, "abbreviation");
    this.name = Objects.requireNonNull(name, "name");
  }

  public String abbreviation() {
    return abbreviation;
  }

  public String name() {
    return name;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Division d && abbreviation.equals(d.abbreviation) && name.equals(d.name);
  }

  @Override
  public int hashCode() {
    return Objects.hash(abbreviation, name);
  }
}
