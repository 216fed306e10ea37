package vn.lienthong.domain.document;

import java.util.Optional;
import java.util.stream.Stream;
import vn.lienthong.domain.Text;

/**
 * Thể loại văn bản hành chính and their abbreviations, Decree 30/2020/NĐ-CP, Annex III. A công văn
 * has no type abbreviation: its notation is the issuing unit's alone (art. 15 §3).
 */
public enum DocumentType {
  NGHI_QUYET("Nghị quyết", "NQ"),
  QUYET_DINH("Quyết định", "QĐ"),
  CHI_THI("Chỉ thị", "CT"),
  QUY_CHE("Quy chế", "QC"),
  QUY_DINH("Quy định", "QyĐ"),
  THONG_CAO("Thông cáo", "TC"),
  THONG_BAO("Thông báo", "TB"),
  HUONG_DAN("Hướng dẫn", "HD"),
  CHUONG_TRINH("Chương trình", "CTr"),
  KE_HOACH("Kế hoạch", "KH"),
  PHUONG_AN("Phương án", "PA"),
  DE_AN("Đề án", "ĐA"),
  DU_AN("Dự án", "DA"),
  BAO_CAO("Báo cáo", "BC"),
  BIEN_BAN("Biên bản", "BB"),
  TO_TRINH("Tờ trình", "TTr"),
  HOP_DONG("Hợp đồng", "HĐ"),
  CONG_VAN("Công văn", null),
  CONG_DIEN("Công điện", "CĐ"),
  BAN_GHI_NHO("Bản ghi nhớ", "BGN"),
  BAN_THOA_THUAN("Bản thỏa thuận", "BTT"),
  GIAY_UY_QUYEN("Giấy ủy quyền", "GUQ"),
  GIAY_MOI("Giấy mời", "GM"),
  GIAY_GIOI_THIEU("Giấy giới thiệu", "GGT"),
  GIAY_NGHI_PHEP("Giấy nghỉ phép", "GNP"),
  PHIEU_GUI("Phiếu gửi", "PG"),
  PHIEU_CHUYEN("Phiếu chuyển", "PC"),
  PHIEU_BAO("Phiếu báo", "PB");

  private final String label;
  private final String abbreviation;

  DocumentType(String label, String abbreviation) {
    this.label = label;
    this.abbreviation = abbreviation;
  }

  public String label() {
    return label;
  }

  /** The abbreviation in the notation, or empty for a công văn. */
  public Optional<String> abbreviation() {
    return Optional.ofNullable(abbreviation);
  }

  /**
   * Reads a type as clients write it: the code ({@code QUYET_DINH}), the Vietnamese name ("Quyết
   * định") or the abbreviation ("QĐ"), in any case, with or without diacritics.
   */
  public static Optional<DocumentType> parse(String value) {
    // "CV" is the everyday shorthand for công văn although the decree gives none.
    return Text.parse(
        DocumentType.class,
        value,
        t -> Stream.of(t.label, t.abbreviation, t == CONG_VAN ? "CV" : null));
  }
}
