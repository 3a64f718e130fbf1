package io.nianbao.ocr.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * A ruled table's cells: the slots between consecutive rules, joined where the rule between two
 * slots is not drawn (a merged header or group cell spans rows or columns). Cells are given as
 * HTML gives them, and as {@code HtmlExtractor} lays them out: each once, in the row it starts in.
 */
final class TableGrid {

    /** Less of a rule than this drawn between two slots, and they are one cell. */
    private static final double DRAWN = 0.5;

    /**
     * A cell: its first row and column, its spans, and its corners on the image (top left, top
     * right, bottom left, bottom right; {x, y}) on the rules' centre lines.
     */
    record Cell(int row, int column, int rowspan, int colspan, double[][] corners) {
    }

    private final List<Rule> horizontal;
    private final List<Rule> vertical;

    TableGrid(List<Rule> horizontal, List<Rule> vertical) {
        if (horizontal.size() < 2 || vertical.size() < 2) {
            throw new IllegalArgumentException("a table needs two rules each way");
        }
        this.horizontal = List.copyOf(horizontal);
        this.vertical = List.copyOf(vertical);
    }

    int rows() {
        return horizontal.size() - 1;
    }

    int columns() {
        return vertical.size() - 1;
    }

    /** Where horizontal rule {@code row} meets vertical rule {@code column}: {x, y}. */
    double[] corner(int row, int column) {
        return Rule.crossing(horizontal.get(row), vertical.get(column));
    }

    /** The cells row by row, each row's left to right; a row no cell starts in has none. */
    List<List<Cell>> rowsOfCells() {
        int rows = rows();
        int columns = columns();
        int[] parent = new int[rows * columns];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                if (c + 1 < columns && !drawnBetweenColumns(r, c + 1)) {
                    join(parent, r * columns + c, r * columns + c + 1);
                }
                if (r + 1 < rows && !drawnBetweenRows(r + 1, c)) {
                    join(parent, r * columns + c, (r + 1) * columns + c);
                }
            }
        }
        int[][] extent = new int[rows * columns][];
        for (int slot = 0; slot < parent.length; slot++) {
            int root = find(parent, slot);
            int r = slot / columns;
            int c = slot % columns;
            int[] e = extent[root];
            extent[root] = e == null ? new int[] {r, c, r, c}
                    : new int[] {Math.min(e[0], r), Math.min(e[1], c), Math.max(e[2], r), Math.max(e[3], c)};
        }
        List<List<Cell>> out = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            out.add(new ArrayList<>());
        }
        for (int slot = 0; slot < parent.length; slot++) {
            int[] e = extent[slot];
            if (e != null && find(parent, slot) == slot) {
                out.get(e[0]).add(new Cell(e[0], e[1], e[2] - e[0] + 1, e[3] - e[1] + 1, new double[][] {
                        corner(e[0], e[1]), corner(e[0], e[3] + 1), corner(e[2] + 1, e[1]), corner(e[2] + 1, e[3] + 1)}));
            }
        }
        out.forEach(row -> row.sort((a, b) -> Integer.compare(a.column(), b.column())));
        return out.stream().filter(row -> !row.isEmpty()).toList();
    }

    /** Whether horizontal rule {@code row} is drawn across every column: no cell spans it. */
    boolean drawnAcross(int row) {
        for (int c = 0; c < columns(); c++) {
            if (!drawnBetweenRows(row, c)) {
                return false;
            }
        }
        return true;
    }

    /** Whether vertical rule {@code column} is drawn along row {@code row}. */
    private boolean drawnBetweenColumns(int row, int column) {
        return vertical.get(column).coverage(corner(row, column)[1], corner(row + 1, column)[1]) >= DRAWN;
    }

    /** Whether horizontal rule {@code row} is drawn along column {@code column}. */
    private boolean drawnBetweenRows(int row, int column) {
        return horizontal.get(row).coverage(corner(row, column)[0], corner(row, column + 1)[0]) >= DRAWN;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void join(int[] parent, int a, int b) {
        parent[find(parent, a)] = find(parent, b);
    }
}
