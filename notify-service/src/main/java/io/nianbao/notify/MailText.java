package io.nianbao.notify;

import io.nianbao.notify.Notification.ReportFindings;
import org.springframework.web.util.HtmlUtils;

import java.nio.charset.StandardCharsets;

/**
 * The Chinese subject, plain text and HTML of a findings mail: per report, one entry per finding
 * with rule id, place, message, evidence and link. The HTML is written here rather than by a
 * template engine: rendering the template had been a sixth of notify-service's CPU under load
 * (JFR), its expressions interpreted for every mail.
 */
final class MailText {

    private static final String FOOTER = "本邮件由年报核查系统自动发送。标注“系统”的问题为系统未能确定读取，需要人工复核，不代表报告有误。";

    private MailText() {
    }

    /** Longest agency name a subject quotes: real names are tens of characters. */
    static final int MAX_SUBJECT_AGENCY = 100;

    static String subject(Notification notification) {
        if (notification.group() != null) {
            return "【年报核查】%s%s：%d份报告，%d个问题".formatted(notification.group().reminder() ? "仍未解决 · " : "",
                    oneLine(notification.group().title(), MAX_SUBJECT_AGENCY), notification.reports().size(),
                    notification.findingCount());
        }
        if (notification.resolution() != null) {
            ReportInfo by = notification.resolution().by();
            return "【年报核查】问题已解决：%s %s年度报告，%d个问题".formatted(oneLine(by.agency(), MAX_SUBJECT_AGENCY),
                    by.year() == null ? "" : by.year(), notification.findingCount());
        }
        if (notification.digest()) {
            return "【年报核查】每日汇总：%d份报告，%d个问题".formatted(notification.reports().size(), notification.findingCount());
        }
        ReportInfo report = notification.reports().getFirst().report();
        return "【年报核查】%s %s年度报告：发现%d个问题".formatted(
                oneLine(report.agency(), MAX_SUBJECT_AGENCY), report.year() == null ? "" : report.year(), notification.findingCount());
    }

    /**
     * A value from a report (a portal's agency name) fit for a header: control characters and
     * line breaks, with which a value could end the header and begin another, become spaces, and
     * it is cut to {@code max} characters.
     */
    static String oneLine(String value, int max) {
        if (value == null) {
            return "";
        }
        StringBuilder line = new StringBuilder(Math.min(value.length(), max));
        value.codePoints().limit(max).forEach(c -> line.appendCodePoint(Character.isISOControl(c)
                || Character.getType(c) == Character.LINE_SEPARATOR || Character.getType(c) == Character.PARAGRAPH_SEPARATOR
                ? ' ' : c));
        return line.toString().strip();
    }

    /** Rules a group's counts name before "等". */
    static final int SUMMARY_RULES = 5;

    static String plainText(Notification notification, String inboxUrl) {
        StringBuilder text = new StringBuilder();
        String lead = notification.lead(SUMMARY_RULES);
        if (lead != null) {
            text.append(lead).append("\n\n");
        }
        for (ReportFindings entry : notification.reports()) {
            ReportInfo report = entry.report();
            text.append("机关：").append(report.agency()).append('\n');
            text.append("报告年度：").append(report.year() == null ? "未知" : report.year()).append('\n');
            if (report.publishedOn() != null) {
                text.append("发布日期：").append(report.publishedOn()).append('\n');
            }
            text.append("报告编号：").append(report.reportId()).append('\n');
            if (report.documentLink() != null) {
                text.append("原文：").append(report.documentLink()).append('\n');
            }
            text.append('\n');
            text.append(notification.findingsHeading()).append('\n');
            for (StoredFinding finding : entry.findings()) {
                text.append("- [").append(finding.rule()).append("] ");
                String ruleName = finding.ruleName();
                if (ruleName != null) {
                    text.append(ruleName).append(' ');
                }
                text.append(finding.severityLabel());
                if (finding.location() != null) {
                    text.append(" 位置：").append(finding.place());
                }
                text.append('\n').append("  ").append(finding.message()).append('\n');
                if (finding.evidence() != null) {
                    text.append("  原文：").append(finding.evidence()).append('\n');
                }
            }
            text.append("\n查看详情：").append(reportLink(inboxUrl, report)).append("\n\n");
        }
        text.append("（").append(FOOTER).append("）\n");
        return text.toString();
    }

    /** The same entries as one table per report; everything that comes from the report is escaped. */
    static String html(Notification notification, String inboxUrl) {
        StringBuilder html = new StringBuilder(4096);
        html.append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head><meta charset=\"UTF-8\"><title>")
                .append(escape(subject(notification))).append("</title></head>\n<body style=\"font-family: sans-serif\">\n");
        String lead = notification.lead(SUMMARY_RULES);
        if (lead != null) {
            html.append("<p>").append(escape(lead)).append("</p>\n");
        }
        for (ReportFindings entry : notification.reports()) {
            ReportInfo report = entry.report();
            html.append("<div>\n<h2>").append(escape(report.agency()))
                    .append(report.year() == null ? "" : " " + report.year() + "年度报告").append("</h2>\n");
            html.append("<p>报告编号：").append(escape(report.reportId()));
            if (report.publishedOn() != null) {
                html.append("　发布日期：").append(escape(report.publishedOn()));
            }
            if (report.documentLink() != null) {
                html.append("　<a href=\"").append(escape(report.documentLink())).append("\">查看原文</a>");
            }
            html.append("</p>\n<table border=\"1\" cellpadding=\"4\" cellspacing=\"0\" style=\"border-collapse: collapse\">\n")
                    .append("<tr><th>规则</th><th>严重程度</th><th>位置</th><th>问题</th><th>原文</th><th></th></tr>\n");
            for (StoredFinding finding : entry.findings()) {
                html.append("<tr>");
                for (String cell : new String[] {finding.ruleLabel(), finding.severityLabel(), finding.place(), finding.message(), finding.evidence()}) {
                    html.append("<td>").append(escape(cell)).append("</td>");
                }
                html.append("<td><a href=\"").append(escape(reportLink(inboxUrl, report) + "#f-" + finding.fingerprint()))
                        .append("\">在收件箱查看</a></td></tr>\n");
            }
            html.append("</table>\n</div>\n");
        }
        html.append("<p style=\"color: #666\">").append(FOOTER).append("</p>\n</body>\n</html>\n");
        return html.toString();
    }

    private static String escape(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text, StandardCharsets.UTF_8.name());
    }

    /** The report's page in the inbox. */
    static String reportLink(String inboxUrl, ReportInfo report) {
        return inboxUrl + "/reports/" + report.reportId();
    }
}
