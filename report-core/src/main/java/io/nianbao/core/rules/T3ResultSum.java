package io.nianbao.core.rules;

import io.nianbao.core.model.Finding;

import java.util.ArrayList;
import java.util.List;

/**
 * T3-RESULT-SUM: per column, totalHandled equals the sum of the result rows (granted, partly
 * granted, every denied/unavailable/notProcessed reason, and otherHandling as one row or three).
 */
public final class T3ResultSum implements ReportRule {

    @Override
    public RuleId id() { return RuleId.T3_RESULT_SUM; }

    @Override
    public List<Finding> check(RuleContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (TableIdentities.Identity column : TableIdentities.resultSums(ctx.report())) {
            if (!column.checkable(ctx.report())) {
                continue;
            }
            long sum = column.leftSum(ctx.report());
            long total = column.rightSum(ctx.report());
            if (sum != total) {
                out.add(id().finding(column.location(), sum, total, "表三“" + Labels.of(column.right().getFirst().column())
                        + "”列：各项办理结果之和（" + sum + "）不等于“（七）总计”（" + total + "）。"));
            }
        }
        return out;
    }
}
