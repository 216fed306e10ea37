package vn.lienthong.signing.validation;

import java.util.Optional;

/** A verdict, and the ETSI validation report (ETSI TS 119 102-2 XML) when it was asked for. */
public record Verification(Verdict verdict, Optional<String> etsiReportXml) {}
