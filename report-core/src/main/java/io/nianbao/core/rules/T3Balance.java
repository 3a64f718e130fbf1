package io.nianbao.core.rules;

import io.nianbao.core.model.Finding;

import java.util.ArrayList;
import java.util.List;

/** T3-BALANCE: per column of section 三, newReceived + carriedOver = totalHandled + carriedForward. */
public final class T3Balance implements ReportRule {

    @Override
    public RuleId id() { return RuleId.T3_BALANCE; }

    @Override
    public List<Finding> check(RuleContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (TableIdentities.Identity column : TableIdentities.balances(ctx.report())) {
            if (!column.checkable(ctx.report())) {
                continue;
            }
            long in = column.leftSum(ctx.report());
            long done = column.rightSum(ctx.report());
            if (in != done) {
                out.add(id().finding(column.location(), in, done, "表三“" + Labels.of(column.left().getFirst().column())
                        + "”列：第一项加第二项之和（" + in + "）不等于第三项加第四项之和（" + done + "）。"));
            }
        }
        return out;
    }
}
