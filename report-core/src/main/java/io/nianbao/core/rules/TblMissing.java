package io.nianbao.core.rules;

import io.nianbao.core.model.Finding;
import io.nianbao.core.model.ParsedReport;
import io.nianbao.core.model.SectionKind;

import java.util.ArrayList;
import java.util.List;

/**
 * TBL-MISSING: section 二, 三 or 四 has no table. A table the parser found but could not align
 * is already reported by TBL-SHAPE and is not reported again.
 */
public final class TblMissing implements ReportRule {

    @Override
    public RuleId id() { return RuleId.TBL_MISSING; }

    @Override
    public List<Finding> check(RuleContext ctx) {
        ParsedReport r = ctx.report();
        List<Finding> out = new ArrayList<>();
        missing(ctx, r.proactive() == null, SectionKind.PROACTIVE, out);
        missing(ctx, r.applications() == null, SectionKind.APPLICATIONS, out);
        missing(ctx, r.reviewLitigation() == null, SectionKind.REVIEW_LITIGATION, out);
        return out;
    }

    private void missing(RuleContext ctx, boolean absent, SectionKind kind, List<Finding> out) {
        if (absent && !ctx.uncertain(kind.numeral())) {
            out.add(id().finding(kind.numeral(), Reports.name(kind) + "没有按年度报告格式填报统计表格（表格缺失或以文字代替）。", null));
        }
    }
}
