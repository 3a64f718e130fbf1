package io.nianbao.core.parse;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Fits a run of cells to the template's cell count. When the count is off (a blank cell lost in
 * extraction, a stray cell), every way of inserting or dropping the difference is tried, and the
 * table's own identities (total = sum of parts) pick among them. One surviving reading is used;
 * when several survive, only the cells before the first place where they disagree are kept —
 * everything after it could have shifted, and guessing would put numbers in the wrong column.
 */
public final class Aligner {

    /** More missing or extra cells than this is not a lost cell but a different table. */
    private static final int MAX_DIFFERENCE = 3;

    /**
     * A sum identity over cell indexes: cells[total] = Σ cells[parts].
     */
    public record Identity(int[] parts, int total) {
    }

    /**
     * The outcome.
     *
     * @param cells        the aligned cells (size n), null entries where nothing can be said
     * @param exact        the count was right; no alignment was needed
     * @param inferred     the count was off and the identities singled out one reading
     * @param certainUpTo  cells [0, certainUpTo) are certain; later ones are null when ambiguous
     */
    public record Result(List<Cell> cells, boolean exact, boolean inferred, int certainUpTo) {
    }

    private Aligner() {
    }

    /**
     * Fits a row: its cells without layout padding when they are exactly n, all blank when it has
     * only empty cells, else with the padding when that makes n (or, values first, enough of its
     * trailing padding), else with space-split digit groups ("1 0") read apart when that makes n,
     * else by {@link #align}.
     */
    public static Result fit(Row row, int n, List<Identity> identities) {
        List<Cell> core = row.core();
        if (core.size() == n) {
            return new Result(core, true, false, n);
        }
        if (core.isEmpty()) {
            // Nothing but empty cells: the row is blank however many slots its spans left.
            return new Result(Collections.nCopies(n, row.cells().getFirst()), true, false, n);
        }
        if (row.cells().size() == n) {
            return new Result(row.cells(), true, false, n);
        }
        int trailing = trailingPadding(row.cells());
        if (core.size() < n && row.cells().size() - trailing == core.size() && core.size() + trailing > n) {
            // Values, then more empty cells than the row lacks (a blank cell spanning columns):
            // the row's last cells are blank.
            return new Result(row.cells().subList(0, n), true, false, n);
        }
        List<Cell> split = splitDigitGroups(core);
        if (split.size() == n) {
            return new Result(split, true, false, n);
        }
        return align(core, n, identities);
    }

    private static int trailingPadding(List<Cell> cells) {
        int n = 0;
        while (n < cells.size() && cells.get(cells.size() - 1 - n).padding()) {
            n++;
        }
        return n;
    }

    private static List<Cell> splitDigitGroups(List<Cell> cells) {
        List<Cell> out = new ArrayList<>();
        for (Cell c : cells) {
            if (c.parts().isEmpty()) {
                out.add(c);
            } else {
                for (BigDecimal p : c.parts()) {
                    out.add(new Cell(Cell.Kind.NUMBER, p.toPlainString(), p, null, List.of(), c.line(), false));
                }
            }
        }
        return out;
    }

    public static Result align(List<Cell> run, int n, List<Identity> identities) {
        if (run.size() == n) {
            return new Result(run, true, false, n);
        }
        int diff = Math.abs(run.size() - n);
        if (diff > MAX_DIFFERENCE || n == 0) {
            return new Result(nulls(n), false, false, 0);
        }
        List<List<Cell>> fits = new ArrayList<>();
        if (run.size() < n) {
            insertions(run, n, 0, new ArrayList<>(), identities, fits);
        } else {
            removals(run, run.size() - n, 0, new ArrayList<>(), identities, fits);
        }
        List<List<Cell>> distinct = distinctReadings(fits);
        if (distinct.size() == 1) {
            return new Result(distinct.getFirst(), false, true, n);
        }
        int agree = distinct.isEmpty() ? 0 : firstDisagreement(distinct, n);
        List<Cell> cells = new ArrayList<>(nulls(n));
        for (int i = 0; i < agree; i++) {
            cells.set(i, distinct.getFirst().get(i));
        }
        return new Result(cells, false, false, agree);
    }

