package io.nianbao.core.rules;

import io.nianbao.core.model.ParsedReport;
import io.nianbao.core.model.Section;
import io.nianbao.core.model.SectionKind;
import io.nianbao.core.model.Template;

import java.util.List;
import java.util.Optional;

/** Null-safe access to a report's sections and year, shared by the rules. */
final class Reports {

    private Reports() {
    }

    static List<Section> sections(ParsedReport report) {
        return report.sections() == null ? List.of() : report.sections();
    }

    static Optional<Section> section(ParsedReport report, SectionKind kind) {
        return sections(report).stream().filter(s -> s.kind() == kind).findFirst();
    }

    static Integer year(ParsedReport report) {
        return report.meta() == null ? null : report.meta().year();
    }

    /** Whether the GB2021 template applies: by the year when known, else by what the tables follow. */
    static boolean gb2021(ParsedReport report) {
        Integer year = year(report);
        return year != null ? Template.requiredFor(year) == Template.GB2021 : report.template() == Template.GB2021;
    }

    /** Last year's report, or null when unknown or not for the year before this report's. */
    static ParsedReport lastYear(RuleContext ctx) {
        ParsedReport previous = ctx.previous();
        if (previous == null) {
            return null;
        }
        Integer year = year(ctx.report());
        Integer before = year(previous);
        return year == null || before == null || before == year - 1 ? previous : null;
    }

    /** "第五部分“存在的主要问题及改进情况”" */
    static String name(SectionKind kind) {
        return "第" + kind.numeral() + "部分“" + kind.templateTitle() + "”";
    }
}
