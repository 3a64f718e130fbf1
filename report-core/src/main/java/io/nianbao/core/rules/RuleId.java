package io.nianbao.core.rules;

import io.nianbao.core.model.Finding;
import io.nianbao.core.model.Responsibility;
import io.nianbao.core.model.Severity;

import java.math.BigDecimal;

/** Every rule of spec/rules.md, in catalog order, with its fixed severity and who it blames. */
public enum RuleId {
    SEC_MISSING(Severity.ERROR),
    SEC_ORDER(Severity.WARNING),
    SEC_HEADING(Severity.INFO),
    FMT_VERSION(Severity.ERROR),
    FMT_BASIS(Severity.WARNING),
    FMT_UNSUPPORTED(Severity.INFO, Responsibility.SYSTEM),
    TBL_MISSING(Severity.ERROR),
    TBL_SHAPE(Severity.ERROR),
    CELL_BLANK(Severity.WARNING),
    CELL_INVALID(Severity.ERROR),
    CELL_UNIT(Severity.WARNING),
    PARSE_UNCERTAIN(Severity.WARNING, Responsibility.SYSTEM),
    T3_BALANCE(Severity.ERROR),
    T3_RESULT_SUM(Severity.ERROR),
    T3_ROW_SUM(Severity.ERROR),
    T4_SUM(Severity.ERROR),
    TXT_T2_MISMATCH(Severity.WARNING),
    TXT_T3_MISMATCH(Severity.WARNING),
    TXT_T4_MISMATCH(Severity.WARNING),
    TXT_YEAR(Severity.ERROR),
    TXT_FEE(Severity.WARNING),
    TXT_THIN(Severity.WARNING),
    PUB_LATE(Severity.ERROR),
    PUB_MISSING(Severity.ERROR),
    XY_CARRYOVER(Severity.ERROR),
    XY_INFORCE(Severity.WARNING),
    XY_COPY(Severity.WARNING),
    XY_REVISED(Severity.WARNING);

    private final Severity severity;
    private final Responsibility responsibility;

    RuleId(Severity severity) {
        this(severity, Responsibility.AGENCY);
    }

    RuleId(Severity severity, Responsibility responsibility) {
        this.severity = severity;
        this.responsibility = responsibility;
    }

    /** The stable id as written in the catalog, e.g. "T3-BALANCE". */
    public String id() {
        return name().replace('_', '-');
    }

    public Severity severity() { return severity; }

    public Responsibility responsibility() { return responsibility; }

    /** A finding of this rule with arithmetic values. */
    public Finding finding(String location, long expected, long actual, String message) {
        return finding(location, BigDecimal.valueOf(expected), BigDecimal.valueOf(actual), message, null);
    }

    /** A finding of this rule without arithmetic. */
    public Finding finding(String location, String message, String evidence) {
        return finding(location, null, null, message, evidence);
    }

    public Finding finding(String location, BigDecimal expected, BigDecimal actual, String message, String evidence) {
        return new Finding(id(), severity, responsibility, location, expected, actual, message, evidence);
    }
}
