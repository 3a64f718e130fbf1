package io.nianbao.notify;

import io.nianbao.notify.Notification.ReportFindings;

/** The Chinese subject and plain text of a findings mail: per report, one entry per finding with rule id, place, message, evidence and link. */
final class MailText {

    private MailText() {
    }

    static String subject(Notification notification) {
        if (notification.digest()) {
            return "【年报核查】每日汇总：%d份报告，%d个问题".formatted(notification.reports().size(), notification.findingCount());
        }
        ReportInfo report = notification.reports().getFirst().report();
        return "【年报核查】%s %s年度报告：发现%d个问题".formatted(
                report.agency(), report.year() == null ? "" : report.year(), notification.findingCount());
    }

    static String plainText(Notification notification, String inboxUrl) {
        StringBuilder text = new StringBuilder();
        for (ReportFindings entry : notification.reports()) {
            ReportInfo report = entry.report();
            text.append("机关：").append(report.agency()).append('\n');
            text.append("报告年度：").append(report.year() == null ? "未知" : report.year()).append('\n');
            if (report.publishedOn() != null) {
                text.append("发布日期：").append(report.publishedOn()).append('\n');
            }
            text.append("报告编号：").append(report.reportId()).append("\n\n");
            text.append("核查发现以下问题：\n");
            for (StoredFinding finding : entry.findings()) {
                text.append("- [").append(finding.rule()).append("] ").append(finding.severityLabel());
                if (finding.location() != null) {
                    text.append(" 位置：").append(finding.location());
                }
                text.append('\n').append("  ").append(finding.message()).append('\n');
                if (finding.evidence() != null) {
                    text.append("  原文：").append(finding.evidence()).append('\n');
                }
            }
            text.append("\n查看详情：").append(reportLink(inboxUrl, report)).append("\n\n");
        }
        text.append("（本邮件由年报核查系统自动发送。标注“系统”的问题为系统未能确定读取，需要人工复核，不代表报告有误。）\n");
        return text.toString();
    }

    /** The report's page in the inbox. */
    static String reportLink(String inboxUrl, ReportInfo report) {
        return inboxUrl + "/reports/" + report.reportId();
    }
}
