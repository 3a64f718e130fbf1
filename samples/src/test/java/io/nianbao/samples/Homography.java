package io.nianbao.samples;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;

/**
 * A plane projective map (3×3, row-major): how a page moves when it is rotated or photographed at
 * an angle. Java2D has only affine transforms, and a phone's view of a page is not affine.
 */
record Homography(double[] m) {

    static Homography rotation(double radians, double cx, double cy) {
        double c = Math.cos(radians);
        double s = Math.sin(radians);
        return new Homography(new double[] {c, -s, cx - c * cx + s * cy, s, c, cy - s * cx - c * cy, 0, 0, 1});
    }

    /** The map taking the four points {@code from} to the four points {@code to}. */
    static Homography mapping(double[][] from, double[][] to) {
        double[][] a = new double[8][9];
        for (int i = 0; i < 4; i++) {
            double x = from[i][0];
            double y = from[i][1];
            double u = to[i][0];
            double v = to[i][1];
            a[2 * i] = new double[] {x, y, 1, 0, 0, 0, -u * x, -u * y, u};
            a[2 * i + 1] = new double[] {0, 0, 0, x, y, 1, -v * x, -v * y, v};
        }
        double[] h = solve(a);
        return new Homography(new double[] {h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7], 1});
    }

    boolean isIdentity() {
        double[] id = {1, 0, 0, 0, 1, 0, 0, 0, 1};
        for (int i = 0; i < 9; i++) {
            if (Math.abs(m[i] - id[i]) > 1e-12) {
                return false;
            }
        }
        return true;
    }

    double[] apply(double x, double y) {
        double w = m[6] * x + m[7] * y + m[8];
        return new double[] {(m[0] * x + m[1] * y + m[2]) / w, (m[3] * x + m[4] * y + m[5]) / w};
    }

    /** This map followed by {@code next}. */
    Homography then(Homography next) {
        double[] r = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 3; k++) {
                    r[3 * i + j] += next.m[3 * i + k] * m[3 * k + j];
                }
            }
        }
        return new Homography(r);
    }

    Homography inverse() {
        double[] a = m;
        double det = a[0] * (a[4] * a[8] - a[5] * a[7]) - a[1] * (a[3] * a[8] - a[5] * a[6]) + a[2] * (a[3] * a[7] - a[4] * a[6]);
        return new Homography(new double[] {
                (a[4] * a[8] - a[5] * a[7]) / det, (a[2] * a[7] - a[1] * a[8]) / det, (a[1] * a[5] - a[2] * a[4]) / det,
                (a[5] * a[6] - a[3] * a[8]) / det, (a[0] * a[8] - a[2] * a[6]) / det, (a[2] * a[3] - a[0] * a[5]) / det,
                (a[3] * a[7] - a[4] * a[6]) / det, (a[1] * a[6] - a[0] * a[7]) / det, (a[0] * a[4] - a[1] * a[3]) / det});
    }

    /** The grey image seen through this map, same size, white where the page does not reach; bilinear. */
    BufferedImage warp(BufferedImage source) {
        Homography back = inverse();
        BufferedImage out = new BufferedImage(source.getWidth(), source.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster in = source.getRaster();
        WritableRaster to = out.getRaster();
        int w = source.getWidth();
        int h = source.getHeight();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double[] p = back.apply(x, y);
                int x0 = (int) Math.floor(p[0]);
                int y0 = (int) Math.floor(p[1]);
                double fx = p[0] - x0;
                double fy = p[1] - y0;
                double v = (1 - fx) * (1 - fy) * sample(in, x0, y0, w, h) + fx * (1 - fy) * sample(in, x0 + 1, y0, w, h)
                        + (1 - fx) * fy * sample(in, x0, y0 + 1, w, h) + fx * fy * sample(in, x0 + 1, y0 + 1, w, h);
                to.setSample(x, y, 0, (int) Math.round(v));
            }
        }
        return out;
    }

    private static int sample(WritableRaster r, int x, int y, int w, int h) {
        return x < 0 || y < 0 || x >= w || y >= h ? 255 : r.getSample(x, y, 0);
    }

    /** Gaussian elimination with partial pivoting on an n×(n+1) augmented matrix. */
    private static double[] solve(double[][] a) {
        int n = a.length;
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
                    pivot = r;
                }
            }
            double[] t = a[col];
            a[col] = a[pivot];
            a[pivot] = t;
            for (int r = 0; r < n; r++) {
                if (r != col) {
                    double f = a[r][col] / a[col][col];
                    for (int c = col; c <= n; c++) {
                        a[r][c] -= f * a[col][c];
                    }
                }
            }
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = a[i][n] / a[i][i];
        }
        return x;
    }
}
