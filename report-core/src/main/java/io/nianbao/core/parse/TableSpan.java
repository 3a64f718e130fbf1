package io.nianbao.core.parse;

import java.util.List;
import java.util.regex.Pattern;

/** Where a table starts and ends inside its section, so the section's prose can be told apart. */
final class TableSpan {

    private int first = -1;
    private int last = -1;

    /** Starts the span at the first line matching {@code header} in [from, to), if any. */
    TableSpan(List<String> lines, int from, int to, Pattern header) {
        for (int i = from; i < to; i++) {
            if (header.matcher(TextNormalizer.compact(lines.get(i))).find()) {
                first = i;
                break;
            }
        }
    }

    void include(Row row) {
        int start = row.cells().getFirst().line();
        first = first < 0 ? start : Math.min(first, start);
        last = Math.max(last, row.lastLine());
    }

    int first() { return last < 0 ? -1 : first; }

    int last() { return last; }
}
