package io.nianbao.core.rules;

import io.nianbao.core.model.Finding;
import io.nianbao.core.model.SectionKind;

import java.util.List;

/** TXT-THIN: section 五 (problems and improvements) is empty, "无", or under 20 characters. */
public final class TxtThin implements ReportRule {

    private static final int MINIMUM = 20;

    @Override
    public RuleId id() { return RuleId.TXT_THIN; }

    @Override
    public List<Finding> check(RuleContext ctx) {
        return Reports.section(ctx.report(), SectionKind.PROBLEMS)
                .filter(s -> Prose.squeeze(s.text()).length() < MINIMUM)
                .map(s -> List.of(id().finding(SectionKind.PROBLEMS.numeral(),
                        Reports.name(SectionKind.PROBLEMS) + "内容过于简单，应具体说明本年度存在的主要问题和改进情况。",
                        s.text() == null ? "" : s.text().strip())))
                .orElse(List.of());
    }
}
