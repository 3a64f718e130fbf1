package io.nianbao.core.parse;

import io.nianbao.core.model.Finding;
import io.nianbao.core.rules.ParseUncertain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A template row whose label stands in the table's lines but that the table did not yield (a
 * label and nothing read after it: a PDF's blank cells, a capture that lost the values) is
 * not silently absent: it is PARSE-UNCERTAIN, named, to operators.
 */
final class UnreadRows {

    private UnreadRows() {
    }

    /**
     * @param table    the table's numeral: 二 or 三
     * @param read     keys of the rows the table yielded
     * @param findings what the table's rows yielded; a row already named there is not named again
     */
    static List<Finding> of(String table, List<String> lines, int from, int to, Collection<String> read,
                            List<Finding> findings) {
        boolean proactive = table.equals("二");
        UnaryOperator<String> keyOf = proactive ? RowKeys::proactive : RowKeys::application;
        List<String> notYielded = (proactive ? RowKeys.PROACTIVE_KEYS : RowKeys.APPLICATION_KEYS).stream()
                .filter(k -> !yielded(k, read)).toList();
        Map<String, String> unread = new LinkedHashMap<>();
        for (int i = from; i < to && !notYielded.isEmpty(); i++) {
            String line = lines.get(i);
            String compactLine = TextNormalizer.compact(line);
            // Most lines name no row that was not read: only those that may are cut into cells. A
            // header line's 总计 names a column, not the row.
            if (notYielded.stream().noneMatch(k -> RowKeys.mayName(compactLine, k)) || RowKeys.namesColumns(compactLine)) {
                continue;
            }
            for (String cell : line.split("\t")) {
                String compact = TextNormalizer.compact(cell);
                String key = compact.length() < 2 || compact.length() > RowKeys.LONGEST_LABEL ? null : keyOf.apply(compact);
                if (key != null && !yielded(key, read) && findings.stream().noneMatch(f -> f.location().equals(table + "." + key))) {
                    unread.putIfAbsent(key, cell.strip());
                }
            }
        }
        List<Finding> out = new ArrayList<>();
        unread.forEach((key, label) -> out.add(ParseUncertain.unread(table + "." + key, RowKeys.name(key), label)));
        return out;
    }

    /** The single （六） row of GB2019 and its three sub-rows of GB2021 stand for each other. */
    private static boolean yielded(String key, Collection<String> read) {
        if (read.contains(key)) {
            return true;
        }
        return key.equals("otherHandling") ? read.stream().anyMatch(k -> k.startsWith("otherHandling."))
                : key.startsWith("otherHandling.") && read.contains("otherHandling");
    }
}
