package io.nianbao.core.rules;

import io.nianbao.core.model.ApplicationsTable;
import io.nianbao.core.model.Finding;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** T3-BALANCE: per column of section 三, newReceived + carriedOver = totalHandled + carriedForward. */
public final class T3Balance implements ReportRule {

    private static final List<String> ROWS = List.of("newReceived", "carriedOver", "totalHandled", "carriedForward");

    @Override
    public RuleId id() { return RuleId.T3_BALANCE; }

    @Override
    public List<Finding> check(RuleContext ctx) {
        Map<String, List<Long>> rows = Cells.applicationRows(ctx.report());
        if (!rows.keySet().containsAll(ROWS)) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        for (int c = 0; c < ApplicationsTable.COLUMNS.size(); c++) {
            String column = ApplicationsTable.COLUMNS.get(c);
            if (ROWS.stream().anyMatch(row -> ctx.uncertain(Cells.location("三", row, column)))) {
                continue;
            }
            long in = Cells.value(Cells.at(rows.get("newReceived"), c)) + Cells.value(Cells.at(rows.get("carriedOver"), c));
            long done = Cells.value(Cells.at(rows.get("totalHandled"), c)) + Cells.value(Cells.at(rows.get("carriedForward"), c));
            if (in != done) {
                out.add(id().finding("三." + column, in, done, "表三“" + Labels.of(column) + "”列：第一项加第二项之和（" + in
                        + "）不等于第三项加第四项之和（" + done + "）。"));
            }
        }
        return out;
    }
}