    private static void insertions(List<Cell> run, int n, int taken, List<Cell> built,
                                   List<Identity> identities, List<List<Cell>> fits) {
        if (built.size() == n) {
            if (holds(built, identities)) {
                fits.add(List.copyOf(built));
            }
            return;
        }
        int remainingRun = run.size() - taken;
        // Either place the next run cell, or a missing one (if slots remain for the rest of the run).
        if (taken < run.size()) {
            built.add(run.get(taken));
            insertions(run, n, taken + 1, built, identities, fits);
            built.removeLast();
        }
        if (n - built.size() > remainingRun) {
            built.add(Cell.missing());
            insertions(run, n, taken, built, identities, fits);
            built.removeLast();
        }
    }

    private static void removals(List<Cell> run, int toDrop, int index, List<Cell> built,
                                 List<Identity> identities, List<List<Cell>> fits) {
        if (index == run.size()) {
            if (toDrop == 0 && holds(built, identities)) {
                fits.add(List.copyOf(built));
            }
            return;
        }
        if (run.size() - index > toDrop) {
            built.add(run.get(index));
            removals(run, toDrop, index + 1, built, identities, fits);
            built.removeLast();
        }
        if (toDrop > 0) {
            removals(run, toDrop - 1, index + 1, built, identities, fits);
        }
    }

    /** Whether every identity can hold; an uncertain cell may be any value. */
    static boolean holds(List<Cell> cells, List<Identity> identities) {
        for (Identity id : identities) {
            Cell total = cells.get(id.total());
            if (total.kind() == Cell.Kind.UNCERTAIN) {
                continue;
            }
            BigDecimal sum = BigDecimal.ZERO;
            boolean wildcard = false;
            for (int p : id.parts()) {
                Cell c = cells.get(p);
                if (c.kind() == Cell.Kind.UNCERTAIN) {
                    wildcard = true;
                } else {
                    sum = sum.add(asNumber(c));
                }
            }
            int cmp = sum.compareTo(asNumber(total));
            if (wildcard ? cmp > 0 : cmp != 0) {
                return false;
            }
        }
        return true;
    }

    /** A blank counts as 0, as in the rules. Text never satisfies arithmetic. */
    private static BigDecimal asNumber(Cell c) {
        if (c.kind() == Cell.Kind.TEXT) {
            return BigDecimal.valueOf(-1);
        }
        return c.value() == null ? BigDecimal.ZERO : c.value();
    }

    /** Readings that differ in what they say (value or blank) per position. */
    private static List<List<Cell>> distinctReadings(List<List<Cell>> fits) {
        List<List<Cell>> out = new ArrayList<>();
        for (List<Cell> f : fits) {
            if (out.stream().noneMatch(o -> sameReading(o, f))) {
                out.add(f);
            }
        }
        return out;
    }

    private static boolean sameReading(List<Cell> a, List<Cell> b) {
        for (int i = 0; i < a.size(); i++) {
            if (!Objects.equals(key(a.get(i)), key(b.get(i)))) {
                return false;
            }
        }
        return true;
    }

    private static String key(Cell c) {
        return switch (c.kind()) {
            case NUMBER -> c.value().stripTrailingZeros().toPlainString();
            case BLANK -> "BLANK";
            default -> c.kind() + c.raw();
        };
    }

    private static int firstDisagreement(List<List<Cell>> readings, int n) {
        for (int i = 0; i < n; i++) {
            String k = key(readings.getFirst().get(i));
            for (List<Cell> r : readings) {
                if (!k.equals(key(r.get(i)))) {
                    return i;
                }
            }
        }
        return n;
    }

    private static List<Cell> nulls(int n) {
        return Arrays.asList(new Cell[n]);
    }
}
