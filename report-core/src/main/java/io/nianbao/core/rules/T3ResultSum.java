package io.nianbao.core.rules;

import io.nianbao.core.model.ApplicationsTable;
import io.nianbao.core.parse.RowKeys;
import io.nianbao.core.model.Finding;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * T3-RESULT-SUM: per column, totalHandled equals the sum of the result rows (granted, partly
 * granted, every denied/unavailable/notProcessed reason, and otherHandling as one row or three).
 */
public final class T3ResultSum implements ReportRule {

    @Override
    public RuleId id() { return RuleId.T3_RESULT_SUM; }

    @Override
    public List<Finding> check(RuleContext ctx) {
        Map<String, List<Long>> rows = Cells.applicationRows(ctx.report());
        List<String> results = rows.keySet().stream().filter(RowKeys::isResult).toList();
        if (!rows.containsKey("totalHandled") || results.isEmpty()) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        for (int c = 0; c < ApplicationsTable.COLUMNS.size(); c++) {
            String column = ApplicationsTable.COLUMNS.get(c);
            String totalAt = Cells.location("三", "totalHandled", column);
            // Every result row the template has, not only those read: one not read is unknown, not 0.
            if (ctx.uncertain(totalAt) || RowKeys.APPLICATION_KEYS.stream().filter(RowKeys::isResult)
                    .anyMatch(row -> ctx.uncertain(Cells.location("三", row, column)))) {
                continue;
            }
            int col = c;
            long sum = Cells.sum(results.stream().map(row -> Cells.at(rows.get(row), col)).toList());
            long total = Cells.value(Cells.at(rows.get("totalHandled"), c));
            if (sum != total) {
                out.add(id().finding(totalAt, sum, total, "表三“" + Labels.of(column) + "”列：各项办理结果之和（" + sum
                        + "）不等于“（七）总计”（" + total + "）。"));
            }
        }
        return out;
    }
}
