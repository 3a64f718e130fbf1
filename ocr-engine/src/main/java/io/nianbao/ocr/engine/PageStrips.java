package io.nianbao.ocr.engine;

import io.nianbao.core.extract.ReadingLimits;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Where a page much taller than A4 for its width (a long image: a report's pages one under
 * another) is cut into strips of about an A4 page's height, for {@link PageReader} to read one
 * at a time at the image's own resolution. A cut never runs through a line of text or a table
 * cell: in order of preference it lies in the widest band of rows without ink in the lower half
 * of an A4-high window (between lines of prose, or pages); along the lowest of a table's inner
 * horizontal rules below its first quarter that is drawn across every column (no cell spans it),
 * a rule kept in both strips so that each holds a closed table and the second goes on with the
 * rows under it; in the widest band without ink below its first quarter. When a table's spanning
 * cells leave none of these, the strip grows past A4 to the first such cut below, as far as
 * {@link PageReader#MAX_PIXELS} (a table's cells are read from the page, not shrunk for the
 * detector); past that (a picture, a page turned far), it is cut at the row of least ink.
 */
final class PageStrips {

    /** An A4 page's height for its width. */
    static final double A4 = ReadingLimits.A4_HEIGHT_PER_WIDTH;
    /** A page up to this much taller than A4 for its width is read whole. */
    static final double READ_WHOLE = 1.25;

    /**
     * Rows {@code [top, bottom)} of the page; consecutive strips share the rows of a table rule
     * cut along, and touch otherwise.
     */
    record Strip(int top, int bottom) {
        int height() {
            return bottom - top;
        }
    }

    /** A cut: the strip above ends at {@code end}, the next starts at {@code next} (≤ end). */
    private record Cut(int end, int next) {
    }

    private PageStrips() {
    }

    /** The strip height a page's width gives: an A4 page's. */
    static int stripHeight(int width) {
        return Math.max(1, (int) (width * A4));
    }

    /** Whether a page of this size is read in strips: much taller than A4 for its width. */
    static boolean tall(int width, int height) {
        return height > stripHeight(width) * READ_WHOLE;
    }

    /**
     * The page's strips top to bottom: the whole page when it is not much taller than A4. Each
     * strip but the last is at least a quarter of an A4 page high.
     */
    static List<Strip> of(BufferedImage grey) {
        int width = grey.getWidth();
        int height = grey.getHeight();
        int most = stripHeight(width);
        if (!tall(width, height)) {
            return List.of(new Strip(0, height));
        }
        int longest = (int) Math.max(most, PageReader.MAX_PIXELS / width);
        List<Strip> strips = new ArrayList<>();
        int top = 0;
        while (height - top > most) {
            Cut cut = cut(grey, top, most, Math.min(longest, height - top));
            strips.add(new Strip(top, top + cut.end()));
            top += cut.next();
        }
        strips.add(new Strip(top, height));
        return strips;
    }

    /** Where to cut the page's rows below {@code top}, in the order of the class comment. */
    private static Cut cut(BufferedImage page, int top, int most, int longest) {
        Window window = new Window(page.getSubimage(0, top, page.getWidth(), most));
        Cut cut = window.widestBlank(most / 2, most);
        if (cut == null) {
            cut = window.lowestRule(most / 4, most);
        }
        if (cut == null) {
            cut = window.widestBlank(most / 4, most / 2);
        }
        if (cut == null && longest > most) {
            Window longer = new Window(page.getSubimage(0, top, page.getWidth(), longest));
            Cut blank = longer.firstBlank(most);
            Cut rule = longer.firstRule(most);
            cut = blank == null || (rule != null && rule.end() < blank.end()) ? rule : blank;
        }
        return cut != null ? cut : window.leastInk(Math.max(1, most / 2));
    }

    /** The top rows of the page a cut is looked for in: its ink, row by row, and its tables' rules. */
    private static final class Window {
        private final InkMap ink;
        private final int[] inkPerRow;
        private List<Cut> rules;

