package vn.lienthong.infrastructure.edxml;

import java.time.LocalDate;

/**
 * What an edXML package carries: a document ({@link EdXmlDocument}) or a status message about one
 * ({@link EdXmlStatus}). The parts both use are here. Optional text is {@code null} when absent;
 * text is stripped, and blank optional text is absent.
 */
public sealed interface EdXmlPackage permits EdXmlDocument, EdXmlStatus {

  /** The namespace of QCVN 102:2016/BTTTT, prefix {@code edXML}. */
  String NAMESPACE = "http://www.mic.gov.vn/TBT/QCVN_102_2016";

  /**
   * An organ ({@code From}, {@code To}): its identifier code in the national directory (mã định
   * danh, e.g. {@code 000.00.31.H17}) and name, the rest optional. {@code organizationInCharge} is
   * the organ in charge (cơ quan chủ quản), which the VNPT library and the official samples write
   * after {@code OrganId}.
   */
  record Organ(
      String organId,
      String organizationInCharge,
      String organName,
      String organAdd,
      String email,
      String telephone) {

    public Organ {
      organId = Values.required(organId, "OrganId");
      organizationInCharge = Values.optional(organizationInCharge, "OrganizationInCharge");
      organName = Values.required(organName, "OrganName");
      organAdd = Values.optional(organAdd, "OrganAdd");
      email = Values.optional(email, "Email");
      telephone = Values.optional(telephone, "Telephone");
    }

    /** An organ known by its code and name only. */
    public Organ(String organId, String organName) {
      this(organId, null, organName, null, null, null);
    }
  }

  /**
   * The document a message answers ({@code ResponseFor}): the organ that sent it, its number and
   * notation as one text ({@code Code}, e.g. {@code 05/QĐ-UBND}), its promulgation date and the
   * sender's {@code DocumentId}.
   */
  record ResponseFor(String organId, String code, LocalDate promulgationDate, String documentId) {
    public ResponseFor {
      organId = Values.required(organId, "OrganId");
      code = Values.required(code, "Code");
      promulgationDate = Values.required(promulgationDate, "PromulgationDate");
      documentId = Values.required(documentId, "DocumentId");
    }
  }

  /**
   * Who handled it ({@code StaffInfo}): department, staff name, mobile, email; each optional (the
   * implementations write empty elements).
   */
  record StaffInfo(String department, String staff, String mobile, String email) {
    public StaffInfo {
      department = Values.optional(department, "Department");
      staff = Values.optional(staff, "Staff");
      mobile = Values.optional(mobile, "Mobile");
      email = Values.optional(email, "Email");
    }

    boolean isEmpty() {
      return department == null && staff == null && mobile == null && email == null;
    }
  }
}
