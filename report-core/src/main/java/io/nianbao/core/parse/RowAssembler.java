package io.nianbao.core.parse;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
        // Empty cells after a label and before its first value: layout around the label, or blank
        // cells that open the row. The aligner tells which, knowing how many cells the row has.
        List<Cell> leading = new ArrayList<>();
        // The text on the current line, and on the line of the first leading empty cell: a row of
        // blanks is named by its own line, not by the headers gathered into the label above it.
        StringBuilder lineText = new StringBuilder();
        String blanksLabel = "";
        for (int i = 0; i < cells.size(); i++) {
            Cell c = cells.get(i);
            boolean startsLine = i == 0 || cells.get(i - 1).line() != c.line();
            if (startsLine) {
                lineText.setLength(0);
            }
            if (startsLine && delimited.test(c.line()) && !c.isText()) {
                // Values opening a delimited line: the previous row ended with its line, and text
                // on earlier lines is no label of these.
                close(rows, label.toString(), labelLine, values, leading, blanksLabel);
                label.setLength(0);
                labelLine = -1;
            }
            if (c.isText() && !textInValueRun(cells, i, values)) {
                if (close(rows, label.toString(), labelLine, values, leading, blanksLabel)) {
                    label.setLength(0);
                    labelLine = -1;
                }
                if (labelLine < 0) {
                    labelLine = c.line();
                }
                label.append(TextNormalizer.compact(c.raw()));
                lineText.append(TextNormalizer.compact(c.raw()));
            } else if (c.padding() && values.isEmpty()) {
                if (leading.isEmpty()) {
                    blanksLabel = lineText.toString();
                }
                leading.add(c);
            } else {
                if (values.isEmpty() && labelLine < 0) {
                    labelLine = c.line();
                }
                values.addAll(leading);
                leading.clear();
                values.add(c);
            }
        }
        close(rows, label.toString(), labelLine, values, leading, blanksLabel);
        return withoutLayoutBlanks(rows);
    }

    /**
     * Ends the open row: its values, or when it has none and a label the empty cells after it (a
     * row left blank, named by the text on its line, or a header's layout: {@link
     * #withoutLayoutBlanks} tells). Returns whether a row was added; the caller then starts a new
     * label.
     */
    private static boolean close(List<Row> rows, String label, int labelLine, List<Cell> values, List<Cell> leading,
                                 String blanksLabel) {
        boolean blanks = values.isEmpty() && !label.isEmpty() && !leading.isEmpty();
        List<Cell> cells = blanks ? leading : values;
        boolean added = !cells.isEmpty();
        if (added) {
            rows.add(new Row(blanks ? blanksLabel : label, List.copyOf(cells), labelLine, cells.getLast().line()));
        }
        values.clear();
        leading.clear();
        return added;
    }

    /**
     * Rows of nothing but empty cells stand for a template row left blank only where their label
     * names one, is no header ("自然人 | 法人或其他组织 | 总计 | | |" names 总计 without being its
     * row), and no later row holds that row's values; otherwise they are layout.
     */
    private static List<Row> withoutLayoutBlanks(List<Row> rows) {
        if (rows.stream().noneMatch(RowAssembler::blanks)) {
            return rows;
        }
        // From the last row back: the template rows a later row holds values of.
        Set<String> filledLater = new HashSet<>();
        List<Row> kept = new ArrayList<>(rows.size());
        for (Row row : rows.reversed()) {
            String key = RowKeys.anyTable(row.label());
            if (!blanks(row)) {
                kept.add(row);
                if (key != null) {
                    filledLater.add(key);
                }
            } else if (key != null && !filledLater.contains(key) && !RowKeys.namesColumns(row.label())) {
                kept.add(row);
            }
        }
        return kept.reversed();
    }

    private static boolean blanks(Row row) {
        return row.cells().stream().allMatch(Cell::padding);
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
        if (values.getLast().line() != c.line() || next.line() != c.line() || !next.isValue() || c.raw().length() > 8) {
            return false;
        }
        // A template row's label is the next row, even on the same line (a one-line capture).
        return RowKeys.anyTable(TextNormalizer.compact(c.raw())) == null;
    }
}
