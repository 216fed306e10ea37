package vn.lienthong.domain.unit;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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

  /**
   * Chữ viết tắt tên cơ quan, the organ's abbreviation in document notations (Decree 30, art. 15
   * and Annex III): "UBND" for a People's Committee, whatever its ward, as in 05/QĐ-UBND.
   */
  @Column(name = "notation", nullable = false)
  private String notation;

  /** The short name that tells units apart on screens and in account names: "Thạc Gián", "QLĐT". */
  @Column(name = "short_name", nullable = false)
  private String shortName;

  /** The phòng, ban that draft in the unit's name; a công văn names its drafter (12/UBND-VP). */
  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "unit_division", joinColumns = @JoinColumn(name = "unit_code"))
  @OrderBy("abbreviation")
  private List<Division> divisions = new ArrayList<>();

  @Column(name = "parent_code")
  private String parentCode;

  @Column(name = "sort_order", nullable = false)
  private int sortOrder;

  protected Unit() {}

  public Unit(
      String code,
      String name,
      String notation,
      String shortName,
      String parentCode,
      int sortOrder,
      List<Division> divisions) {
    this.code = code;
    this.name = name;
    this.notation = notation;
    this.shortName = shortName;
    this.divisions = new ArrayList<>(divisions);
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

  public String shortName() {
    return shortName;
  }

  public List<Division> divisions() {
    return List.copyOf(divisions);
  }

  /** The division with this abbreviation, compared as Vietnamese writes it ("ĐCXD", "VP"). */
  public Optional<Division> division(String abbreviation) {
    return divisions.stream().filter(d -> d.abbreviation().equals(abbreviation)).findFirst();
  }

  public String parentCode() {
    return parentCode;
  }

  /**
   * A unit's part of account names: its short name in lower-case ASCII without spaces ("QLĐT" →
   * "qldt", "Thạc Gián" → "thacgian"), so accounts read vanthu.qldt, lanhdao.thacgian.
   */
  public static String accountKey(String shortName) {
    return Text.ascii(shortName).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
  }
}
