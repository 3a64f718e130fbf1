package io.nianbao.notify;

import io.nianbao.events.Severity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One message to one target: the findings of one report, of several in a daily digest, or of a
 * group ({@link Grouping}).
 *
 * @param id    the same for the same target and findings (for a group: the same send of the
 *              group), so a receiver can drop a resend (see {@link Notifier} on the crash between
 *              sending and recording)
 * @param group      the group this notification sends; null for a report's or a digest's
 * @param resolution when the notification tells that its findings, sent before, are resolved: by which report
 */
public record Notification(String id, Target target, boolean digest, GroupSend group, Resolution resolution,
                           List<ReportFindings> reports) {

    /** The findings of one report in a notification. */
    public record ReportFindings(ReportInfo report, List<StoredFinding> findings) {

        long count(Severity severity) {
            return findings.stream().filter(f -> f.severity() == severity).count();
        }
    }

    /** A send of a group: its title, and whether it only reminds of findings sent before and still open. */
    public record GroupSend(String title, boolean reminder) {
    }

    /**
     * Findings resolved by a report: a republication that no longer has them, or, for PUB-MISSING,
     * the report itself.
     *
     * @param late the resolving report's PUB-LATE finding, if it was published late; else null
     */
    public record Resolution(ReportInfo by, StoredFinding late) {
    }

    static Notification of(Target target, boolean digest, List<ReportFindings> reports) {
        String content = target + reports.stream()
                .map(r -> r.report().reportId() + r.findings().stream().map(StoredFinding::fingerprint).sorted()
                        .collect(Collectors.joining(",", "[", "]")))
                .collect(Collectors.joining(";"));
        return new Notification(StoredFinding.sha256Hex(content).substring(0, 32), target, digest, null, null,
                List.copyOf(reports));
    }

    /** Tells the target that {@code resolved}, sent to it before, are resolved by {@code resolution}'s report. */
    static Notification ofResolution(Target target, Resolution resolution, List<ReportFindings> resolved) {
        Notification content = of(target, false, resolved);
        String id = StoredFinding.sha256Hex("resolved\u001f" + resolution.by().reportId() + "\u001f" + content.id()).substring(0, 32);
        return new Notification(id, target, false, null, resolution, content.reports());
    }

    /** The {@code sequence}-th send of the group with key {@code groupKey}. */
    static Notification ofGroup(Target target, String groupKey, int sequence, GroupSend group, List<ReportFindings> reports) {
        String id = StoredFinding.sha256Hex(target + "\u001f" + groupKey + "\u001f" + sequence).substring(0, 32);
        return new Notification(id, target, false, group, null, List.copyOf(reports));
    }

    /**
     * What the message says before its findings, or null: a group's counts, or what resolved the
     * findings (and, for a report published late, that it now is PUB-LATE).
     */
    String lead(int rulesListed) {
        if (group != null) {
            return summary(rulesListed);
        }
        if (resolution == null) {
            return null;
        }
        ReportInfo by = resolution.by();
        boolean missing = reports.stream().flatMap(r -> r.findings().stream()).anyMatch(f -> f.rule().equals("PUB-MISSING"));
        StringBuilder lead = new StringBuilder();
        if (missing) {
            lead.append(by.agency()).append("的").append(by.year() == null ? "" : by.year() + "年度").append("报告已发布")
                    .append(by.publishedOn() == null ? "" : "（发布日期 " + by.publishedOn() + "）").append("，原“未发布”问题已解决");
            if (resolution.late() != null) {
                lead.append("；但发布已逾期，现为 ").append(resolution.late().ruleLabel()).append("：").append(resolution.late().message());
            }
        } else {
            lead.append(by.agency()).append("重新发布的报告（").append(by.reportId()).append("）已不再有以下问题");
        }
        return lead.append("。").toString();
    }

    /** The line above a report's findings. */
    String findingsHeading() {
        return resolution != null ? "以下问题已解决：" : "核查发现以下问题：";
    }

    public int findingCount() {
        return reports.stream().mapToInt(r -> r.findings().size()).sum();
    }

    public long count(Severity severity) {
        return reports.stream().mapToLong(r -> r.count(severity)).sum();
    }

    /** Findings per rule (its id and Chinese name), most frequent first. */
    public Map<String, Long> perRule() {
        return reports.stream().flatMap(r -> r.findings().stream())
                .collect(Collectors.groupingBy(StoredFinding::ruleLabel, Collectors.counting()))
                .entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }

    /** A group's counts in one line: 共12份报告、30个问题（错误20个，警告10个）；按规则：… */
    String summary(int rulesListed) {
        Map<String, Long> perRule = perRule();
        String rules = perRule.entrySet().stream().limit(rulesListed).map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining("，"));
        return "共%d份报告、%d个问题（错误%d个，警告%d个）；按规则：%s%s".formatted(reports.size(), findingCount(),
                count(Severity.ERROR), count(Severity.WARNING), rules, perRule.size() > rulesListed ? "等" : "");
    }
}
