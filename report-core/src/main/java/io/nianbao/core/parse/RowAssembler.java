package io.nianbao.core.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Groups cells into rows: text accumulates into a label (so labels wrapped over several lines or
 * split into rowspan fragments are joined), the values after it form the row, and the next text
 * closes the row. Works the same for one-cell-per-line captures, tab or pipe rows and PDF lines.
 *
 * <p>A delimited line (tab or pipe: a table row as HTML, DOCX, PDF or a converter wrote it) is a
 * row of its own: values on it continue no row of an earlier line, and a delimited line of values
 * without text has no label ({@link Row#label()} empty), even if text stood on the lines before it
 * (a converter's markdown puts labels it could not place in the table on lines of their own).
 * Attaching such values to the nearest label had put them in the wrong row.
 */
public final class RowAssembler {

    private RowAssembler() {
    }

    /** The rows of lines [from, to). */
    public static List<Row> rows(List<String> lines, int from, int to) {
        return rows(Tokenizer.cells(lines, from, to), line -> Tokenizer.delimited(lines.get(line)));
    }

    static List<Row> rows(List<Cell> cells, IntPredicate delimited) {
        List<Row> rows = new ArrayList<>();
        StringBuilder label = new StringBuilder();
        int labelLine = -1;
        List<Cell> values = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            Cell c = cells.get(i);
            boolean startsDelimitedLine = (i == 0 || cells.get(i - 1).line() != c.line()) && delimited.test(c.line());
            if (startsDelimitedLine && !c.isText()) {
                // Values opening a delimited line: the previous row ended with its line, and text
                // on earlier lines is no label of these.
                if (!values.isEmpty()) {
                    rows.add(new Row(label.toString(), List.copyOf(values), labelLine, values.getLast().line()));
                    values.clear();
                }
                label.setLength(0);
                labelLine = -1;
            }
            if (c.isText() && !textInValueRun(cells, i, values)) {
                if (!values.isEmpty()) {
                    rows.add(new Row(label.toString(), List.copyOf(values), labelLine, values.getLast().line()));
                    values.clear();
                    label.setLength(0);
                    labelLine = -1;
                }
                if (labelLine < 0) {
                    labelLine = c.line();
                }
                label.append(TextNormalizer.compact(c.raw()));
            } else if (!(c.padding() && values.isEmpty())) {
                // Padding before any value is layout around a label, not the start of a row.
                if (values.isEmpty() && labelLine < 0) {
                    labelLine = c.line();
                }
                values.add(c);
            }
        }
        if (!values.isEmpty()) {
            rows.add(new Row(label.toString(), List.copyOf(values), labelLine, values.getLast().line()));
        }
        return rows;
    }

    /**
     * Text standing between values on one line ("7 | 若干 | 0") is a value cell holding text, not
     * the next label.
     */
    private static boolean textInValueRun(List<Cell> cells, int i, List<Cell> values) {
        if (values.isEmpty() || i + 1 >= cells.size()) {
            return false;
        }
        Cell c = cells.get(i);
        Cell next = cells.get(i + 1);
        return values.getLast().line() == c.line() && next.line() == c.line() && next.isValue()
                && c.raw().length() <= 8;
    }
}
