package io.nianbao.notify.web;

import io.nianbao.core.rules.RuleId;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The trends page's table: one row per rule, one column per report year present (ascending), the
 * findings counted, each year's change from the one before and a sparkline; and the reports per year.
 * Rows are ordered by the last year's count, most first.
 */
public record TrendTable(List<Integer> years, List<Long> reports, List<Row> rows) {

    static final int SPARK_WIDTH = 96;
    static final int SPARK_HEIGHT = 24;

    /**
     * One row of the grouped query.
     *
     * @param ruleId   the rule, or null for the year's total
     * @param findings findings of the rule (or of every rule) in the year
     * @param reports  reports of the year (on the total's row)
     */
    public record Count(int year, String ruleId, long findings, long reports) {
    }

    /** @param change the count minus the previous year's, null in the first year */
    public record Cell(int year, long count, Long change) {

        /** ▲3, ▼2, 持平, or nothing in the first year. */
        public String changeText() {
            if (change == null) {
                return "";
            }
            return change > 0 ? "▲" + change : change < 0 ? "▼" + -change : "持平";
        }

        /** The CSS class of the change: up (more findings), down, or same. */
        public String changeClass() {
            return change == null || change == 0 ? "same" : change > 0 ? "up" : "down";
        }
    }

    /** @param sparkline the SVG polyline's points, {@value #SPARK_WIDTH}×{@value #SPARK_HEIGHT} */
    public record Row(String ruleId, String label, List<Cell> cells, String sparkline) {

        long last() {
            return cells.getLast().count();
        }

        long total() {
            return cells.stream().mapToLong(Cell::count).sum();
        }
    }

    static TrendTable of(List<Count> counts) {
        List<Integer> years = List.copyOf(new TreeSet<>(counts.stream().map(Count::year).toList()));
        Map<Integer, Long> reportsByYear = new TreeMap<>();
        Map<String, Map<Integer, Long>> byRule = new TreeMap<>();
        for (Count count : counts) {
            if (count.ruleId() == null) {
                reportsByYear.put(count.year(), count.reports());
            } else {
                byRule.computeIfAbsent(count.ruleId(), rule -> new TreeMap<>()).put(count.year(), count.findings());
            }
        }
        List<Row> rows = new ArrayList<>();
        byRule.forEach((rule, perYear) -> rows.add(row(rule, years, perYear)));
        rows.sort(Comparator.comparingLong(Row::last).reversed().thenComparing(Comparator.comparingLong(Row::total).reversed())
                .thenComparing(Row::ruleId));
        List<Long> reports = years.stream().map(year -> reportsByYear.getOrDefault(year, 0L)).toList();
        return new TrendTable(years, reports, List.copyOf(rows));
    }

    private static Row row(String rule, List<Integer> years, Map<Integer, Long> perYear) {
        List<Cell> cells = new ArrayList<>();
        Long previous = null;
        for (int year : years) {
            long count = perYear.getOrDefault(year, 0L);
            cells.add(new Cell(year, count, previous == null ? null : count - previous));
            previous = count;
        }
        return new Row(rule, RuleId.labelOf(rule), List.copyOf(cells), sparkline(cells.stream().map(Cell::count).toList()));
    }

    /** Points from left to right, the highest count at the top, zero at the bottom; one year is a flat line. */
    static String sparkline(List<Long> counts) {
        long max = Math.max(1, counts.stream().mapToLong(Long::longValue).max().orElse(1));
        int steps = Math.max(1, counts.size() - 1);
        List<String> points = new ArrayList<>();
        for (int i = 0; i < counts.size(); i++) {
            long x = (long) i * SPARK_WIDTH / steps;
            long y = SPARK_HEIGHT - 2 - counts.get(i) * (SPARK_HEIGHT - 4) / max;
            points.add(x + "," + y);
        }
        if (counts.size() == 1) {
            points.add(SPARK_WIDTH + "," + points.getFirst().split(",")[1]);
        }
        return String.join(" ", points);
    }
}
