package io.nianbao.core.rules;

import io.nianbao.core.model.Finding;
import io.nianbao.core.model.ParsedReport;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * XY-INFORCE: under GB2021, documents in force now = in force last year + issued − repealed, for
 * 规章 and 规范性文件. Skipped when last year used GB2019 (its 对外公开总数量 counts something else).
 */
public final class XyInforce implements ReportRule {

    private static final List<String> ROWS = List.of("regulations", "normativeDocuments");
    private static final List<String> COLUMNS = List.of("issued", "repealed", "inForce");

    @Override
    public RuleId id() { return RuleId.XY_INFORCE; }

    @Override
    public List<Finding> check(RuleContext ctx) {
        ParsedReport last = Reports.lastYear(ctx);
        if (last == null || ctx.report().proactive() == null || last.proactive() == null) {
            return List.of();
        }
        RuleContext lastCtx = RuleContext.of(last);
        List<Finding> out = new ArrayList<>();
        for (String row : ROWS) {
            Map<String, BigDecimal> now = ctx.report().proactive().rows().get(row);
            Map<String, BigDecimal> before = last.proactive().rows().get(row);
            if (now == null || before == null || !now.containsKey("inForce") || !before.containsKey("inForce")
                    || COLUMNS.stream().anyMatch(column -> ctx.uncertain(Cells.location("二", row, column)))
                    || lastCtx.uncertain(Cells.location("二", row, "inForce"))) {
                continue;
            }
            long expected = value(before, "inForce") + value(now, "issued") - value(now, "repealed");
            long actual = value(now, "inForce");
            if (expected != actual) {
                out.add(id().finding(Cells.location("二", row, "inForce"), expected, actual, "表二“" + Labels.of(row)
                        + "”：现行有效件数（" + actual + "）不等于上年现行有效件数（" + value(before, "inForce") + "）加本年制发件数（"
                        + value(now, "issued") + "）减本年废止件数（" + value(now, "repealed") + "），应为" + expected + "。"));
            }
        }
        return out;
    }

    private static long value(Map<String, BigDecimal> row, String column) {
        return Cells.value(row.get(column));
    }
}
