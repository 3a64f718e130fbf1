package io.nianbao.core.rules;

import io.nianbao.core.model.ApplicationsTable;
import io.nianbao.core.model.ParsedReport;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Cell arithmetic shared by all rules: a blank (null) cell counts as 0. */
final class Cells {

    private Cells() {
    }

    static long value(Long cell) {
        return cell == null ? 0 : cell;
    }

    /** An amount or count of section 二 as a whole number; blank is 0. */
    static long value(BigDecimal cell) {
        return cell == null ? 0 : cell.longValue();
    }

    static long sum(Collection<Long> cells) {
        long s = 0;
        for (Long c : cells) {
            s += value(c);
        }
        return s;
    }

    /** The cell at {@code index}, null when blank or when the row is short. */
    static Long at(List<Long> row, int index) {
        return row != null && index < row.size() ? row.get(index) : null;
    }

    /** The sum of cells [from, to) of a row. */
    static long sum(List<Long> row, int from, int to) {
        long s = 0;
        for (int i = from; i < to; i++) {
            s += value(at(row, i));
        }
        return s;
    }

    /** Section 三's rows, empty when the table is missing. */
    static Map<String, List<Long>> applicationRows(ParsedReport report) {
        ApplicationsTable t = report.applications();
        return t == null || t.rows() == null ? Map.of() : t.rows();
    }

    /** A row's (or group's) total as the report gives it, or the sum of the cells before it when blank. */
    static long total(List<Long> row, int totalIndex) {
        Long total = at(row, totalIndex);
        return total != null ? total : sum(row, 0, totalIndex);
    }

    /** "三.newReceived.total" */
    static String location(String section, String row, String column) {
        return section + "." + row + "." + column;
    }
}
