package io.nianbao.core.rules;

import io.nianbao.core.model.ApplicationsTable;
import io.nianbao.core.model.Finding;
import io.nianbao.core.model.ParsedReport;

import java.util.ArrayList;
import java.util.List;

/** XY-CARRYOVER: per column, carried over into year N = carried forward out of year N−1. */
public final class XyCarryover implements ReportRule {

    @Override
    public RuleId id() { return RuleId.XY_CARRYOVER; }

    @Override
    public List<Finding> check(RuleContext ctx) {
        ParsedReport last = Reports.lastYear(ctx);
        if (last == null) {
            return List.of();
        }
        List<Long> over = Cells.applicationRows(ctx.report()).get("carriedOver");
        List<Long> forward = Cells.applicationRows(last).get("carriedForward");
        if (over == null || forward == null) {
            return List.of();
        }
        RuleContext lastCtx = RuleContext.of(last);
        List<Finding> out = new ArrayList<>();
        for (int c = 0; c < ApplicationsTable.COLUMNS.size(); c++) {
            String column = ApplicationsTable.COLUMNS.get(c);
            String at = Cells.location("三", "carriedOver", column);
            if (ctx.uncertain(at) || lastCtx.uncertain(Cells.location("三", "carriedForward", column))) {
                continue;
            }
            long expected = Cells.value(Cells.at(forward, c));
            long actual = Cells.value(Cells.at(over, c));
            if (expected != actual) {
                out.add(id().finding(at, expected, actual, "表三“" + Labels.of(column) + "”列：上年结转申请（" + actual
                        + "件）与上一年度报告的“结转下年度继续办理”（" + expected + "件）不一致。"));
            }
        }
        return out;
    }
}
