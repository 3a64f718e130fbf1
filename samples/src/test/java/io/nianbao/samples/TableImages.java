package io.nianbao.samples;

import io.nianbao.samples.ReportDocument.Cell;
import io.nianbao.samples.ReportDocument.Kind;
import io.nianbao.samples.ReportDocument.Table;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * A report's table drawn as a ruled image, as a scanner or a phone would deliver it: 10.5 pt text at
 * a given dpi, then optionally rotated, seen in perspective and speckled with noise. Every cell's
 * rectangle on the undistorted drawing is kept, with the homography that moved it, so what an OCR
 * engine reads at a point of the distorted image can be traced back to the cell it belongs to.
 */
final class TableImages {

    /** How the image was taken: resolution, rotation, a phone's perspective, sensor noise. */
    record Distortion(String name, int dpi, double skewDegrees, double perspective, double noise) {

        static Distortion clean(int dpi) {
            return new Distortion("clean", dpi, 0, 0, 0);
        }
    }

    /** The fonts of a rendering: the labels' Chinese face and the figures' face. */
    record Typeface(String name, String labelFamily, String numberFamily) {
    }

    /** A cell of the drawing: what it says and where it lies before distortion. */
    record TruthCell(Kind kind, String text, Rectangle box) {
    }

    /** A rendered table and the way back from its pixels to its cells. */
    record TableImage(BufferedImage image, List<TruthCell> cells, Homography toImage) {

        /** The same table seen through another image of it (one cleaned before OCR, say). */
        TableImage withImage(BufferedImage other) {
            return new TableImage(other, cells, toImage);
        }

        /** The cell whose undistorted rectangle holds the image point, or null (outside the table, on a rule). */
        TruthCell cellAt(double x, double y) {
            double[] p = toImage.inverse().apply(x, y);
            for (TruthCell c : cells) {
                if (c.box().contains(p[0], p[1])) {
                    return c;
                }
            }
            return null;
        }
    }

    /** The faces this machine's fc-list offers: labels in a Chinese face, figures in three kinds of face. */
    static final List<Typeface> TYPEFACES = List.of(
            new Typeface("WenQuanYi Zen Hei", "WenQuanYi Zen Hei", "WenQuanYi Zen Hei"),
            new Typeface("WenQuanYi Zen Hei Sharp + Liberation Serif figures", "WenQuanYi Zen Hei Sharp", "Liberation Serif"),
            new Typeface("WenQuanYi Zen Hei + DejaVu Sans figures", "WenQuanYi Zen Hei", "DejaVu Sans"));

    private static final double POINT_SIZE = 10.5;
    private static final double TABLE_WIDTH_INCHES = 6.3;
    private static final double MARGIN_INCHES = 0.4;

    private TableImages() {
    }

    static TableImage render(Table table, Typeface face, Distortion distortion, long seed) {
        Drawing drawn = draw(table, face, distortion.dpi());
        Homography h = homography(drawn.image().getWidth(), drawn.image().getHeight(), distortion, new Random(seed));
        BufferedImage image = h.isIdentity() ? drawn.image() : h.warp(drawn.image());
        if (distortion.noise() > 0) {
            addNoise(image, distortion.noise(), new Random(seed + 1));
        }
        return new TableImage(image, drawn.cells(), h);
    }

    private record Drawing(BufferedImage image, List<TruthCell> cells) {
    }

