package vn.lienthong.infrastructure.edxml;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import vn.lienthong.infrastructure.edxml.EdXmlDocument.Attachment;
import vn.lienthong.infrastructure.edxml.EdXmlDocument.Business;
import vn.lienthong.infrastructure.edxml.EdXmlDocument.BusinessDocType;
import vn.lienthong.infrastructure.edxml.EdXmlDocument.Code;
import vn.lienthong.infrastructure.edxml.EdXmlDocument.DocumentType;
import vn.lienthong.infrastructure.edxml.EdXmlDocument.OtherInfo;
import vn.lienthong.infrastructure.edxml.EdXmlDocument.Priority;
import vn.lienthong.infrastructure.edxml.EdXmlDocument.PromulgationInfo;
import vn.lienthong.infrastructure.edxml.EdXmlDocument.SignerInfo;
import vn.lienthong.infrastructure.edxml.EdXmlDocument.SteeringType;
import vn.lienthong.infrastructure.edxml.EdXmlDocument.TraceHeader;
import vn.lienthong.infrastructure.edxml.EdXmlPackage.Organ;
import vn.lienthong.infrastructure.edxml.EdXmlPackage.ResponseFor;
import vn.lienthong.infrastructure.edxml.EdXmlPackage.StaffInfo;

/** Packages for the tests: a document of a ward's People's Committee, statuses about it. */
final class EdXmlSamples {
  static final Organ THAC_GIAN =
      new Organ(
          "000.00.31.H17",
          "Ủy ban nhân dân thành phố Đà Nẵng",
          "Ủy ban nhân dân xã Thạc Gián",
          "Số 1 đường Hàm Nghi, xã Thạc Gián",
          "ubnd.thacgian@danang.gov.vn",
          "0236 3821 000");
  static final Organ CITY = new Organ("000.00.01.H17", "Ủy ban nhân dân thành phố Đà Nẵng");
  static final Organ HOME_AFFAIRS = new Organ("000.00.12.H17", "Sở Nội vụ thành phố Đà Nẵng");
  static final Code CODE = new Code("05", "QĐ-UBND");
  static final LocalDate PROMULGATED = LocalDate.of(2026, 12, 2);
  static final String DOCUMENT_ID =
      EdXmlDocument.conventionalDocumentId(THAC_GIAN.organId(), PROMULGATED, CODE);
  static final Instant SENT = Instant.parse("2026-12-02T02:15:30Z"); // 09:15:30 in Vietnam

  private EdXmlSamples() {}

  /**
   * A full document with Vietnamese text everywhere and the given attachments, made in {@code dir}
   * from seeded random bytes.
   */
  static EdXmlDocument document(Path dir, int... attachmentSizes) throws IOException {
    Random random = new Random(20_261_202L);
    List<String> names = List.of("Quyết định 05-QĐ-UBND.pdf", "Phụ lục I – chỉ tiêu.docx");
    List<String> types =
        List.of(
            "application/pdf",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    Attachment[] attachments = new Attachment[attachmentSizes.length];
    for (int i = 0; i < attachmentSizes.length; i++) {
      byte[] bytes = new byte[attachmentSizes[i]];
      random.nextBytes(bytes);
      Path file = Files.write(Files.createTempFile(dir, "source-", ".bin"), bytes);
      attachments[i] =
          new Attachment(
              "a" + i + "-7d5c1b2e-4a61-4c1f",
              names.get(i % names.size()),
              types.get(i % types.size()),
              i == 0 ? "Văn bản chính" : null,
              file);
    }
    return new EdXmlDocument(
        THAC_GIAN,
        List.of(CITY, HOME_AFFAIRS),
        CODE,
        new PromulgationInfo("Thạc Gián", PROMULGATED),
        new DocumentType(1, "Quyết định"),
        "Về việc giao chỉ tiêu kế hoạch phát triển kinh tế - xã hội năm 2026",
        "Giao chỉ tiêu cho các thôn & tổ dân phố <trước 15/12>;\nbáo cáo kết quả về Văn phòng.",
        new SignerInfo("TM. Ủy ban nhân dân", "Chủ tịch", "Nguyễn Văn An"),
        LocalDate.of(2026, 12, 15),
        List.of("Như Điều 3", "Lưu: VT, VP."),
        new OtherInfo(
            Priority.VERY_URGENT,
            "Lưu hành nội bộ",
            "TVC",
            3,
            2,
            List.of("Phụ lục I: Chỉ tiêu theo thôn", "Phụ lục II: Biểu mẫu báo cáo")),
        List.of(
            new ResponseFor(
                CITY.organId(),
                "120/UBND-KT",
                LocalDate.of(2026, 11, 20),
                "000.00.01.H17,2026/11/20,120/UBND-KT")),
        SteeringType.STEERING,
        DOCUMENT_ID,
        List.of(new TraceHeader(THAC_GIAN.organId(), SENT)),
        new Business(BusinessDocType.NEW, "Văn bản điện tử mới", false),
        List.of(attachments));
  }

  /** A document with only what is required and one attachment. */
  static EdXmlDocument minimal(Path dir, byte[] attachment) throws IOException {
    Path file = Files.write(Files.createTempFile(dir, "source-", ".bin"), attachment);
    return new EdXmlDocument(
        THAC_GIAN,
        List.of(CITY),
        CODE,
        new PromulgationInfo("Thạc Gián", PROMULGATED),
        new DocumentType(1, "Quyết định"),
        "Về việc giao chỉ tiêu năm 2026",
        null,
        new SignerInfo(null, null, "Nguyễn Văn An"),
        null,
        List.of(),
        new OtherInfo(Priority.NORMAL),
        List.of(),
        SteeringType.NONE,
        DOCUMENT_ID,
        List.of(),
        null,
        List.of(new Attachment("cid:only", "tệp.pdf", "application/pdf", null, file)));
  }

  static EdXmlStatus status(EdXmlStatus.StatusCode code) {
    return new EdXmlStatus(
        new ResponseFor(THAC_GIAN.organId(), CODE.text(), PROMULGATED, DOCUMENT_ID),
        HOME_AFFAIRS,
        code,
        "Trạng thái: " + code.label(),
        Instant.parse("2026-12-02T03:05:00Z"),
        new StaffInfo("Văn phòng Sở", "Lê Thị Cúc", "0905 111 222", "vanthu.snv@danang.gov.vn"));
  }

  static byte[] write(EdXmlPackage pkg) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      if (pkg instanceof EdXmlDocument d) {
        new EdXmlWriter().write(d, out);
      } else {
        new EdXmlWriter().write((EdXmlStatus) pkg, out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static InputStream in(byte[] bytes) {
    return new ByteArrayInputStream(bytes);
  }

  static InputStream in(String xml) {
    return in(xml.getBytes(StandardCharsets.UTF_8));
  }

  static byte[] resource(String name) throws IOException {
    try (InputStream in = EdXmlSamples.class.getResourceAsStream("/edxml/" + name)) {
      if (in == null) {
        throw new IOException("no test resource /edxml/" + name);
      }
      return in.readAllBytes();
    }
  }

  static String sha256(Path file) throws IOException {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      try (InputStream in = Files.newInputStream(file)) {
        byte[] buffer = new byte[64 * 1024];
        int n;
        while ((n = in.read(buffer)) > 0) {
          digest.update(buffer, 0, n);
        }
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.toList();
    }
  }
}
