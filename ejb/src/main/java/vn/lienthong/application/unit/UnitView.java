package vn.lienthong.application.unit;

import java.util.List;
import java.util.Optional;
import vn.lienthong.domain.unit.Unit;

/**
 * A unit as the directory shows it: {@code notation} is the organ's abbreviation in document
 * notations (UBND), {@code shortName} what tells it from the others (Thạc Gián), {@code divisions}
 * the phòng, ban that draft in its name.
 */
public record UnitView(
    String code,
    String name,
    String notation,
    String shortName,
    String parentCode,
    List<DivisionView> divisions) {

  public UnitView {
    divisions = List.copyOf(divisions);
  }

  /** A drafting division: its abbreviation in a công văn's notation, and its name. */
  public record DivisionView(String abbreviation, String name) {}

  public static UnitView of(Unit u) {
    return new UnitView(
        u.code(),
        u.name(),
        u.notation(),
        u.shortName(),
        u.parentCode(),
        u.divisions().stream().map(d -> new DivisionView(d.abbreviation(), d.name())).toList());
  }

  public Optional<DivisionView> division(String abbreviation) {
    return divisions.stream().filter(d -> d.abbreviation().equals(abbreviation)).findFirst();
  }
}
