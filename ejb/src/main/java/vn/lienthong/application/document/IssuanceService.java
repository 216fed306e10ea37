package vn.lienthong.application.document;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.jboss.logging.Logger;
import vn.lienthong.application.Settings;
import vn.lienthong.application.audit.AuditLog;
import vn.lienthong.application.security.Caller;
import vn.lienthong.application.signing.PdfFiles;
import vn.lienthong.application.signing.SignatureServices;
import vn.lienthong.application.signing.SigningErrors;
import vn.lienthong.application.signing.SigningService;
import vn.lienthong.application.unit.UnitDirectory;
import vn.lienthong.application.unit.UnitView;
import vn.lienthong.domain.IllegalTransitionException;
import vn.lienthong.domain.content.ContentHash;
import vn.lienthong.domain.document.OutgoingDocument;
import vn.lienthong.domain.document.OutgoingDocuments;
import vn.lienthong.domain.document.OutgoingRegister;
import vn.lienthong.domain.document.RegisterNumber;
import vn.lienthong.domain.user.Role;
import vn.lienthong.signing.SigningException;
import vn.lienthong.signing.appearance.Appearance;
import vn.lienthong.signing.appearance.IssuanceLine;
import vn.lienthong.signing.appearance.Placement;
import vn.lienthong.signing.key.BorrowedKey;
import vn.lienthong.signing.pades.SignOptions;
import vn.lienthong.signing.pades.SignatureLevel;
import vn.lienthong.signing.validation.Indication;
import vn.lienthong.signing.validation.Verdict;

/**
 * Issuance (đóng dấu phát hành, Decree 30 art. 15-16): the clerk takes the next number of the
 * unit's outgoing register and the date; the unit's seal writes both on page 1 where Annex I puts
 * them (ô 3, ô 4) and then signs over the left third of the leader's signature, from the unit's key
 * on the HSM, at B-LT. All in one transaction: if the seal cannot sign, no number is used and the
 * document stays as it was.
 */
@Stateless
public class IssuanceService {
  private static final Logger LOG = Logger.getLogger(IssuanceService.class);

  /** The seal's level: timestamp and validation data, so the issued document stands alone. */
  static final SignatureLevel SEAL_LEVEL = SignatureLevel.B_LT;

  /**
   * The number's level: timestamped; the seal's signature that follows brings the validation data
   * for both.
   */
  static final SignatureLevel NUMBER_LEVEL = SignatureLevel.B_T;

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  @Inject OutgoingDocuments documents;
  @Inject UnitDirectory directory;
  @Inject SignatureServices engine;
  @Inject PdfFiles files;
  @Inject AuditLog audit;
  @Inject Clock clock;

  public IssueReceipt issue(Caller caller, UUID id) {
    caller.require("ban hành văn bản", Role.CLERK);
    OutgoingDocument doc =
        documents
            .lock(id)
            .filter(d -> d.unitCode().equals(caller.unitCode()))
            .orElseThrow(DocumentService::notFound);
    doc.requireIssuable();
    Path in = files.copyOut(doc.fileSha256());
    Path numbered = files.temp();
    Path out = files.temp();
    try {
      Verdict verdict;
      try {
        verdict = engine.verifier().verify(in);
      } catch (SigningException e) {
        throw SigningErrors.of(e);
      }
      if (verdict.signatures().isEmpty() || verdict.indication() != Indication.TOTAL_PASSED) {
        audit.refusal(caller, "ISSUE_REFUSED", id.toString(), verdict.indication().name());
        throw new IllegalTransitionException(
            "Chữ ký của lãnh đạo trên văn bản không hợp lệ ("
                + verdict.indication()
                + "), chưa thể ban hành.");
      }
      Instant now = clock.instant();
      UnitView unit = directory.byCode().get(caller.unitCode());
      int year = now.atZone(Settings.VIETNAM).getYear();
      OutgoingRegister register = documents.lockRegister(caller.unitCode(), year);
      RegisterNumber number = register.next();
      String notation = doc.notationFor(number, unit.notation());
      Placement leader =
          doc.signatureBox()
              .flatMap(SigningService::placement)
              .orElseThrow(
                  () ->
                      new IllegalTransitionException(
                          "Không xác định được vị trí chữ ký của lãnh đạo."));
      Appearance.Seal seal = new Appearance.Seal(unit.name(), null, Placement.sealOver(leader));
      String date = now.atZone(Settings.VIETNAM).format(DATE);
      try (BorrowedKey key = engine.seal(caller.unitCode()).borrow()) {
        // First the number and date where the draft left them blank on page 1 (ô 3 and ô 4),
        // then the seal over the leader's signature: two signatures of the seal's key, each with
        // its own field, so nothing changes under the leader's signature and the text on page 1
        // is the seal's.
        Appearance.NumberAndDate line =
            IssuanceLine.find(in, notation, now.atZone(Settings.VIETNAM).toLocalDate());
        engine
            .signer()
            .sign(
                in,
                numbered,
                new SignOptions(
                    NUMBER_LEVEL,
                    line,
                    "Cấp số " + notation + ", ngày ban hành " + date,
                    unit.name()),
                key);
        String reason = "Ban hành văn bản số " + notation + " ngày " + date;
        engine
            .signer()
            .sign(numbered, out, new SignOptions(SEAL_LEVEL, seal, reason, unit.name()), key);
      } catch (SigningException e) {
        audit.refusal(caller, "ISSUE_FAILED", id.toString(), e.getClass().getSimpleName());
        throw SigningErrors.of(e);
      }
      ContentHash sealed = files.store(out);
      doc.issue(number, unit.notation(), caller.username(), now, sealed.hex());
      audit.record(caller, "DOCUMENT_ISSUED", id.toString(), sealed.hex(), notation);
      LOG.infof("[%s] issued as %s with the seal of [%s]", id, notation, caller.unitCode());
      return new IssueReceipt(id, number.number(), notation, now);
    } finally {
      PdfFiles.delete(in);
      PdfFiles.delete(numbered);
      PdfFiles.delete(out);
    }
  }
}
