package io.nianbao.notify;

import io.nianbao.events.Finding;
import io.nianbao.events.ReportValidated;

/** The Chinese text of a findings mail: one line per finding, with rule id, place, message and evidence. */
final class FindingsMail {

    private FindingsMail() {
    }

    static String subject(ReportValidated report) {
        return "【年报核查】%s %s年度报告：发现%d个问题".formatted(
                agencyOf(report), report.getYear() == null ? "" : report.getYear(), report.getFindings().size());
    }

    static String plainText(ReportValidated report, String inboxUrl) {
        StringBuilder text = new StringBuilder();
        text.append("机关：").append(agencyOf(report)).append('\n');
        text.append("报告年度：").append(report.getYear() == null ? "未知" : report.getYear()).append('\n');
        if (report.getPublishedOn() != null) {
            text.append("发布日期：").append(report.getPublishedOn()).append('\n');
        }
        text.append("报告编号：").append(report.getReportId()).append("\n\n");
        text.append("核查发现以下问题：\n");
        for (Finding finding : report.getFindings()) {
            text.append("- [").append(finding.getRule()).append("] ").append(severityName(finding));
            if (finding.getLocation() != null) {
                text.append(" 位置：").append(finding.getLocation());
            }
            text.append('\n').append("  ").append(finding.getMessage()).append('\n');
            if (finding.getEvidence() != null) {
                text.append("  原文：").append(finding.getEvidence()).append('\n');
            }
        }
        if (inboxUrl != null && !inboxUrl.isBlank()) {
            text.append("\n查看详情：").append(inboxUrl).append("/reports/").append(report.getReportId()).append('\n');
        }
        text.append("\n（本邮件由年报核查系统自动发送。标注“系统”的问题为系统未能确定读取，需要人工复核，不代表报告有误。）\n");
        return text.toString();
    }

    private static String agencyOf(ReportValidated report) {
        return report.getAgencyName() != null ? report.getAgencyName() : report.getAgencyId();
    }

    private static String severityName(Finding finding) {
        String severity = switch (finding.getSeverity()) {
            case ERROR -> "错误";
            case WARNING -> "警告";
            case INFO -> "提示";
        };
        return switch (finding.getResponsibility()) {
            case AGENCY -> severity;
            case SYSTEM -> severity + "（系统）";
        };
    }
}
