package io.nianbao.core.rules;

import io.nianbao.core.model.ApplicationsTable;
import io.nianbao.core.model.Finding;
import io.nianbao.core.model.ParsedReport;
import io.nianbao.core.model.ReviewLitigationTable;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * CELL-BLANK: cells left blank or "/" where the template expects a number; one finding per table
 * listing the cells. Cells the parser could not read, and unaligned groups, are not blanks.
 */
public final class CellBlank implements ReportRule {

    @Override
    public RuleId id() { return RuleId.CELL_BLANK; }

    @Override
    public List<Finding> check(RuleContext ctx) {
        ParsedReport r = ctx.report();
        List<Finding> out = new ArrayList<>();
        report(ctx, "二", proactiveBlanks(r), out);
        report(ctx, "三", gridBlanks("三", Cells.applicationRows(r), ApplicationsTable.COLUMNS), out);
        Map<String, List<Long>> groups = r.reviewLitigation() == null || r.reviewLitigation().groups() == null
                ? Map.of() : r.reviewLitigation().groups();
        report(ctx, "四", gridBlanks("四", groups, ReviewLitigationTable.COLUMNS), out);
        return out;
    }

    private static List<String> proactiveBlanks(ParsedReport r) {
        List<String> blanks = new ArrayList<>();
        if (r.proactive() != null && r.proactive().rows() != null) {
            for (Map.Entry<String, Map<String, BigDecimal>> row : r.proactive().rows().entrySet()) {
                row.getValue().forEach((column, value) -> {
                    if (value == null) {
                        blanks.add(Cells.location("二", row.getKey(), column));
                    }
                });
            }
        }
        return blanks;
    }

    /** Blank cells of rows (or groups); a null row is an unaligned group, not a blank. */
    private static List<String> gridBlanks(String section, Map<String, List<Long>> rows, List<String> columns) {
        List<String> blanks = new ArrayList<>();
        rows.forEach((row, cells) -> {
            for (int i = 0; cells != null && i < columns.size(); i++) {
                if (Cells.at(cells, i) == null) {
                    blanks.add(Cells.location(section, row, columns.get(i)));
                }
            }
        });
        return blanks;
    }

    private void report(RuleContext ctx, String section, List<String> blanks, List<Finding> out) {
        List<String> real = blanks.stream().filter(b -> !ctx.uncertain(b)).toList();
        if (!real.isEmpty()) {
            String cells = String.join("、", real.stream().map(Labels::cell).toList());
            out.add(id().finding(section, "表" + section + "中有" + real.size() + "个单元格空白或填写“/”等符号，应填写数字（没有的填0）："
                    + cells + "。", String.join(", ", real)));
        }
    }
}
