package io.nianbao.core.rules;

import io.nianbao.core.model.ApplicationsTable;
import io.nianbao.core.model.ParsedReport;
import io.nianbao.core.model.ReviewLitigationTable;
import io.nianbao.core.parse.RowKeys;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The sum identities of sections 三 and 四 over one report's cells, as T3-ROW-SUM, T3-RESULT-SUM,
 * T3-BALANCE and T4-SUM check them: one definition for the rules and for settling what OCR read
 * ({@link io.nianbao.core.ocr.OcrDigits}). An identity names its cells, not their values, so it can
 * be evaluated on a report and on the same report with a cell changed.
 */
public final class TableIdentities {

    private static final List<String> BALANCE_ROWS = List.of("newReceived", "carriedOver", "totalHandled", "carriedForward");
    private static final int GROUP_TOTAL = ReviewLitigationTable.COLUMNS.indexOf("total");

    private TableIdentities() {
    }

    /** A cell of section 三 ("三") or 四 ("四"): its row (or group) key and column key. */
    public record TableCell(String section, String row, String column) {

        /** The cell at a location of section 三 or 四 ("三.denied.stateSecret.total"): the column follows the last dot. */
        public static TableCell at(String location) {
            int first = location.indexOf('.');
            int last = location.lastIndexOf('.');
            return new TableCell(location.substring(0, first), location.substring(first + 1, last), location.substring(last + 1));
        }

        /** "三.newReceived.total" */
        public String location() {
            return Cells.location(section, row, column);
        }

        /** The cell's value in {@code report}: null when blank, or when its row or table is absent. */
        public Long value(ParsedReport report) {
            return Cells.at(rowOf(report), columns().indexOf(column));
        }

        /** The cell's row (or group) in {@code report}, or null. */
        public List<Long> rowOf(ParsedReport report) {
            if (section.equals("三")) {
                return Cells.applicationRows(report).get(row);
            }
            ReviewLitigationTable t = report.reviewLitigation();
            return t == null || t.groups() == null ? null : t.groups().get(row);
        }

        /** The columns of the cell's table, in order. */
        public List<String> columns() {
            return section.equals("三") ? ApplicationsTable.COLUMNS : ReviewLitigationTable.COLUMNS;
        }
    }

    /**
     * One identity: the cells of {@code left} add up to those of {@code right}, a blank counting as 0.
     *
     * @param rule     the rule that checks it
     * @param location where that rule's finding stands
     * @param scope    the locations where a parse finding leaves it unchecked: its cells, and for
     *                 T3-RESULT-SUM every result row of the template (one not read is unknown, not 0)
     * @param wording  the identity in Chinese, as findings name it
     */
    public record Identity(RuleId rule, String location, List<TableCell> left, List<TableCell> right,
                           List<String> scope, String wording) {

        public List<TableCell> cells() {
            return Stream.concat(left.stream(), right.stream()).toList();
        }

        public long leftSum(ParsedReport report) {
            return sum(left, report);
        }

        public long rightSum(ParsedReport report) {
            return sum(right, report);
        }

        public boolean holds(ParsedReport report) {
            return leftSum(report) == rightSum(report);
        }

        /** Whether no parse finding of {@code report} stands on its scope: the rule may check it. */
        public boolean checkable(ParsedReport report) {
            return scope.stream().noneMatch(at -> RuleContext.uncertain(report.parseFindings(), at));
        }

        private static long sum(List<TableCell> cells, ParsedReport report) {
            long s = 0;
            for (TableCell c : cells) {
                s += Cells.value(c.value(report));
            }
            return s;
        }
    }

    /** Every identity of the report's tables: row sums, result sums, balances, group sums. */
    public static List<Identity> of(ParsedReport report) {
        List<Identity> all = new ArrayList<>(rowSums(report));
        all.addAll(resultSums(report));
        all.addAll(balances(report));
        all.addAll(groupSums(report));
        return all;
    }

