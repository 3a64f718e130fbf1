package io.nianbao.ocr.engine;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.util.ArrayList;
import java.util.List;

/**
 * A table cell's picture and the lines of text in it. The cell is cut out between its rules'
 * centre lines, inside their thickness, and set upright (a rotated or photographed cell comes out
 * level); its lines are the bands of rows that hold ink, each cropped to its ink with a margin,
 * white beyond the cell, ready for the recogniser.
 */
final class LineCrops {

    /** A band taller than this many text heights is two lines of text (a wrapped label), not one. */
    private static final double ONE_LINE = 1.6;

    private LineCrops() {
    }

    /**
     * The quadrilateral (top left, top right, bottom left, bottom right; {x, y}) of the grey page
     * as an upright image, {@code inset} pixels inside each edge, by bilinear sampling.
     */
    static BufferedImage cell(BufferedImage page, double[][] corners, double inset) {
        double top = distance(corners[0], corners[1]);
        double bottom = distance(corners[2], corners[3]);
        double left = distance(corners[0], corners[2]);
        double right = distance(corners[1], corners[3]);
        double fullWidth = (top + bottom) / 2;
        double fullHeight = (left + right) / 2;
        int w = (int) Math.round(fullWidth - 2 * inset);
        int h = (int) Math.round(fullHeight - 2 * inset);
        if (w < 2 || h < 2) {
            return null;
        }
        Raster in = page.getRaster();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster to = out.getRaster();
        for (int j = 0; j < h; j++) {
            double t = (j + inset + 0.5) / fullHeight;
            for (int i = 0; i < w; i++) {
                double s = (i + inset + 0.5) / fullWidth;
                double x = (1 - t) * ((1 - s) * corners[0][0] + s * corners[1][0]) + t * ((1 - s) * corners[2][0] + s * corners[3][0]);
                double y = (1 - t) * ((1 - s) * corners[0][1] + s * corners[1][1]) + t * ((1 - s) * corners[2][1] + s * corners[3][1]);
                to.setSample(i, j, 0, sample(in, x - 0.5, y - 0.5));
            }
        }
        return out;
    }

    /**
     * The text lines of a cell's picture, top to bottom, each cropped with a margin. Ink along the
     * picture's very edge that runs most of its length is a rule's remnant, not text: it is
     * whitened (the picture is changed).
     */
    static List<BufferedImage> lines(BufferedImage cell, int threshold, double textHeight) {
        int w = cell.getWidth();
        int h = cell.getHeight();
        boolean[][] ink = new boolean[h][w];
        WritableRaster raster = cell.getRaster();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                ink[y][x] = raster.getSample(x, y, 0) <= threshold;
            }
        }
        clearEdgeRemnants(ink, cell.getRaster(), w, h);
        List<int[]> bands = new ArrayList<>();
        int start = -1;
        for (int y = 0; y <= h; y++) {
            boolean any = y < h && anyInk(ink[y]);
            if (any && start < 0) {
                start = y;
            } else if (!any && start >= 0) {
                addBand(bands, start, y, textHeight);
                start = -1;
            }
        }
        List<BufferedImage> lines = new ArrayList<>();
        for (int[] band : bands) {
            int minX = w;
            int maxX = -1;
            int pixels = 0;
            for (int y = band[0]; y < band[1]; y++) {
                for (int x = 0; x < w; x++) {
                    if (ink[y][x]) {
                        minX = Math.min(minX, x);
                        maxX = Math.max(maxX, x);
                        pixels++;
                    }
                }
            }
            if (pixels < 3) {
                continue;
            }
            int margin = (int) Math.max(2, Math.round(0.2 * (band[1] - band[0])));
            lines.add(crop(cell, minX - margin, band[0] - margin, maxX + 1 + margin, band[1] + margin));
        }
        return lines;
    }

    /** A new band, or the last one grown to it where together they are no taller than one line. */
    private static void addBand(List<int[]> bands, int from, int to, double textHeight) {
        if (!bands.isEmpty() && to - bands.getLast()[0] <= ONE_LINE * textHeight) {
            bands.getLast()[1] = to;
        } else {
            bands.add(new int[] {from, to});
        }
    }

    private static void clearEdgeRemnants(boolean[][] ink, WritableRaster raster, int w, int h) {
        int edge = 3;
        for (int y = 0; y < h; y++) {
            if (y < edge || y >= h - edge) {
                int count = 0;
                for (int x = 0; x < w; x++) {
                    count += ink[y][x] ? 1 : 0;
                }
                if (count > w / 2) {
                    for (int x = 0; x < w; x++) {
                        ink[y][x] = false;
                        raster.setSample(x, y, 0, 255);
                    }
                }
            }
        }
        for (int x = 0; x < w; x++) {
            if (x < edge || x >= w - edge) {
                int count = 0;
                for (int y = 0; y < h; y++) {
                    count += ink[y][x] ? 1 : 0;
                }
                if (count > h / 2) {
                    for (int y = 0; y < h; y++) {
                        ink[y][x] = false;
                        raster.setSample(x, y, 0, 255);
                    }
                }
            }
        }
    }

    private static boolean anyInk(boolean[] row) {
        for (boolean b : row) {
            if (b) {
                return true;
            }
        }
        return false;
    }

    /** The part of the image within [x0, x1) × [y0, y1), white where that reaches beyond it. */
    static BufferedImage crop(BufferedImage image, int x0, int y0, int x1, int y1) {
        BufferedImage out = new BufferedImage(Math.max(1, x1 - x0), Math.max(1, y1 - y0), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.drawImage(image, -x0, -y0, null);
        g.dispose();
        return out;
    }

    private static int sample(Raster r, double x, double y) {
        int x0 = (int) Math.floor(x);
        int y0 = (int) Math.floor(y);
        double fx = x - x0;
        double fy = y - y0;
        double v = (1 - fx) * (1 - fy) * at(r, x0, y0) + fx * (1 - fy) * at(r, x0 + 1, y0)
                + (1 - fx) * fy * at(r, x0, y0 + 1) + fx * fy * at(r, x0 + 1, y0 + 1);
        return (int) Math.round(v);
    }

    private static int at(Raster r, int x, int y) {
        return x < 0 || y < 0 || x >= r.getWidth() || y >= r.getHeight() ? 255 : r.getSample(x, y, 0);
    }

    private static double distance(double[] a, double[] b) {
        return Math.hypot(a[0] - b[0], a[1] - b[1]);
    }
}
