package io.nianbao.ocr.engine;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Finds the ruled tables of a page: the ink that hangs together over a large area (a table's rules
 * are one connected frame; characters are small and apart), and in it the straight runs of ink one
 * rule thick, followed along their length one pixel step at a time, so a rotated or photographed
 * rule is found as well as a level one. Text, even when it touches a rule, adds only short or bent
 * runs and is left out. A table a page break left open at its top or bottom is closed where its
 * vertical rules stop ({@link OpenEdges}).
 */
final class RuleFinder {

    /** A table's rules, top to bottom and left to right, how thick they are drawn, and where it lies. */
    record Ruling(List<Rule> horizontal, List<Rule> vertical, double thickness, Rectangle bounds) {
    }

    /** The page's tables and the height of its characters, in pixels. */
    record Found(double textHeight, List<Ruling> tables) {
    }

    private RuleFinder() {
    }

    static Found find(InkMap ink) {
        Components components = Components.of(ink);
        double textHeight = components.textHeight(ink.height());
        List<Rectangle> frames = components.frames(textHeight);
        List<Ruling> tables = new ArrayList<>();
        for (Rectangle frame : frames) {
            Tracer tracer = new Tracer(components, frame, textHeight);
            List<Rule> vertical = tracer.rules(false);
            List<Rule> horizontal = OpenEdges.closed(tracer.rules(true), vertical, textHeight);
            if (horizontal.size() >= 2 && vertical.size() >= 2) {
                tables.add(new Ruling(horizontal, vertical, tracer.thickness(), frame));
            }
        }
        return new Found(textHeight, tables);
    }

    /** The connected pieces of ink (8-neighbours): a label per pixel and each piece's box. */
    private static final class Components {
        private final int[] labels;
        private final int width;
        private int count;
        private int[] minX = new int[1024];
        private int[] minY = new int[1024];
        private int[] maxX = new int[1024];
        private int[] maxY = new int[1024];
        private boolean[] frame;

        private Components(int[] labels, int width) {
            this.labels = labels;
            this.width = width;
        }

