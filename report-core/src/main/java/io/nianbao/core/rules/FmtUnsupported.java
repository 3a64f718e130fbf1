package io.nianbao.core.rules;

import io.nianbao.core.model.Finding;
import io.nianbao.core.model.ParsedReport;
import io.nianbao.core.model.Section;

import java.util.List;
import java.util.regex.Pattern;

/**
 * FMT-UNSUPPORTED: the document is an annual report in a format before GB2019 (reports for 2018
 * and earlier: seven parts, among them 依申请公开政府信息情况 and 收费及减免情况), out of scope. Checked
 * before every other rule, which are then not run (RuleEngine).
 */
public final class FmtUnsupported {

    /** Headings only the pre-2019 format has. */
    private static final Pattern OLD_HEADINGS = Pattern.compile("依申请公开政府信息|收费及减免");
    /** The GB2019 template applies to the reports for 2019 and later. */
    private static final int FIRST_YEAR = 2019;

    private FmtUnsupported() {
    }

    /** The one finding of an out-of-scope report, or none. */
    static List<Finding> check(ParsedReport report) {
        Integer year = Reports.year(report);
        boolean oldHeadings = Reports.sections(report).stream().map(Section::heading)
                .anyMatch(heading -> heading != null && OLD_HEADINGS.matcher(heading).find());
        if ((year == null || year >= FIRST_YEAR) && !oldHeadings) {
            return List.of();
        }
        String which = year != null && year < FIRST_YEAR ? year + "年度报告" : "该报告";
        return List.of(RuleId.FMT_UNSUPPORTED.finding(null, which + "采用2019年以前的年度报告格式（依申请公开、收费及减免等七个部分），"
                + "不在本系统按GB2019/GB2021格式核查的范围内，未作核查。", null));
    }
}
