package io.nianbao.notify;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One message to one target: the findings of one report, or of several in a daily digest.
 *
 * @param id the same for the same target and findings, so a receiver can drop a resend
 *           (see {@link Notifier} on the crash between sending and recording)
 */
public record Notification(String id, Target target, boolean digest, List<ReportFindings> reports) {

    /** The findings of one report in a notification. */
    public record ReportFindings(ReportInfo report, List<StoredFinding> findings) {
    }

    static Notification of(Target target, boolean digest, List<ReportFindings> reports) {
        String content = target + reports.stream()
                .map(r -> r.report().reportId() + r.findings().stream().map(StoredFinding::fingerprint).sorted()
                        .collect(Collectors.joining(",", "[", "]")))
                .collect(Collectors.joining(";"));
        return new Notification(StoredFinding.sha256Hex(content).substring(0, 32), target, digest, List.copyOf(reports));
    }

    public int findingCount() {
        return reports.stream().mapToInt(r -> r.findings().size()).sum();
    }
}
