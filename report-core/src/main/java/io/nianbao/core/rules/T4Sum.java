package io.nianbao.core.rules;

import io.nianbao.core.model.Finding;
import io.nianbao.core.model.ReviewLitigationTable;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** T4-SUM: per group of section 四, total = upheld + corrected + other + pending. */
public final class T4Sum implements ReportRule {

    private static final int TOTAL = ReviewLitigationTable.COLUMNS.indexOf("total");

    @Override
    public RuleId id() { return RuleId.T4_SUM; }

    @Override
    public List<Finding> check(RuleContext ctx) {
        ReviewLitigationTable t = ctx.report().reviewLitigation();
        if (t == null || t.groups() == null) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        for (String group : ReviewLitigationTable.GROUPS) {
            List<Long> cells = t.groups().get(group);
            boolean uncertain = ReviewLitigationTable.COLUMNS.stream()
                    .anyMatch(column -> ctx.uncertain(Cells.location("四", group, column)));
            if (cells == null || uncertain) {
                continue;
            }
            long sum = Cells.sum(cells, 0, TOTAL);
            long total = Cells.value(Cells.at(cells, TOTAL));
            if (sum != total) {
                out.add(id().finding(Cells.location("四", group, "total"), sum, total, "表四“" + Labels.of(group)
                        + "”：结果维持、结果纠正、其他结果、尚未审结之和（" + sum + "）不等于“总计”（" + total + "）。"));
            }
        }
        return out;
    }
}
