package vn.lienthong.domain.unit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Locale;
import vn.lienthong.domain.Text;

/**
 * Đơn vị — a unit of the local government (UBND quận, a phòng, a UBND phường). Identified by its
 * organ code (mã định danh); the tree of units is data.
 */
@Entity
@Table(name = "unit")
public class Unit {
  @Id
  @Column(name = "code")
  private String code;

  @Column(name = "name", nullable = false)
  private String name;

  /** Chữ viết tắt tên cơ quan — used in document notations (Decree 30, art. 15). */
  @Column(name = "notation", nullable = false)
  private String notation;

  @Column(name = "parent_code")
  private String parentCode;

  @Column(name = "sort_order", nullable = false)
  private int sortOrder;

  protected Unit() {}

  public Unit(String code, String name, String notation, String parentCode, int sortOrder) {
    this.code = code;
    this.name = name;
    this.notation = notation;
    this.parentCode = parentCode;
    this.sortOrder = sortOrder;
  }

  public String code() {
    return code;
  }

  public String name() {
    return name;
  }

  public String notation() {
    return notation;
  }

  public String parentCode() {
    return parentCode;
  }

  /**
   * A unit's part of account names: its notation in lower-case ASCII without spaces ("QLĐT" →
   * "qldt", "Thạc Gián" → "thacgian"), so accounts read vanthu.qldt, lanhdao.thacgian.
   */
  public static String accountKey(String notation) {
    return Text.ascii(notation).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
  }
}
