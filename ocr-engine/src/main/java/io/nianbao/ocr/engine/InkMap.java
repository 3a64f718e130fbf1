package io.nianbao.ocr.engine;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;

/**
 * Which pixels of a grey image are ink: darker than the threshold Otsu's method puts between the
 * page's paper and its print. Scanner noise and a phone's uneven light stay on the paper's side.
 */
final class InkMap {

    private final int width;
    private final int height;
    private final boolean[] ink;
    private final int threshold;

    private InkMap(int width, int height, boolean[] ink, int threshold) {
        this.width = width;
        this.height = height;
        this.ink = ink;
        this.threshold = threshold;
    }

    static InkMap of(BufferedImage grey) {
        int w = grey.getWidth();
        int h = grey.getHeight();
        Raster raster = grey.getRaster();
        int[] row = new int[w];
        long[] histogram = new long[256];
        for (int y = 0; y < h; y++) {
            raster.getSamples(0, y, w, 1, 0, row);
            for (int v : row) {
                histogram[v]++;
            }
        }
        int threshold = otsu(histogram);
        boolean[] ink = new boolean[w * h];
        for (int y = 0; y < h; y++) {
            raster.getSamples(0, y, w, 1, 0, row);
            for (int x = 0; x < w; x++) {
                ink[y * w + x] = row[x] <= threshold;
            }
        }
        return new InkMap(w, h, ink, threshold);
    }

    /** The grey level that best splits the histogram in two classes (least within-class variance). */
    static int otsu(long[] histogram) {
        long total = 0;
        double sum = 0;
        for (int i = 0; i < 256; i++) {
            total += histogram[i];
            sum += (double) i * histogram[i];
        }
        long below = 0;
        double sumBelow = 0;
        double best = -1;
        int threshold = 127;
        for (int t = 0; t < 255; t++) {
            below += histogram[t];
            sumBelow += (double) t * histogram[t];
            long above = total - below;
            if (below == 0 || above == 0) {
                continue;
            }
            double meanBelow = sumBelow / below;
            double meanAbove = (sum - sumBelow) / above;
            double between = (double) below * above * (meanBelow - meanAbove) * (meanBelow - meanAbove);
            if (between > best) {
                best = between;
                threshold = t;
            }
        }
        return threshold;
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    /** The grey level at or below which a pixel is ink. */
    int threshold() {
        return threshold;
    }

    boolean ink(int x, int y) {
        return x >= 0 && y >= 0 && x < width && y < height && ink[y * width + x];
    }
}
