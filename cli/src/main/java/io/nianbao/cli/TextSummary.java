package io.nianbao.cli;

import io.nianbao.core.model.Finding;
import io.nianbao.core.model.ParsedReport;
import io.nianbao.core.model.ReportMetadata;
import io.nianbao.core.rules.Locations;
import io.nianbao.core.rules.RuleId;

import java.util.List;

/**
 * The human summary of {@code check --format text}: who, which year, and each finding with its
 * rule id and Chinese name, its place in the report's own words, and its evidence.
 */
final class TextSummary {

    private TextSummary() {
    }

    static String of(ParsedReport report, List<Finding> findings) {
        ReportMetadata m = report.meta() == null ? ReportMetadata.UNKNOWN : report.meta();
        StringBuilder s = new StringBuilder();
        s.append("机关：").append(orUnknown(m.agency()))
                .append("\n年度：").append(m.year() == null ? "未知" : m.year() + "年")
                .append("\n格式：").append(report.template() == null ? "未识别" : report.template().name())
                .append("\n发布日期：").append(m.publishedOn() == null ? "未知" : m.publishedOn().toString())
                .append('\n');
        if (findings.isEmpty()) {
            return s.append("\n未发现问题。").toString();
        }
        s.append("\n发现 ").append(findings.size()).append(" 个问题：\n");
        int n = 0;
        for (Finding f : findings) {
            s.append('\n').append(++n).append(". [").append(severity(f)).append("] ").append(RuleId.labelOf(f.rule()))
                    .append("（").append(f.location() == null ? "未知" : Locations.describe(f.location())).append("）")
                    .append("\n   ").append(f.message());
            if (f.evidence() != null && !f.evidence().isBlank()) {
                s.append("\n   原文：").append(f.evidence().strip());
            }
            s.append('\n');
        }
        return s.toString();
    }

    private static String severity(Finding f) {
        if (f.severity() == null) {
            return "未知";
        }
        return switch (f.severity()) {
            case ERROR -> "错误";
            case WARNING -> "警告";
            case INFO -> "提示";
        };
    }

    private static String orUnknown(String s) {
        return s == null ? "未知" : s;
    }
}
