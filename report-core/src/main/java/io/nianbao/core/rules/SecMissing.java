package io.nianbao.core.rules;

import io.nianbao.core.model.Finding;
import io.nianbao.core.model.SectionKind;

import java.util.ArrayList;
import java.util.List;

/** SEC-MISSING: one of the six sections is absent, where the parser did not say it may be there unread. */
public final class SecMissing implements ReportRule {

    @Override
    public RuleId id() { return RuleId.SEC_MISSING; }

    @Override
    public List<Finding> check(RuleContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (SectionKind kind : SectionKind.values()) {
            if (Reports.section(ctx.report(), kind).isEmpty() && !ctx.uncertain(kind.numeral())) {
                out.add(id().finding(kind.numeral(), "报告缺少" + Reports.name(kind) + "，请按年度报告格式补充。", null));
            }
        }
        return out;
    }
}
