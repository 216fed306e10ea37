package vn.lienthong.signing.pki;

/**
 * Who a demo certificate is for. Decree 30 distinguishes the signature of the competent person
 * (người có thẩm quyền) from the signature of the agency or organisation (cơ quan, tổ chức: the
 * unit's seal); both are issued here with the unit and its organ code in the subject.
 */
public sealed interface CertificateHolder {

  /** The file and key-store name inside the PKI folder. */
  String id();

  /** A person of the unit: leader (lãnh đạo) or clerk (văn thư); position is the title. */
  record Person(String id, String name, String position, String unitName, String organCode)
      implements CertificateHolder {}

  /** The unit itself, for its seal signature; organCode is the mã định danh, e.g. 000.00.31.H17. */
  record Organisation(String id, String unitName, String organCode) implements CertificateHolder {}
}
