package io.nianbao.core.parse;

import java.util.List;
import java.util.Map;

/**
 * The identities of section 三's columns, by which the parser places figures whose row the
 * document did not say: the results add up to 总计, and new + carried over = 总计 + carried
 * forward. A blank cell counts as 0, as the template reads it.
 */
final class ApplicationIdentities {

    private ApplicationIdentities() {
    }

    /**
     * Whether the results add up to 总计 in every column; false when 总计 or one of the
     * template's results is not in {@code rows}.
     *
     * @param template the keys of the table's template rows, in the layout it shows
     */
    static boolean resultsAddUp(Map<String, List<Long>> rows, List<String> template) {
        List<Long> total = rows.get("totalHandled");
        List<String> results = template.stream().filter(RowKeys::isResult).toList();
        if (total == null || results.stream().anyMatch(k -> rows.get(k) == null)) {
            return false;
        }
        for (int column = 0; column < ApplicationsParser.WIDTH; column++) {
            long sum = 0;
            for (String result : results) {
                sum += at(rows.get(result), column);
            }
            if (sum != at(total, column)) {
                return false;
            }
        }
        return true;
    }

    /** Whether new + carried over = 总计 + carried forward in every column; false when one of those rows is missing. */
    static boolean balances(Map<String, List<Long>> rows) {
        List<String> keys = List.of("newReceived", "carriedOver", "totalHandled", "carriedForward");
        if (keys.stream().anyMatch(k -> rows.get(k) == null)) {
            return false;
        }
        for (int column = 0; column < ApplicationsParser.WIDTH; column++) {
            if (at(rows.get("newReceived"), column) + at(rows.get("carriedOver"), column)
                    != at(rows.get("totalHandled"), column) + at(rows.get("carriedForward"), column)) {
                return false;
            }
        }
        return true;
    }

    private static long at(List<Long> row, int column) {
        Long v = row.get(column);
        return v == null ? 0 : v;
    }
}
