package io.nianbao.samples;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;

/**
 * Whitens a table's ruling lines before OCR: dark runs much longer than a character is wide,
 * horizontal or vertical, allowing the one-pixel steps of a slightly skewed rule. Text strokes are
 * shorter than a character and stay. Engines that read rules as "|", "1" or "一" need this.
 */
final class RuleEraser {

    private static final int DARK = 140;

    private RuleEraser() {
    }

    /** A copy of the grey image without runs of at least {@code minRun} dark pixels along either axis. */
    static BufferedImage erase(BufferedImage image, int minRun) {
        int w = image.getWidth();
        int h = image.getHeight();
        WritableRaster in = image.getRaster();
        boolean[][] dark = new boolean[h][w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                dark[y][x] = in.getSample(x, y, 0) < DARK;
            }
        }
        boolean[][] rule = new boolean[h][w];
        for (int y = 0; y < h; y++) {
            int start = -1;
            for (int x = 0; x <= w; x++) {
                boolean on = x < w && (dark[y][x] || y > 0 && dark[y - 1][x] || y + 1 < h && dark[y + 1][x]);
                if (on && start < 0) {
                    start = x;
                } else if (!on && start >= 0) {
                    if (x - start >= minRun) {
                        for (int i = start; i < x; i++) {
                            mark(dark, rule, i, y, 0, 1, h, w);
                        }
                    }
                    start = -1;
                }
            }
        }
        for (int x = 0; x < w; x++) {
            int start = -1;
            for (int y = 0; y <= h; y++) {
                boolean on = y < h && (dark[y][x] || x > 0 && dark[y][x - 1] || x + 1 < w && dark[y][x + 1]);
                if (on && start < 0) {
                    start = y;
                } else if (!on && start >= 0) {
                    if (y - start >= minRun) {
                        for (int i = start; i < y; i++) {
                            mark(dark, rule, x, i, 1, 0, h, w);
                        }
                    }
                    start = -1;
                }
            }
        }
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster to = out.getRaster();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                to.setSample(x, y, 0, rule[y][x] ? 255 : in.getSample(x, y, 0));
            }
        }
        return out;
    }

    /** Marks the dark pixels at (x, y) and its two neighbours across the run's direction (dx, dy). */
    private static void mark(boolean[][] dark, boolean[][] rule, int x, int y, int dx, int dy, int h, int w) {
        for (int k = -1; k <= 1; k++) {
            int px = x + k * dx;
            int py = y + k * dy;
            if (px >= 0 && py >= 0 && px < w && py < h && dark[py][px]) {
                rule[py][px] = true;
            }
        }
    }
}
