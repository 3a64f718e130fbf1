package io.nianbao.samples;

import com.fasterxml.jackson.databind.JsonNode;
import io.nianbao.core.model.ApplicationsTable;
import io.nianbao.core.model.Finding;
import io.nianbao.core.model.ParsedReport;
import io.nianbao.core.model.Responsibility;
import io.nianbao.core.model.ReviewLitigationTable;
import io.nianbao.core.rules.RuleId;

import java.math.BigDecimal;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A report's table cells by location ("二.licensing.decisions", "三.newReceived.total",
 * "四.review.pending"), and the judgement of a reading against what the report says.
 */
public final class ReadCells {

    /** What became of a cell in a reading. */
    public enum Verdict {
        /** The report's value, or blank where the report leaves it blank. */
        RIGHT,
        /** Not read (null or absent), and a finding to operators names the cell, its row or its table. */
        NULL_WITH_FINDING,
        /** Another number, a blank where there is a number, or not read without a word. */
        WRONG
    }

    /** A reading's cells judged against the report's: how many of each verdict. */
    public record Tally(int right, int nullWithFinding, int wrong) {

        public int cells() {
            return right + nullWithFinding + wrong;
        }

        public double rightShare() {
            return cells() == 0 ? 0 : (double) right / cells();
        }

        @Override
        public String toString() {
            return "%d cells: %d right (%.1f%%), %d null with a finding, %d wrong".formatted(cells(), right, 100 * rightShare(),
                    nullWithFinding, wrong);
        }
    }

    private ReadCells() {
    }

    /** Every table cell of {@code truth} judged in {@code read}, with the reading's own findings. */
    public static Tally tally(ParsedReport truth, ParsedReport read) {
        int[] counts = new int[Verdict.values().length];
        Map<String, BigDecimal> cells = of(read);
        of(truth).forEach((location, expected) -> counts[judge(location, expected, cells, read.parseFindings()).ordinal()]++);
        return new Tally(counts[Verdict.RIGHT.ordinal()], counts[Verdict.NULL_WITH_FINDING.ordinal()], counts[Verdict.WRONG.ordinal()]);
    }

    /** The cells read: a number, or null for a blank; the cells of rows and tables not read are absent. */
    public static Map<String, BigDecimal> of(ParsedReport report) {
        Map<String, BigDecimal> cells = new LinkedHashMap<>();
        if (report.proactive() != null) {
            report.proactive().rows().forEach((row, values) -> values.forEach((column, v) -> cells.put("二." + row + "." + column, v)));
        }
        if (report.applications() != null) {
            report.applications().rows().forEach((row, values) -> put(cells, "三." + row, ApplicationsTable.COLUMNS, values));
        }
        if (report.reviewLitigation() != null) {
            report.reviewLitigation().groups().forEach((group, values) -> put(cells, "四." + group, ReviewLitigationTable.COLUMNS, values));
        }
        return cells;
    }

    /** The cells of a golden file (corpus *.expected.json). */
    public static Map<String, BigDecimal> of(JsonNode golden) {
        Map<String, BigDecimal> cells = new LinkedHashMap<>();
        golden.path("proactive").properties().forEach(row -> row.getValue().properties()
                .forEach(c -> cells.put("二." + row.getKey() + "." + c.getKey(), number(c.getValue()))));
        golden.path("applications").path("rows").properties().forEach(row -> array(cells, "三." + row.getKey(), row.getValue()));
        golden.path("reviewLitigation").properties().forEach(group -> {
            if (!group.getKey().equals("columns")) {
                array(cells, "四." + group.getKey(), group.getValue());
            }
        });
        return cells;
    }

    public static Verdict judge(String location, BigDecimal expected, Map<String, BigDecimal> read, List<Finding> findings) {
        BigDecimal got = read.get(location);
        if (read.containsKey(location) && (got == null ? expected == null : expected != null && got.compareTo(expected) == 0)) {
            return Verdict.RIGHT;
        }
        return got == null && named(location, findings) ? Verdict.NULL_WITH_FINDING : Verdict.WRONG;
    }

    /**
     * A finding that tells operators the cell was not read: about the cell, its row or its table,
     * and either ours (SYSTEM) or the table's own shape (TBL-SHAPE, where the document really lacks cells).
     */
    public static boolean named(String location, List<Finding> findings) {
        return findings.stream().anyMatch(f -> (f.responsibility() == Responsibility.SYSTEM || f.rule().equals(RuleId.TBL_SHAPE.id()))
                && f.location() != null && (location.equals(f.location()) || location.startsWith(f.location() + ".")));
    }

    private static void put(Map<String, BigDecimal> cells, String row, List<String> columns, List<Long> values) {
        for (int i = 0; i < columns.size(); i++) {
            Long v = values == null || i >= values.size() ? null : values.get(i);
            cells.put(row + "." + columns.get(i), v == null ? null : BigDecimal.valueOf(v));
        }
    }

    private static void array(Map<String, BigDecimal> cells, String row, JsonNode values) {
        List<String> columns = row.startsWith("三.") ? ApplicationsTable.COLUMNS : ReviewLitigationTable.COLUMNS;
        Iterator<JsonNode> it = values.iterator();
        for (String column : columns) {
            cells.put(row + "." + column, it.hasNext() ? number(it.next()) : null);
        }
    }

    private static BigDecimal number(JsonNode v) {
        return v == null || v.isNull() ? null : v.decimalValue();
    }
}
