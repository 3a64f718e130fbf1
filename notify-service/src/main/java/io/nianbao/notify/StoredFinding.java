package io.nianbao.notify;

import io.nianbao.core.rules.Locations;
import io.nianbao.core.rules.RuleId;
import io.nianbao.events.Finding;
import io.nianbao.events.Responsibility;
import io.nianbao.events.Severity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A finding as notify-service keeps it. The fingerprint (SHA-256 of every field) names the same
 * finding across re-emissions of a report, so a replay with new cross-year findings notifies
 * only those.
 */
public record StoredFinding(String fingerprint, String rule, Severity severity, Responsibility responsibility,
                            String location, String expected, String actual, String message, String evidence) {

    static StoredFinding of(Finding finding) {
        String fingerprint = sha256Hex(Stream.of(finding.getRule(), finding.getSeverity(), finding.getResponsibility(),
                        finding.getLocation(), finding.getExpected(), finding.getActual(), finding.getMessage(),
                        finding.getEvidence())
                .map(value -> Objects.toString(value, "\u0000"))
                .reduce((a, b) -> a + '\u001f' + b).orElseThrow());
        return new StoredFinding(fingerprint, finding.getRule(), finding.getSeverity(), finding.getResponsibility(),
                finding.getLocation(), finding.getExpected(), finding.getActual(), finding.getMessage(),
                finding.getEvidence());
    }

    /** The rule's Chinese name (申请收支不平衡 for T3-BALANCE), or null for an id not in the catalog. */
    public String ruleName() {
        return RuleId.ofId(rule).map(RuleId::chineseName).orElse(null);
    }

    /** Where the finding is, in the report's own words (表四“行政复议”总计), or null when it names no place. */
    public String place() {
        return location == null ? null : Locations.describe(location);
    }

    /** The rule as inspectors read it: its id and its Chinese name. */
    public String ruleLabel() {
        return RuleId.labelOf(rule);
    }

    /** Chinese severity, marked when the finding is ours (SYSTEM) rather than the agency's. */
    public String severityLabel() {
        String label = Words.severity(severity);
        return responsibility == Responsibility.SYSTEM ? label + "（系统）" : label;
    }

    /** At least as severe as {@code least} (ERROR > WARNING > INFO). */
    public boolean atLeast(Severity least) {
        return severity.ordinal() <= least.ordinal();
    }

    static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-256 in this JVM", e);
        }
    }
}
