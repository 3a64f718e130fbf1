package io.nianbao.ocr.engine;

import io.nianbao.core.extract.ReadingLimits;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a page much taller than A4 for its width (a long image: a report's pages one under
 * another) is cut into strips of at most an A4 page's height, for {@link PageReader} to read one
 * at a time at the image's own resolution. Each cut lies in a band of rows without ink (between
 * lines of prose, or pages), the widest in the strip's lower half; where a ruled table fills that
 * half, at the lowest of its horizontal rules that no cell spans, and that rule is kept in both
 * strips, so that each holds a closed table and the second goes on with the rows under it. A
 * strip with neither (a picture, a page turned far) is cut at its row of least ink.
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

    /** The highest strip the page's width allows. */
    static int stripHeight(int width) {
        return Math.max(1, (int) (width * A4));
    }

    /** Whether a page of this size is read in strips: much taller than A4 for its width. */
    static boolean tall(int width, int height) {
        return height > stripHeight(width) * READ_WHOLE;
    }

    /** The page's strips top to bottom: the whole page when it is not much taller than A4. */
    static List<Strip> of(BufferedImage grey) {
        int height = grey.getHeight();
        int most = stripHeight(grey.getWidth());
        if (!tall(grey.getWidth(), height)) {
            return List.of(new Strip(0, height));
        }
        List<Strip> strips = new ArrayList<>();
        int top = 0;
        while (height - top > most) {
            Cut cut = cut(grey.getSubimage(0, top, grey.getWidth(), most));
            strips.add(new Strip(top, top + cut.end()));
            top += cut.next();
        }
        strips.add(new Strip(top, height));
        return strips;
    }

    /** Where to cut a window of a strip's full height, in its lower half. */
    private static Cut cut(BufferedImage window) {
        InkMap ink = InkMap.of(window);
        int[] inkPerRow = inkPerRow(ink);
        int lowest = Math.max(1, window.getHeight() / 2);
        Cut cut = blankBand(inkPerRow, lowest, window.getWidth());
        if (cut == null) {
            cut = tableRule(ink, lowest);
        }
        return cut != null ? cut : leastInk(inkPerRow, lowest);
    }

    private static int[] inkPerRow(InkMap ink) {
        int[] counts = new int[ink.height()];
        for (int y = 0; y < ink.height(); y++) {
            for (int x = 0; x < ink.width(); x++) {
                counts[y] += ink.ink(x, y) ? 1 : 0;
            }
        }
        return counts;
    }

    /** A few specks across a row (scanner dust) leave it blank: one in 400 of its pixels. */
    private static int specks(int width) {
        return width / 400;
    }

    /** The middle of the widest band of blank rows below {@code lowest}, the lower one of equals. */
    private static Cut blankBand(int[] inkPerRow, int lowest, int width) {
        int best = -1;
        int bestWidth = 0;
        int start = -1;
        for (int y = lowest; y <= inkPerRow.length; y++) {
            boolean blank = y < inkPerRow.length && inkPerRow[y] <= specks(width);
            if (blank && start < 0) {
                start = y;
            } else if (!blank && start >= 0) {
                if (y - start >= bestWidth) {
                    bestWidth = y - start;
                    best = (start + y) / 2;
                }
                start = -1;
            }
        }
        return best < 0 ? null : new Cut(best, best);
    }

    /**
     * The lowest horizontal rule below {@code lowest} that a table draws across all its columns
     * between two others, with no ink beside the table along it: the strip above ends under it
     * and the next begins over it, however it is tilted.
     */
    private static Cut tableRule(InkMap ink, int lowest) {
        Cut best = null;
        for (RuleFinder.Ruling table : RuleFinder.find(ink).tables()) {
            TableGrid grid = new TableGrid(table.horizontal(), table.vertical());
            double half = Math.ceil(table.thickness() / 2) + 1;
            for (int row = 1; row < grid.rows(); row++) {
                double left = grid.corner(row, 0)[1];
                double right = grid.corner(row, grid.columns())[1];
                int next = (int) Math.floor(Math.min(left, right) - half);
                int end = (int) Math.ceil(Math.max(left, right) + half) + 1;
                if (next >= lowest && end <= ink.height() && (best == null || next > best.next())
                        && grid.drawnAcross(row) && noInkBeside(ink, table.bounds(), next, end)) {
                    best = new Cut(end, next);
                }
            }
        }
        return best;
    }

    private static boolean noInkBeside(InkMap ink, Rectangle table, int from, int to) {
        int beside = 0;
        for (int y = from; y < to; y++) {
            for (int x = 0; x < ink.width(); x++) {
                beside += ink.ink(x, y) && (x < table.x || x >= table.x + table.width) ? 1 : 0;
            }
        }
        return beside <= specks(ink.width()) * (to - from);
    }

    /** The row of least ink below {@code lowest}, the lowest one of equals. */
    private static Cut leastInk(int[] inkPerRow, int lowest) {
        int best = inkPerRow.length - 1;
        for (int y = inkPerRow.length - 1; y >= lowest; y--) {
            if (inkPerRow[y] < inkPerRow[best]) {
                best = y;
            }
        }
        return new Cut(best, best);
    }
}
