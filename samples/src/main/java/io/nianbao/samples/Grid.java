package io.nianbao.samples;

import io.nianbao.samples.ReportDocument.Cell;
import io.nianbao.samples.ReportDocument.Table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A table's cells placed on its grid, as formats without row and column spans need them: a
 * Word table merges grid slots, a PDF draws each cell over the slots it covers.
 *
 * @param columns the grid's width
 * @param starts  per row, the cells that start in it, at their first column
 */
record Grid(int columns, List<List<Placed>> starts) {

    /** A cell at its first row and column. */
    record Placed(Cell cell, int row, int column) {
    }

    static Grid of(Table table) {
        List<boolean[]> taken = new ArrayList<>();
        List<List<Placed>> rows = new ArrayList<>();
        int columns = 0;
        for (int r = 0; r < table.rows().size(); r++) {
            List<Placed> placed = new ArrayList<>();
            int c = 0;
            for (Cell cell : table.rows().get(r)) {
                while (occupied(taken, r, c)) {
                    c++;
                }
                placed.add(new Placed(cell, r, c));
                for (int dr = 0; dr < cell.rowspan(); dr++) {
                    for (int dc = 0; dc < cell.colspan(); dc++) {
                        take(taken, r + dr, c + dc);
                    }
                }
                c += cell.colspan();
                columns = Math.max(columns, c);
            }
            rows.add(placed);
        }
        return new Grid(columns, rows);
    }

    /** The cell covering a slot (started there or spanning into it), or null. */
    Placed at(int row, int column) {
        for (int r = 0; r <= row; r++) {
            for (Placed p : starts.get(r)) {
                if (p.row() + p.cell().rowspan() > row && p.column() <= column && column < p.column() + p.cell().colspan()) {
                    return p;
                }
            }
        }
        return null;
    }

    private static boolean occupied(List<boolean[]> taken, int r, int c) {
        return r < taken.size() && c < taken.get(r).length && taken.get(r)[c];
    }

    private static void take(List<boolean[]> taken, int r, int c) {
        while (taken.size() <= r) {
            taken.add(new boolean[0]);
        }
        if (taken.get(r).length <= c) {
            taken.set(r, Arrays.copyOf(taken.get(r), c + 8));
        }
        taken.get(r)[c] = true;
    }
}
