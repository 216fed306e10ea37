package vn.lienthong.application.unit;

import vn.lienthong.domain.unit.Unit;

/** A unit as the directory shows it. */
public record UnitView(String code, String name, String notation, String parentCode) {
  public static UnitView of(Unit u) {
    return new UnitView(u.code(), u.name(), u.notation(), u.parentCode());
  }
}