    private static Drawing draw(Table table, Typeface face, int dpi) {
        Grid grid = Grid.of(table);
        float px = (float) (POINT_SIZE * dpi / 72.0);
        Font labelFont = new Font(face.labelFamily(), Font.PLAIN, 1).deriveFont(px);
        Font numberFont = new Font(face.numberFamily(), Font.PLAIN, 1).deriveFont(px);
        int margin = (int) (MARGIN_INCHES * dpi);
        int tableWidth = (int) (TABLE_WIDTH_INCHES * dpi);
        int pad = Math.max(3, dpi / 30);
        BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D pg = probe.createGraphics();
        FontMetrics labels = pg.getFontMetrics(labelFont);
        int[] widths = columnWidths(grid, labels, pg.getFontMetrics(numberFont), tableWidth, pad);
        int[] x = new int[grid.columns() + 1];
        for (int c = 0; c < grid.columns(); c++) {
            x[c + 1] = x[c] + widths[c];
        }
        int lineHeight = labels.getHeight();
        int rows = grid.starts().size();
        int[] heights = new int[rows];
        Arrays.fill(heights, lineHeight + 2 * pad);
        for (int r = 0; r < rows; r++) {
            for (Grid.Placed p : grid.starts().get(r)) {
                int w = x[p.column() + p.cell().colspan()] - x[p.column()] - 2 * pad;
                int needed = wrap(p.cell().text(), labels, w).size() * lineHeight + 2 * pad;
                if (p.cell().rowspan() == 1) {
                    heights[r] = Math.max(heights[r], needed);
                }
            }
        }
        int[] y = new int[rows + 1];
        for (int r = 0; r < rows; r++) {
            y[r + 1] = y[r] + heights[r];
        }
        BufferedImage image = new BufferedImage(x[grid.columns()] + 2 * margin, y[rows] + 2 * margin, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(Math.max(1f, dpi / 100f)));
        List<TruthCell> cells = new ArrayList<>();
        for (List<Grid.Placed> row : grid.starts()) {
            for (Grid.Placed p : row) {
                Rectangle box = new Rectangle(margin + x[p.column()], margin + y[p.row()],
                        x[p.column() + p.cell().colspan()] - x[p.column()], y[p.row() + p.cell().rowspan()] - y[p.row()]);
                g.drawRect(box.x, box.y, box.width, box.height);
                Cell cell = p.cell();
                boolean figure = cell.kind() == Kind.VALUE;
                g.setFont(figure ? numberFont : labelFont);
                FontMetrics fm = g.getFontMetrics();
                List<String> lines = wrap(cell.text(), fm, box.width - 2 * pad);
                int top = box.y + (box.height - lines.size() * lineHeight) / 2;
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i);
                    int left = figure || cell.kind() == Kind.HEADER ? box.x + (box.width - fm.stringWidth(line)) / 2 : box.x + pad;
                    g.drawString(line, left, top + i * lineHeight + fm.getAscent());
                }
                cells.add(new TruthCell(cell.kind(), cell.text(), box));
            }
        }
        g.dispose();
        pg.dispose();
        return new Drawing(image, cells);
    }

    /**
     * Figure columns as wide as five digits of the figures' face (or a short header), as printed
     * tables keep figures on one line; the other columns share the rest as their widest label asks.
     */
    private static int[] columnWidths(Grid grid, FontMetrics fm, FontMetrics figureFace, int tableWidth, int pad) {
        int chinese = fm.charWidth('中');
        double[] want = new double[grid.columns()];
        boolean[] figures = new boolean[grid.columns()];
        Arrays.fill(want, 2 * chinese + 2 * pad);
        for (List<Grid.Placed> row : grid.starts()) {
            for (Grid.Placed p : row) {
                if (p.cell().colspan() == 1 && p.cell().kind() == Kind.VALUE) {
                    figures[p.column()] = true;
                }
            }
        }
        for (List<Grid.Placed> row : grid.starts()) {
            for (Grid.Placed p : row) {
                if (p.cell().colspan() == 1 && p.cell().kind() != Kind.VALUE) {
                    int cap = figures[p.column()] ? 3 * chinese : 12 * chinese;
                    want[p.column()] = Math.max(want[p.column()], Math.min(fm.stringWidth(p.cell().text()), cap) + 2 * pad);
                }
            }
        }
        double figureWidth = 0;
        double labelWant = 0;
        for (int c = 0; c < want.length; c++) {
            if (figures[c]) {
                want[c] = Math.max(want[c], figureFace.stringWidth("00000") + 2 * pad);
                figureWidth += want[c];
            } else {
                labelWant += want[c];
            }
        }
        double labelScale = labelWant == 0 ? 1 : Math.max(0, tableWidth - figureWidth) / labelWant;
        int[] widths = new int[want.length];
        for (int c = 0; c < want.length; c++) {
            widths[c] = (int) (figures[c] ? want[c] : want[c] * labelScale);
        }
        return widths;
    }

    /** The text broken into lines that fit the width, character by character as Chinese wraps. */
    private static List<String> wrap(String text, FontMetrics fm, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (!line.isEmpty() && fm.stringWidth(line.toString() + ch) > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(ch);
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** A rotation about the centre, then corners pulled in as a phone held at an angle sees a page. */
    private static Homography homography(int w, int h, Distortion d, Random random) {
        Homography rotation = Homography.rotation(Math.toRadians(d.skewDegrees()), w / 2.0, h / 2.0);
        if (d.perspective() == 0) {
            return rotation;
        }
        double k = d.perspective();
        double[][] from = {{0, 0}, {w, 0}, {w, h}, {0, h}};
        double[][] to = {
                {w * k * (0.5 + random.nextDouble()), h * k * random.nextDouble() * 0.5},
                {w * (1 - k * 0.3 * random.nextDouble()), h * k * 0.3 * random.nextDouble()},
                {w * (1 - k * (0.5 + random.nextDouble()) * 0.5), h * (1 - k * random.nextDouble() * 0.5)},
                {w * k * 0.3 * random.nextDouble(), h * (1 - k * 0.3 * random.nextDouble())}};
        return Homography.mapping(from, to).then(rotation);
    }

    private static void addNoise(BufferedImage image, double sigma, Random random) {
        var raster = image.getRaster();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int v = (int) Math.round(raster.getSample(x, y, 0) + random.nextGaussian() * sigma);
                raster.setSample(x, y, 0, Math.max(0, Math.min(255, v)));
            }
        }
    }
}
