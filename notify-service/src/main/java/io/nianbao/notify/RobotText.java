package io.nianbao.notify;

import io.nianbao.notify.Notification.ReportFindings;

import java.nio.charset.StandardCharsets;

/**
 * The Chinese markdown of a robot message: per report its agency, year and findings (rule id and
 * name, severity, place, message, evidence) and the link to the inbox; a group's message begins
 * with its counts, a resolution notice with what resolved its findings. Within the robot's limit: the findings that do not fit are counted, and the
 * inbox has them all. Text from the report
 * (agency names, evidence) cannot make markdown: its markup characters become their full-width
 * forms, and it stays on one line.
 */
final class RobotText {

    /** Longest evidence quoted in a robot message: the inbox shows it whole. */
    static final int MAX_EVIDENCE = 80;

    private RobotText() {
    }

    static String title(Notification notification) {
        return MailText.subject(notification);
    }

    static String markdown(Notification notification, String inboxUrl, int maxBytes) {
        StringBuilder text = new StringBuilder("### ").append(plain(title(notification))).append('\n');
        String lead = notification.lead(MailText.SUMMARY_RULES);
        if (lead != null) {
            text.append('\n').append(plain(lead)).append('\n');
        }
        int bytes = utf8(text);
        int left = notification.findingCount();
        for (ReportFindings entry : notification.reports()) {
            ReportInfo report = entry.report();
            String link = MailText.reportLink(inboxUrl, report);
            String tail = "\n[在收件箱查看](" + link + ")" + (report.documentLink() == null ? ""
                    : " · [查看原文](" + markdownUrl(report.documentLink()) + ")") + "\n";
            StringBuilder part = new StringBuilder("\n**").append(plain(report.agency())).append("**");
            if (report.year() != null) {
                part.append(' ').append(report.year()).append("年度报告");
            }
            if (report.publishedOn() != null) {
                part.append("，发布日期 ").append(report.publishedOn());
            }
            part.append('\n');
            if (bytes + utf8(part) + utf8(tail) + omission(left, link) > maxBytes) {
                break;
            }
            for (StoredFinding finding : entry.findings()) {
                String line = line(finding);
                if (bytes + utf8(part) + utf8(line) + utf8(tail) + omission(left - 1, link) > maxBytes) {
                    break;
                }
                part.append(line);
                left--;
            }
            part.append(tail);
            text.append(part);
            bytes += utf8(part);
        }
        if (left > 0) {
            text.append(omissionText(left, MailText.reportLink(inboxUrl, notification.reports().getFirst().report())));
        }
        return text.toString();
    }

    private static String line(StoredFinding finding) {
        StringBuilder line = new StringBuilder("- **").append(plain(finding.ruleLabel())).append("**（")
                .append(finding.severityLabel()).append("）");
        if (finding.location() != null) {
            line.append(' ').append(plain(finding.place()));
        }
        line.append("：").append(plain(finding.message()));
        if (finding.evidence() != null) {
            String evidence = plain(finding.evidence());
            line.append(" 原文：「").append(evidence.length() > MAX_EVIDENCE
                    ? evidence.substring(0, MAX_EVIDENCE) + "……" : evidence).append("」");
        }
        return line.append('\n').toString();
    }

    private static int omission(int left, String link) {
        return left > 0 ? utf8(omissionText(left, link)) : 0;
    }

    private static String omissionText(int left, String link) {
        return "\n另有" + left + "个问题未列出，请在[收件箱](" + link + ")查看全部。\n";
    }

    /** A URL from a portal inside markdown's (…): its parentheses and spaces percent-encoded, so it cannot end the link. */
    static String markdownUrl(String url) {
        return url.replace(" ", "%20").replace("(", "%28").replace(")", "%29");
    }

    /** Report text as plain text: one line, its markdown characters in their full-width forms. */
    static String plain(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder plain = new StringBuilder(text.length());
        text.codePoints().forEach(c -> plain.appendCodePoint(switch (c) {
            case '\n', '\r', '\t' -> ' ';
            case '*', '_', '`', '#', '[', ']', '(', ')', '<', '>', '!', '|', '~' -> c + 0xFEE0;
            default -> Character.isISOControl(c) ? ' ' : c;
        }));
        return plain.toString();
    }

    private static int utf8(CharSequence text) {
        return text.toString().getBytes(StandardCharsets.UTF_8).length;
    }
}
