package io.nianbao.core.rules;

import io.nianbao.core.model.Finding;

import java.util.ArrayList;
import java.util.List;

/** T4-SUM: per group of section 四, total = upheld + corrected + other + pending. */
public final class T4Sum implements ReportRule {

    @Override
    public RuleId id() { return RuleId.T4_SUM; }

    @Override
    public List<Finding> check(RuleContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (TableIdentities.Identity group : TableIdentities.groupSums(ctx.report())) {
            if (!group.checkable(ctx.report())) {
                continue;
            }
            long sum = group.leftSum(ctx.report());
            long total = group.rightSum(ctx.report());
            if (sum != total) {
                out.add(id().finding(group.location(), sum, total, "表四“" + Labels.of(group.right().getFirst().row())
                        + "”：结果维持、结果纠正、其他结果、尚未审结之和（" + sum + "）不等于“总计”（" + total + "）。"));
            }
        }
        return out;
    }
}