    /** T3-ROW-SUM: per row of section 三 read, the six applicant columns add up to 总计. */
    static List<Identity> rowSums(ParsedReport report) {
        List<Identity> out = new ArrayList<>();
        for (Map.Entry<String, List<Long>> row : Cells.applicationRows(report).entrySet()) {
            if (row.getValue() != null) {
                String key = row.getKey();
                List<TableCell> parts = ApplicationsTable.COLUMNS.subList(0, ApplicationsTable.TOTAL).stream()
                        .map(column -> new TableCell("三", key, column)).toList();
                TableCell total = new TableCell("三", key, "total");
                out.add(new Identity(RuleId.T3_ROW_SUM, total.location(), parts, List.of(total),
                        locations(parts, total), "表三“" + Labels.of(key) + "”行各类申请人数量之和等于“总计”"));
            }
        }
        return out;
    }

    /** T3-RESULT-SUM: per column of section 三, the result rows read add up to totalHandled. */
    static List<Identity> resultSums(ParsedReport report) {
        Map<String, List<Long>> rows = Cells.applicationRows(report);
        List<String> results = rows.keySet().stream().filter(RowKeys::isResult).toList();
        if (!rows.containsKey("totalHandled") || results.isEmpty()) {
            return List.of();
        }
        List<Identity> out = new ArrayList<>();
        for (String column : ApplicationsTable.COLUMNS) {
            List<TableCell> parts = results.stream().map(row -> new TableCell("三", row, column)).toList();
            TableCell total = new TableCell("三", "totalHandled", column);
            List<String> scope = new ArrayList<>(List.of(total.location()));
            RowKeys.APPLICATION_KEYS.stream().filter(RowKeys::isResult).forEach(row -> scope.add(Cells.location("三", row, column)));
            out.add(new Identity(RuleId.T3_RESULT_SUM, total.location(), parts, List.of(total), List.copyOf(scope),
                    "表三“" + Labels.of(column) + "”列各项办理结果之和等于“办理结果总计”"));
        }
        return out;
    }

    /** T3-BALANCE: per column of section 三, newReceived + carriedOver = totalHandled + carriedForward. */
    static List<Identity> balances(ParsedReport report) {
        if (!Cells.applicationRows(report).keySet().containsAll(BALANCE_ROWS)) {
            return List.of();
        }
        List<Identity> out = new ArrayList<>();
        for (String column : ApplicationsTable.COLUMNS) {
            List<TableCell> in = List.of(new TableCell("三", "newReceived", column), new TableCell("三", "carriedOver", column));
            List<TableCell> done = List.of(new TableCell("三", "totalHandled", column), new TableCell("三", "carriedForward", column));
            List<String> scope = Stream.concat(in.stream(), done.stream()).map(TableCell::location).toList();
            out.add(new Identity(RuleId.T3_BALANCE, "三." + column, in, done, scope,
                    "表三“" + Labels.of(column) + "”列本年新收加上年结转等于办理结果总计加结转下年度"));
        }
        return out;
    }

    /** T4-SUM: per group of section 四 read, upheld + corrected + other + pending = total. */
    static List<Identity> groupSums(ParsedReport report) {
        ReviewLitigationTable t = report.reviewLitigation();
        if (t == null || t.groups() == null) {
            return List.of();
        }
        List<Identity> out = new ArrayList<>();
        for (String group : ReviewLitigationTable.GROUPS) {
            if (t.groups().get(group) != null) {
                List<TableCell> parts = ReviewLitigationTable.COLUMNS.subList(0, GROUP_TOTAL).stream()
                        .map(column -> new TableCell("四", group, column)).toList();
                TableCell total = new TableCell("四", group, "total");
                out.add(new Identity(RuleId.T4_SUM, total.location(), parts, List.of(total), locations(parts, total),
                        "表四“" + Labels.of(group) + "”结果维持、结果纠正、其他结果、尚未审结之和等于“总计”"));
            }
        }
        return out;
    }

    private static List<String> locations(List<TableCell> parts, TableCell total) {
        return Stream.concat(parts.stream(), Stream.of(total)).map(TableCell::location).toList();
    }
}