        Window(BufferedImage rows) {
            ink = InkMap.of(rows);
            inkPerRow = new int[ink.height()];
            for (int y = 0; y < ink.height(); y++) {
                for (int x = 0; x < ink.width(); x++) {
                    inkPerRow[y] += ink.ink(x, y) ? 1 : 0;
                }
            }
        }

        /** A few specks across a row (scanner dust) leave it blank: one in 400 of its pixels. */
        private int specks() {
            return ink.width() / 400;
        }

        /** The bands of blank rows, each clipped to [from, to), top to bottom, as {start, end}. */
        private List<int[]> blankBands(int from, int to) {
            List<int[]> bands = new ArrayList<>();
            int start = -1;
            for (int y = from; y <= to; y++) {
                boolean blank = y < to && inkPerRow[y] <= specks();
                if (blank && start < 0) {
                    start = y;
                } else if (!blank && start >= 0) {
                    bands.add(new int[] {start, y});
                    start = -1;
                }
            }
            return bands;
        }

        private static Cut middle(int[] band) {
            int y = (band[0] + band[1]) / 2;
            return new Cut(y, y);
        }

        /** The middle of the widest band of blank rows in [from, to), the lower one of equals. */
        Cut widestBlank(int from, int to) {
            int[] widest = null;
            for (int[] band : blankBands(from, to)) {
                if (widest == null || band[1] - band[0] >= widest[1] - widest[0]) {
                    widest = band;
                }
            }
            return widest == null ? null : middle(widest);
        }

        /** The middle of the first band of blank rows at or below {@code from}. */
        Cut firstBlank(int from) {
            List<int[]> bands = blankBands(from, inkPerRow.length);
            return bands.isEmpty() ? null : middle(bands.getFirst());
        }

        /** The lowest cut along a table rule that lies wholly in [from, to). */
        Cut lowestRule(int from, int to) {
            return rules().stream().filter(c -> c.next() >= from && c.end() <= to).reduce((a, b) -> b).orElse(null);
        }

        /** The first cut along a table rule at or below {@code from}. */
        Cut firstRule(int from) {
            return rules().stream().filter(c -> c.next() >= from).findFirst().orElse(null);
        }

        /**
         * The cuts along the tables' inner horizontal rules that are drawn across all their
         * columns, with no ink beside the table along them, top to bottom: the strip above ends
         * under the rule and the next begins over it, however it is tilted.
         */
        private List<Cut> rules() {
            if (rules != null) {
                return rules;
            }
            rules = new ArrayList<>();
            for (RuleFinder.Ruling table : RuleFinder.find(ink).tables()) {
                TableGrid grid = new TableGrid(table.horizontal(), table.vertical());
                double half = Math.ceil(table.thickness() / 2) + 1;
                for (int row = 1; row < grid.rows(); row++) {
                    double left = grid.corner(row, 0)[1];
                    double right = grid.corner(row, grid.columns())[1];
                    int next = (int) Math.floor(Math.min(left, right) - half);
                    int end = (int) Math.ceil(Math.max(left, right) + half) + 1;
                    if (next > 0 && end <= ink.height() && grid.drawnAcross(row) && noInkBeside(table.bounds(), next, end)) {
                        rules.add(new Cut(end, next));
                    }
                }
            }
            rules.sort(Comparator.comparingInt(Cut::next));
            return rules;
        }

        private boolean noInkBeside(Rectangle table, int from, int to) {
            int beside = 0;
            for (int y = from; y < to; y++) {
                for (int x = 0; x < ink.width(); x++) {
                    beside += ink.ink(x, y) && (x < table.x || x >= table.x + table.width) ? 1 : 0;
                }
            }
            return beside <= specks() * (to - from);
        }

        /** The row of least ink at or below {@code from}, the lowest one of equals. */
        Cut leastInk(int from) {
            int best = inkPerRow.length - 1;
            for (int y = inkPerRow.length - 1; y >= from; y--) {
                if (inkPerRow[y] < inkPerRow[best]) {
                    best = y;
                }
            }
            return new Cut(best, best);
        }
    }
}
