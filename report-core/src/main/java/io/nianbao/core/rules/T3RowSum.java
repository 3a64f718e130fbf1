package io.nianbao.core.rules;

import io.nianbao.core.model.Finding;

import java.util.ArrayList;
import java.util.List;

/** T3-ROW-SUM: per row of section 三, total = the six applicant columns. */
public final class T3RowSum implements ReportRule {

    @Override
    public RuleId id() { return RuleId.T3_ROW_SUM; }

    @Override
    public List<Finding> check(RuleContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (TableIdentities.Identity row : TableIdentities.rowSums(ctx.report())) {
            if (!row.checkable(ctx.report())) {
                continue;
            }
            long sum = row.leftSum(ctx.report());
            long total = row.rightSum(ctx.report());
            if (sum != total) {
                out.add(id().finding(row.location(), sum, total, "表三“" + Labels.of(row.right().getFirst().row())
                        + "”行：各类申请人数量之和（" + sum + "）不等于“总计”（" + total + "）。"));
            }
        }
        return out;
    }
}
