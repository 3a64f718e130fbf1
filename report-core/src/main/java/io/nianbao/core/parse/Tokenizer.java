package io.nianbao.core.parse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts normalised lines into cells. A line is split on tabs, else on "|", else on runs of two or
 * more spaces (PDF layout mode), else, where it is a template row's label and figures apart by
 * single spaces ("行政许可 97", as converters write a row), on those spaces; any other plain line is
 * one cell (copied HTML: one cell per line).
 * Empty cells survive only from tab or pipe lines, and are marked as padding unless they stand
 * between two values on their line: a spanning label or a trailing separator leaves empties that
 * are layout, not blank cells.
 */
public final class Tokenizer {

    private static final Pattern TAB = Pattern.compile("\t");
    private static final Pattern PIPE = Pattern.compile("\\|");
    private static final Pattern SPACE_RUN = Pattern.compile(" {2,}");
    /** A label, then figures each after one space; the label a name, not a sentence or a header (no punctuation, no space). */
    /** A row's numbering before its name: "一、", "（二）", "3.". */
    private static final Pattern NUMBERING = Pattern.compile("^(?:[一二三四五六七八九十]+[、.]|[（(][一二三四五六七八九十\\d]+[）)]|\\d+[.、])+");
    /** How much longer than its template name a row's label may be ("行政规范性文件" for "规范性文件"). */
    private static final int ROW_NAME_SLACK = 2;
    private static final Pattern LABEL_AND_FIGURES = Pattern.compile("([^,，。;；:：\\s]{2,40})((?: -?\\d+(?:\\.\\d+)?)+)");

    private Tokenizer() {
    }

    /** The cells of lines [from, to). */
    public static List<Cell> cells(List<String> lines, int from, int to) {
        List<Cell> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            cellsOfLine(lines.get(i), i, out);
        }
        return out;
    }

    private static void cellsOfLine(String line, int index, List<Cell> out) {
        if (line.isBlank()) {
            return;
        }
        String s = stripSpaces(line);
        String[] parts = split(s);
        List<Cell> cells = new ArrayList<>(parts.length);
        for (String p : parts) {
            cells.add(CellReader.read(p, index));
        }
        for (int i = 0; i < cells.size(); i++) {
            Cell c = cells.get(i);
            if (c.kind() == Cell.Kind.BLANK && c.raw().isEmpty() && !betweenValues(cells, i)) {
                cells.set(i, c.asPadding());
            }
        }
        out.addAll(cells);
    }

    /** Spaces around the line go, tabs stay: a tab that ends a line ends a cell (an empty last cell). */
    private static String stripSpaces(String line) {
        int from = 0;
        int to = line.length();
        while (from < to && line.charAt(from) != '\t' && Character.isWhitespace(line.charAt(from))) {
            from++;
        }
        while (to > from && line.charAt(to - 1) != '\t' && Character.isWhitespace(line.charAt(to - 1))) {
            to--;
        }
        return line.substring(from, to);
    }

    /** Whether a line is a delimited row (tab or pipe separated cells). */
    static boolean delimited(String line) {
        return line.indexOf('\t') >= 0 || line.indexOf('|') >= 0;
    }

    private static String[] split(String s) {
        if (s.indexOf('\t') >= 0) {
            return TAB.split(s, -1);
        }
        if (s.indexOf('|') >= 0) {
            // The line's opening and closing pipes frame its cells; nothing outside them is a cell.
            String[] parts = PIPE.split(s, -1);
            return Arrays.copyOfRange(parts, s.startsWith("|") ? 1 : 0, s.endsWith("|") && parts.length > 1 ? parts.length - 1 : parts.length);
        }
        // Most lines (copied HTML: one cell per line) have no run of spaces; the regex would scan them anyway.
        if (s.contains("  ")) {
            return SPACE_RUN.split(s);
        }
        return s.indexOf(' ') > 0 && Character.isDigit(s.charAt(s.length() - 1)) ? labelAndFigures(s) : new String[] {s};
    }

    private static String[] labelAndFigures(String s) {
        Matcher m = LABEL_AND_FIGURES.matcher(s);
        if (!m.matches() || !isRowName(m.group(1))) {
            return new String[] {s};
        }
        List<String> cells = new ArrayList<>();
        cells.add(m.group(1));
        cells.addAll(Arrays.asList(m.group(2).strip().split(" ")));
        return cells.toArray(String[]::new);
    }

    /**
     * Whether a text is a template row's name, its numbering aside, and little more: a line of
     * prose wrapped before its unit ("区政府共办理行政许可 97") names a row too, but is no row.
     */
    private static boolean isRowName(String text) {
        String key = RowKeys.anyTable(text);
        return key != null && NUMBERING.matcher(text).replaceFirst("").length() <= RowKeys.name(key).length() + ROW_NAME_SLACK;
    }

    /** Whether the nearest non-empty cells on both sides of {@code i} are values. */
    private static boolean betweenValues(List<Cell> cells, int i) {
        return valueAt(cells, i, -1) && valueAt(cells, i, 1);
    }

    private static boolean valueAt(List<Cell> cells, int i, int step) {
        for (int j = i + step; j >= 0 && j < cells.size(); j += step) {
            Cell c = cells.get(j);
            if (!(c.kind() == Cell.Kind.BLANK && c.raw().isEmpty())) {
                return c.isValue();
            }
        }
        return false;
    }
}
