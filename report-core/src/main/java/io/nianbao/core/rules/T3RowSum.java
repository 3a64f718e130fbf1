package io.nianbao.core.rules;

import io.nianbao.core.model.ApplicationsTable;
import io.nianbao.core.model.Finding;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** T3-ROW-SUM: per row of section 三, total = the six applicant columns. */
public final class T3RowSum implements ReportRule {

    @Override
    public RuleId id() { return RuleId.T3_ROW_SUM; }

    @Override
    public List<Finding> check(RuleContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (Map.Entry<String, List<Long>> row : Cells.applicationRows(ctx.report()).entrySet()) {
            boolean uncertain = ApplicationsTable.COLUMNS.stream()
                    .anyMatch(column -> ctx.uncertain(Cells.location("三", row.getKey(), column)));
            if (row.getValue() == null || uncertain) {
                continue;
            }
            long sum = Cells.sum(row.getValue(), 0, ApplicationsTable.TOTAL);
            long total = Cells.value(Cells.at(row.getValue(), ApplicationsTable.TOTAL));
            if (sum != total) {
                out.add(id().finding(Cells.location("三", row.getKey(), "total"), sum, total, "表三“" + Labels.of(row.getKey()) + "”行：各类申请人数量之和（" + sum
                        + "）不等于“总计”（" + total + "）。"));
            }
        }
        return out;
    }
}
