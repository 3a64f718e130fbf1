package io.nianbao.ocr.engine;

import org.junit.jupiter.api.Test;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The grid finder on ruled tables drawn here: level, turned, sheared, with spans and text. */
class RuleFinderTest {

    private static final int CELL_W = 120;
    private static final int CELL_H = 40;
    private static final int LEFT = 60;
    private static final int TOP = 80;

    /** Whitens the image and gives a pen that draws on it through {@code view}: black, 2 px, smoothed. */
    private static Graphics2D pen(BufferedImage image, AffineTransform view) {
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.transform(view);
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(2));
        return g;
    }

    /**
     * A 4-row, 5-column table like the templates' heads: a caption cell over two rows and two
     * columns, a header over three columns, then plain rows; text in some cells.
     */
    private static BufferedImage table(AffineTransform view, boolean withText) {
        BufferedImage image = new BufferedImage(LEFT * 2 + 5 * CELL_W, TOP * 2 + 4 * CELL_H, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = pen(image, view);
        int right = LEFT + 5 * CELL_W;
        int bottom = TOP + 4 * CELL_H;
        g.drawRect(LEFT, TOP, 5 * CELL_W, 4 * CELL_H);
        // Row rules: under row 0 only right of the caption (columns 2-4), full width under rows 1, 2.
        g.drawLine(LEFT + 2 * CELL_W, TOP + CELL_H, right, TOP + CELL_H);
        g.drawLine(LEFT, TOP + 2 * CELL_H, right, TOP + 2 * CELL_H);
        g.drawLine(LEFT, TOP + 3 * CELL_H, right, TOP + 3 * CELL_H);
        // Column rules: after column 0 below the caption; after column 1 full height; after columns 2, 3 below the header.
        g.drawLine(LEFT + CELL_W, TOP + 2 * CELL_H, LEFT + CELL_W, bottom);
        g.drawLine(LEFT + 2 * CELL_W, TOP, LEFT + 2 * CELL_W, bottom);
        g.drawLine(LEFT + 3 * CELL_W, TOP + CELL_H, LEFT + 3 * CELL_W, bottom);
        g.drawLine(LEFT + 4 * CELL_W, TOP + CELL_H, LEFT + 4 * CELL_W, bottom);
        if (withText) {
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 24));
            g.drawString("一二三四五六", LEFT + 10, TOP + CELL_H + 8);
            g.drawString("1234", LEFT + 2 * CELL_W + 30, TOP + 3 * CELL_H + 30);
            g.drawString("———", LEFT + 4 * CELL_W + 8, TOP + 2 * CELL_H + 28);
            // A line of prose above the table.
            g.drawString("二、主动公开政府信息情况", LEFT, TOP - 30);
        }
        g.dispose();
        return image;
    }

    private static List<List<TableGrid.Cell>> cells(BufferedImage image) {
        List<RuleFinder.Ruling> tables = RuleFinder.find(InkMap.of(image)).tables();
        assertThat(tables).hasSize(1);
        return new TableGrid(tables.getFirst().horizontal(), tables.getFirst().vertical()).rowsOfCells();
    }

    /** Each row's cells as {row, column, rowspan, colspan}. */
    private static List<List<List<Integer>>> shape(List<List<TableGrid.Cell>> rows) {
        return rows.stream().map(r -> r.stream().map(c -> List.of(c.row(), c.column(), c.rowspan(), c.colspan())).toList()).toList();
    }

    private static final List<List<List<Integer>>> DRAWN = List.of(
            List.of(List.of(0, 0, 2, 2), List.of(0, 2, 1, 3)),
            List.of(List.of(1, 2, 1, 1), List.of(1, 3, 1, 1), List.of(1, 4, 1, 1)),
            List.of(List.of(2, 0, 1, 1), List.of(2, 1, 1, 1), List.of(2, 2, 1, 1), List.of(2, 3, 1, 1), List.of(2, 4, 1, 1)),
            List.of(List.of(3, 0, 1, 1), List.of(3, 1, 1, 1), List.of(3, 2, 1, 1), List.of(3, 3, 1, 1), List.of(3, 4, 1, 1)));

    @Test
    void findsTheCellsOfALevelTableWithItsSpannedCellsOnceInTheRowTheyStart() {
        List<List<TableGrid.Cell>> rows = cells(table(new AffineTransform(), false));

        assertThat(shape(rows)).isEqualTo(DRAWN);
        double[][] caption = rows.getFirst().getFirst().corners();
        assertThat(caption[0][0]).isCloseTo(LEFT, within(1.5));
        assertThat(caption[0][1]).isCloseTo(TOP, within(1.5));
        assertThat(caption[3][0]).isCloseTo(LEFT + 2 * CELL_W, within(1.5));
        assertThat(caption[3][1]).isCloseTo(TOP + 2 * CELL_H, within(1.5));
    }

    @Test
    void textInsideAndAroundTheTableMakesNoRules() {
        assertThat(shape(cells(table(new AffineTransform(), true)))).isEqualTo(DRAWN);
    }

    @Test
    void followsATurnedTableAndPutsItsCornersWhereTheTurnMovedThem() {
        AffineTransform turn = AffineTransform.getRotateInstance(Math.toRadians(2.5), 400, 200);
        List<List<TableGrid.Cell>> rows = cells(table(turn, true));

        assertThat(shape(rows)).isEqualTo(DRAWN);
        double[] corner = new double[2];
        turn.transform(new double[] {LEFT + 5 * CELL_W, TOP + 4 * CELL_H}, 0, corner, 0, 1);
        double[] found = rows.getLast().getLast().corners()[3];
        assertThat(found[0]).isCloseTo(corner[0], within(2.0));
        assertThat(found[1]).isCloseTo(corner[1], within(2.0));
    }

    @Test
    void followsRulesThatAreNotParallelAsInAPhotograph() {
        // A shear and a slight squeeze: rules no longer level, nor at right angles.
        AffineTransform view = new AffineTransform(0.97, 0.02, -0.03, 1.02, 10, 0);
        assertThat(shape(cells(table(view, true)))).isEqualTo(DRAWN);
    }

    /**
     * A 3-row, 3-column table with text in every cell, as a page break leaves it: its vertical
     * rules run from the top of the first row to the bottom of the last, {@code overshoot} further
     * each way, and its outer horizontal rules are drawn or not; the inner ones always are.
     */
    private static BufferedImage pageBreakTable(AffineTransform view, boolean topRule, boolean bottomRule, int overshoot) {
        int columns = 3;
        int rows = 3;
        BufferedImage image = new BufferedImage(LEFT * 2 + columns * CELL_W, TOP * 2 + rows * CELL_H, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = pen(image, view);
        for (int line = 0; line <= rows; line++) {
            if ((line > 0 || topRule) && (line < rows || bottomRule)) {
                g.drawLine(LEFT, TOP + line * CELL_H, LEFT + columns * CELL_W, TOP + line * CELL_H);
            }
        }
        for (int column = 0; column <= columns; column++) {
            int x = LEFT + column * CELL_W;
            g.drawLine(x, TOP - overshoot, x, TOP + rows * CELL_H + overshoot);
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 24));
        for (int row = 0; row < rows; row++) {
            int baseline = TOP + row * CELL_H + 30;
            g.drawString("第" + "一二三".charAt(row) + "行", LEFT + 10, baseline);
            g.drawString(String.valueOf(row + 3), LEFT + CELL_W + 30, baseline);
            g.drawString("0", LEFT + 2 * CELL_W + 30, baseline);
        }
        g.dispose();
        return image;
    }

    private static final List<List<List<Integer>>> THREE_BY_THREE = List.of(
            List.of(List.of(0, 0, 1, 1), List.of(0, 1, 1, 1), List.of(0, 2, 1, 1)),
            List.of(List.of(1, 0, 1, 1), List.of(1, 1, 1, 1), List.of(1, 2, 1, 1)),
            List.of(List.of(2, 0, 1, 1), List.of(2, 1, 1, 1), List.of(2, 2, 1, 1)));

    @Test
    void theRowUnderALastRuleThatIsNotDrawnEndsWhereTheVerticalRulesStop() {
        List<List<TableGrid.Cell>> rows = cells(pageBreakTable(new AffineTransform(), true, false, 0));

        assertThat(shape(rows)).isEqualTo(THREE_BY_THREE);
        double[][] lastRow = rows.getLast().getFirst().corners();
        assertThat(lastRow[0][1]).isCloseTo(TOP + 2 * CELL_H, within(1.5));
        assertThat(lastRow[2][1]).isCloseTo(TOP + 3 * CELL_H, within(1.5));
        assertThat(rows.getLast().getLast().corners()[3][1]).isCloseTo(TOP + 3 * CELL_H, within(1.5));
    }

    @Test
    void theRowOverAFirstRuleThatIsNotDrawnStartsWhereTheVerticalRulesStart() {
        List<List<TableGrid.Cell>> rows = cells(pageBreakTable(new AffineTransform(), false, true, 0));

        assertThat(shape(rows)).isEqualTo(THREE_BY_THREE);
        double[][] firstRow = rows.getFirst().getLast().corners();
        assertThat(firstRow[1][1]).isCloseTo(TOP, within(1.5));
        assertThat(firstRow[3][1]).isCloseTo(TOP + CELL_H, within(1.5));
    }

    @Test
    void aTurnedTableOpenAtBothEndsIsClosedAlongItsTurn() {
        AffineTransform turn = AffineTransform.getRotateInstance(Math.toRadians(2.5), 250, 150);
        List<List<TableGrid.Cell>> rows = cells(pageBreakTable(turn, false, false, 0));

        assertThat(shape(rows)).isEqualTo(THREE_BY_THREE);
        double[][] drawn = {{LEFT, TOP}, {LEFT + 3 * CELL_W, TOP + 3 * CELL_H}};
        double[][] found = {rows.getFirst().getFirst().corners()[0], rows.getLast().getLast().corners()[3]};
        for (int i = 0; i < drawn.length; i++) {
            double[] corner = new double[2];
            turn.transform(drawn[i], 0, corner, 0, 1);
            assertThat(found[i][0]).isCloseTo(corner[0], within(2.0));
            assertThat(found[i][1]).isCloseTo(corner[1], within(2.0));
        }
    }

    @Test
    void verticalRulesThatOvershootAClosedTableByLessThanATextLineAddNoRow() {
        List<List<TableGrid.Cell>> rows = cells(pageBreakTable(new AffineTransform(), true, true, 6));

        assertThat(shape(rows)).isEqualTo(THREE_BY_THREE);
        assertThat(rows.getFirst().getFirst().corners()[0][1]).isCloseTo(TOP, within(1.5));
        assertThat(rows.getLast().getFirst().corners()[2][1]).isCloseTo(TOP + 3 * CELL_H, within(1.5));
    }

    @Test
    void aPageOfTextAndALoneLineHasNoTable() {
        BufferedImage page = new BufferedImage(800, 400, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = page.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 800, 400);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 24));
        for (int line = 0; line < 8; line++) {
            g.drawString("本机关二〇二三年共收到政府信息公开申请一二三件", 20, 40 + 40 * line);
        }
        g.drawLine(20, 380, 780, 380);
        g.dispose();

        assertThat(RuleFinder.find(InkMap.of(page)).tables()).isEmpty();
    }
}
