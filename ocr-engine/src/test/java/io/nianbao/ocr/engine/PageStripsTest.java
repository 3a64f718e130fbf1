package io.nianbao.ocr.engine;

import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The strip cutter on long pages drawn here: lines of prose with paragraph and page gaps, and a
 * ruled table taller than a strip with a cell spanning rows where a cut would fall. No line of
 * text or table row is cut through, lost or found in two strips; a table rule cut along is in both.
 */
class PageStripsTest {

    private static final int WIDTH = 600;
    private static final int CHAR = 16;

    /** Rows [from, to) that a strip must hold whole. */
    private record Band(int from, int to) {
    }

    private static BufferedImage white(int height) {
        BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, height);
        g.dispose();
        return image;
    }

    /** A line of character-like blocks between x0 and x1 with its top at y. */
    private static Band line(Graphics2D g, int x0, int x1, int y, Random random) {
        for (int x = x0; x + CHAR <= x1; x += CHAR + 4) {
            int inset = random.nextInt(3);
            g.fillRect(x, y + inset, CHAR - 2, CHAR - inset);
        }
        return new Band(y, y + CHAR);
    }

    @Test
    void proseIsCutBetweenLinesIntoStripsOfAtMostAnA4PageEachLineInOneStrip() {
        Random random = new Random(7);
        BufferedImage page = white(3600);
        Graphics2D g = page.createGraphics();
        g.setColor(Color.BLACK);
        List<Band> lines = new ArrayList<>();
        int y = 60;
        while (y < 3500) {
            lines.add(line(g, 60, WIDTH - 60 - random.nextInt(200), y, random));
            // Lines 10 px apart, a paragraph now and then, and a page's margins once in a while.
            y += CHAR + (random.nextInt(12) == 0 ? 40 : random.nextInt(25) == 0 ? 200 : 10);
        }
        g.dispose();

        List<PageStrips.Strip> strips = PageStrips.of(page);

        assertCovers(strips, page.getHeight());
        assertThat(strips).hasSizeGreaterThanOrEqualTo(5);
        for (int i = 1; i < strips.size(); i++) {
            assertThat(strips.get(i).top()).as("prose strips touch").isEqualTo(strips.get(i - 1).bottom());
        }
        assertEachInExactlyOneStrip(lines, strips);
    }

    @Test
    void aTableTallerThanAStripIsCutAlongARuleDrawnAcrossItKeptInBothStrips() {
        int left = 50;
        int columnWidth = 125;
        int columns = 4;
        int top = 140;
        int rowHeight = 40;
        int rows = 60;
        BufferedImage page = white(top + rows * rowHeight + 200);
        Graphics2D g = page.createGraphics();
        g.setColor(Color.BLACK);
        Random random = new Random(11);
        line(g, left, WIDTH - left, 60, random);
        List<Integer> ruleTops = new ArrayList<>();
        List<Band> cells = new ArrayList<>();
        for (int r = 0; r <= rows; r++) {
            int ruleTop = top + r * rowHeight;
            ruleTops.add(ruleTop);
            // Rules 15 to 17 (y 740 to 820) are not drawn in column 0: a cell spans rows 14 to 17,
            // across the lowest rule a first strip of 848 rows could be cut along (820: the rows
            // under it run on past the strip's edge, closed there as a page break's are).
            boolean spanned = r >= 15 && r <= 17;
            g.fillRect(spanned ? left + columnWidth : left, ruleTop, spanned ? (columns - 1) * columnWidth + 2 : columns * columnWidth + 2, 2);
            if (r < rows) {
                cells.add(line(g, left + columnWidth + 10, left + columns * columnWidth - 10, ruleTop + 12, random));
            }
        }
        for (int c = 0; c <= columns; c++) {
            g.fillRect(left + c * columnWidth, top, 2, rows * rowHeight + 2);
        }
        g.dispose();
        int most = PageStrips.stripHeight(WIDTH);

        List<PageStrips.Strip> strips = PageStrips.of(page);

        assertCovers(strips, page.getHeight());
        assertThat(strips).hasSizeGreaterThanOrEqualTo(3);
        for (int i = 1; i < strips.size(); i++) {
            PageStrips.Strip above = strips.get(i - 1);
            PageStrips.Strip below = strips.get(i);
            if (above.bottom() > top + rows * rowHeight) {
                continue;
            }
            List<Integer> shared = ruleTops.stream().filter(t -> t >= below.top() && t + 2 <= above.bottom()).toList();
            assertThat(shared).as("the rule cut along, whole in both strips %s and %s", above, below).hasSize(1);
            assertThat(shared.getFirst()).as("not a rule a cell spans").isNotIn(top + 15 * rowHeight, top + 16 * rowHeight, top + 17 * rowHeight);
            assertThat(above.bottom() - below.top()).as("only the rule is in both").isLessThan(rowHeight / 2);
        }
        assertThat(strips.getFirst().bottom()).as("cut above the spanning cell").isLessThanOrEqualTo(top + 14 * rowHeight + 8);
        assertThat(strips.getFirst().bottom()).isLessThanOrEqualTo(most);
        assertEachInExactlyOneStrip(cells, strips);
    }

    @Test
    void aCellSpanningEveryRuleWithinReachMakesTheStripLongerRatherThanBeCut() {
        int left = 50;
        int columnWidth = 125;
        int top = 140;
        int rowHeight = 40;
        int rows = 60;
        BufferedImage page = white(top + rows * rowHeight + 200);
        Graphics2D g = page.createGraphics();
        g.setColor(Color.BLACK);
        Random random = new Random(13);
        List<Band> cells = new ArrayList<>();
        List<Integer> drawnAcross = new ArrayList<>();
        for (int r = 0; r <= rows; r++) {
            int ruleTop = top + r * rowHeight;
            // Column 0 holds one group cell over rows 5 to 39 (y 340 to 1740), its label halfway down.
            boolean spanned = r > 5 && r < 40;
            g.fillRect(spanned ? left + columnWidth : left, ruleTop, spanned ? 3 * columnWidth + 2 : 4 * columnWidth + 2, 2);
            if (!spanned) {
                drawnAcross.add(ruleTop);
            }
            if (r < rows) {
                cells.add(line(g, left + columnWidth + 10, left + 4 * columnWidth - 10, ruleTop + 12, random));
            }
        }
        cells.add(line(g, left + 10, left + columnWidth - 10, top + 22 * rowHeight + 12, random));
        for (int c = 0; c <= 4; c++) {
            g.fillRect(left + c * columnWidth, top, 2, rows * rowHeight + 2);
        }
        g.dispose();

        List<PageStrips.Strip> strips = PageStrips.of(page);

        assertCovers(strips, page.getHeight(), (int) (PageReader.MAX_PIXELS / WIDTH));
        assertThat(strips).anySatisfy(s -> assertThat(s.height()).isGreaterThan(PageStrips.stripHeight(WIDTH)));
        for (int i = 1; i < strips.size(); i++) {
            PageStrips.Strip above = strips.get(i - 1);
            PageStrips.Strip below = strips.get(i);
            if (above.bottom() > top + rows * rowHeight) {
                continue;
            }
            assertThat(drawnAcross.stream().filter(t -> t >= below.top() && t + 2 <= above.bottom()).toList())
                    .as("a rule drawn across, whole in both strips %s and %s", above, below).hasSize(1);
        }
        assertEachInExactlyOneStrip(cells, strips);
    }

    @Test
    void aPageOfAboutA4ProportionIsOneStrip() {
        int a4 = PageStrips.stripHeight(WIDTH);

        assertThat(PageStrips.of(white(a4))).containsExactly(new PageStrips.Strip(0, a4));
        assertThat(PageStrips.of(white(a4 * 6 / 5))).containsExactly(new PageStrips.Strip(0, a4 * 6 / 5));
        assertThat(PageStrips.of(white(a4 * 3 / 2))).hasSizeGreaterThan(1);
    }

    @Test
    void aPageInkedAllTheWayDownIsStillCutIntoStripsThatCoverIt() {
        BufferedImage page = white(4000);
        Graphics2D g = page.createGraphics();
        g.setColor(Color.BLACK);
        for (int y = 0; y < page.getHeight(); y += 3) {
            g.fillRect(y % WIDTH, y, 40, 5);
        }
        g.dispose();

        List<PageStrips.Strip> strips = PageStrips.of(page);

        assertCovers(strips, page.getHeight());
        assertThat(strips).hasSizeLessThanOrEqualTo(4 * page.getHeight() / PageStrips.stripHeight(WIDTH) + 1);
    }

    /** Strips from the top to the bottom, in order, none higher than an A4 page for the width, no rows left out. */
    private static void assertCovers(List<PageStrips.Strip> strips, int height) {
        assertCovers(strips, height, PageStrips.stripHeight(WIDTH));
    }

    private static void assertCovers(List<PageStrips.Strip> strips, int height, int highest) {
        assertThat(strips.getFirst().top()).isZero();
        assertThat(strips.getLast().bottom()).isEqualTo(height);
        for (int i = 0; i < strips.size(); i++) {
            assertThat(strips.get(i).height()).isPositive().isLessThanOrEqualTo(highest);
            if (i > 0) {
                assertThat(strips.get(i).top()).isGreaterThan(strips.get(i - 1).top()).isLessThanOrEqualTo(strips.get(i - 1).bottom());
            }
        }
    }

    private static void assertEachInExactlyOneStrip(List<Band> bands, List<PageStrips.Strip> strips) {
        for (Band band : bands) {
            assertThat(strips.stream().filter(s -> s.top() <= band.from() && band.to() <= s.bottom()).count())
                    .as("strips holding %s whole: %s", band, strips).isEqualTo(1);
            assertThat(strips.stream().filter(s -> s.top() < band.to() && band.from() < s.bottom()).count())
                    .as("strips holding part of %s", band).isEqualTo(1);
        }
    }
}