        static Components of(InkMap ink) {
            int w = ink.width();
            int h = ink.height();
            Components c = new Components(new int[w * h], w);
            int[] stack = new int[4096];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    if (!ink.ink(x, y) || c.labels[y * w + x] != 0) {
                        continue;
                    }
                    int label = c.add(x, y);
                    int top = 0;
                    stack[top++] = y * w + x;
                    c.labels[y * w + x] = label;
                    while (top > 0) {
                        int p = stack[--top];
                        int px = p % w;
                        int py = p / w;
                        c.grow(label, px, py);
                        for (int dy = -1; dy <= 1; dy++) {
                            for (int dx = -1; dx <= 1; dx++) {
                                int nx = px + dx;
                                int ny = py + dy;
                                if (ink.ink(nx, ny) && c.labels[ny * w + nx] == 0) {
                                    c.labels[ny * w + nx] = label;
                                    if (top == stack.length) {
                                        stack = Arrays.copyOf(stack, stack.length * 2);
                                    }
                                    stack[top++] = ny * w + nx;
                                }
                            }
                        }
                    }
                }
            }
            return c;
        }

        private int add(int x, int y) {
            if (count + 1 >= minX.length) {
                int n = minX.length * 2;
                minX = Arrays.copyOf(minX, n);
                minY = Arrays.copyOf(minY, n);
                maxX = Arrays.copyOf(maxX, n);
                maxY = Arrays.copyOf(maxY, n);
            }
            count++;
            minX[count] = maxX[count] = x;
            minY[count] = maxY[count] = y;
            return count;
        }

        private void grow(int label, int x, int y) {
            minX[label] = Math.min(minX[label], x);
            maxX[label] = Math.max(maxX[label], x);
            minY[label] = Math.min(minY[label], y);
            maxY[label] = Math.max(maxY[label], y);
        }

        /** The median height of the pieces shaped like characters or their strokes (20 when none). */
        double textHeight(int pageHeight) {
            int[] heights = new int[count];
            int n = 0;
            for (int i = 1; i <= count; i++) {
                int w = maxX[i] - minX[i] + 1;
                int h = maxY[i] - minY[i] + 1;
                if (h >= 4 && h <= pageHeight / 8 && w <= 3 * h) {
                    heights[n++] = h;
                }
            }
            if (n == 0) {
                return 20;
            }
            Arrays.sort(heights, 0, n);
            return heights[n / 2];
        }

        /** Boxes of the pieces large enough to be a table's frame, those that overlap taken together. */
        List<Rectangle> frames(double textHeight) {
            frame = new boolean[count + 1];
            List<Rectangle> boxes = new ArrayList<>();
            for (int i = 1; i <= count; i++) {
                int w = maxX[i] - minX[i] + 1;
                int h = maxY[i] - minY[i] + 1;
                if (w >= 4 * textHeight && h >= 2 * textHeight) {
                    frame[i] = true;
                    boxes.add(new Rectangle(minX[i], minY[i], w, h));
                }
            }
            boolean merged = true;
            while (merged) {
                merged = false;
                for (int i = 0; i < boxes.size() && !merged; i++) {
                    for (int j = i + 1; j < boxes.size() && !merged; j++) {
                        if (boxes.get(i).intersects(boxes.get(j))) {
                            boxes.set(i, boxes.get(i).union(boxes.remove(j)));
                            merged = true;
                        }
                    }
                }
            }
            boxes.sort(Comparator.comparingInt((Rectangle r) -> r.y));
            return boxes;
        }

        boolean isFrame(int x, int y) {
            int label = labels[y * width + x];
            return label != 0 && frame[label];
        }
    }

    /** Follows the rules of one frame along one axis. */
    private static final class Tracer {
        private final Components components;
        private final Rectangle frame;
        private final int maxThickness;
        private final int maxGap;
        private final double minLength;
        private final double sameRule;
        private long runPixels;
        private long runs;

        Tracer(Components components, Rectangle frame, double textHeight) {
            this.components = components;
            this.frame = frame;
            this.maxThickness = (int) Math.max(3, textHeight / 4);
            this.maxGap = 2 * maxThickness + 2;
            this.minLength = textHeight;
            this.sameRule = Math.max(3, textHeight / 3);
        }

        private boolean frameInk(boolean horizontal, int u, int v) {
            return horizontal ? components.isFrame(u, v) : components.isFrame(v, u);
        }

        /** The mean thickness of the rules traced, in pixels. */
        double thickness() {
            return runs == 0 ? 1 : (double) runPixels / runs;
        }

        /** Horizontal rules (top to bottom) or vertical ones (left to right). */
        List<Rule> rules(boolean horizontal) {
            int u0 = horizontal ? frame.x : frame.y;
            int u1 = u0 + (horizontal ? frame.width : frame.height);
            int v0 = horizontal ? frame.y : frame.x;
            int v1 = v0 + (horizontal ? frame.height : frame.width);
            List<Chain> active = new ArrayList<>();
            List<Chain> done = new ArrayList<>();
            for (int u = u0; u < u1; u++) {
                for (int i = active.size() - 1; i >= 0; i--) {
                    if (active.get(i).lastU < u - maxGap) {
                        done.add(active.remove(i));
                    }
                }
                int v = v0;
                while (v < v1) {
                    if (!frameInk(horizontal, u, v)) {
                        v++;
                        continue;
                    }
                    int start = v;
                    while (v < v1 && frameInk(horizontal, u, v)) {
                        v++;
                    }
                    int length = v - start;
                    if (length <= maxThickness) {
                        extend(active, u, start + (length - 1) / 2.0, length);
                    }
                }
            }
            done.addAll(active);
            List<Chain> straight = new ArrayList<>(done.stream()
                    .filter(c -> c.lastU - c.firstU >= minLength && c.rms() <= Math.max(1.0, maxThickness / 2.0)).toList());
            straight.sort(Comparator.comparingDouble((Chain c) -> c.firstU - c.lastU));
            List<Chain> lines = new ArrayList<>();
            for (Chain c : straight) {
                runPixels += c.pixels;
                runs += c.n;
                Chain line = lines.stream().filter(l -> l.holds(c, sameRule)).findFirst().orElse(null);
                if (line == null) {
                    lines.add(c);
                } else {
                    line.absorb(c);
                }
            }
            double middle = (u0 + u1) / 2.0;
            return lines.stream().map(l -> l.rule(maxGap)).sorted(Comparator.comparingDouble(r -> r.at(middle))).toList();
        }

        /** Adds a point to the chain it continues (nearest across, within a pixel and a half), or starts one. */
        private void extend(List<Chain> active, int u, double v, int length) {
            Chain best = null;
            double bestDistance = Double.MAX_VALUE;
            for (Chain c : active) {
                double distance = Math.abs(c.lastV - v);
                if (c.lastU < u && distance <= 1.5 + 0.05 * (u - c.lastU) && distance < bestDistance) {
                    best = c;
                    bestDistance = distance;
                }
            }
            if (best == null) {
                best = new Chain(u);
                active.add(best);
            }
            best.add(u, v, length);
        }
    }

    /** Points followed along a rule, with the sums a least-squares line needs. */
    private static final class Chain {
        final double firstU;
        double lastU;
        double lastV;
        long n;
        long pixels;
        double su, sv, suu, suv, svv;
        final List<double[]> stretches = new ArrayList<>();

        Chain(double u) {
            firstU = u;
            lastU = u;
        }

        void add(double u, double v, int length) {
            lastU = u;
            lastV = v;
            n++;
            pixels += length;
            su += u;
            sv += v;
            suu += u * u;
            suv += u * v;
            svv += v * v;
        }

        double slope() {
            double d = n * suu - su * su;
            return d == 0 ? 0 : (n * suv - su * sv) / d;
        }

        double intercept() {
            return (sv - slope() * su) / n;
        }

        double at(double u) {
            return intercept() + slope() * u;
        }

        double rms() {
            double a = intercept();
            double b = slope();
            double sq = svv - 2 * a * sv - 2 * b * suv + a * a * n + 2 * a * b * su + b * b * suu;
            return Math.sqrt(Math.max(0, sq / n));
        }

        /** Whether {@code other} lies on this chain's line, at both its ends. */
        boolean holds(Chain other, double tolerance) {
            return Math.abs(at(other.firstU) - other.at(other.firstU)) <= tolerance
                    && Math.abs(at(other.lastU) - other.at(other.lastU)) <= tolerance;
        }

        void absorb(Chain other) {
            if (stretches.isEmpty()) {
                stretches.add(new double[] {firstU, lastU});
            }
            stretches.add(new double[] {other.firstU, other.lastU});
            n += other.n;
            su += other.su;
            sv += other.sv;
            suu += other.suu;
            suv += other.suv;
            svv += other.svv;
        }

        Rule rule(double gap) {
            List<double[]> spans = stretches.isEmpty() ? List.of(new double[] {firstU, lastU}) : stretches;
            return new Rule(intercept(), slope(), Rule.union(spans, gap));
        }
    }
}
