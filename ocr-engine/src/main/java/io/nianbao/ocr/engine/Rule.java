package io.nianbao.ocr.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A ruling line of a table as a straight line and the stretches of it that are drawn. Along its
 * length {@code u} (x for a horizontal rule, y for a vertical one) it lies at {@code v = intercept
 * + slope·u}; a rule is straight under any rotation or perspective, only not level.
 *
 * @param spans the drawn stretches, [from, to] along u, in order and apart
 */
record Rule(double intercept, double slope, List<double[]> spans) {

    Rule {
        spans = List.copyOf(spans);
    }

    double at(double u) {
        return intercept + slope * u;
    }

    /** How much of [from, to] along u is drawn, 0 to 1. */
    double coverage(double from, double to) {
        double lo = Math.min(from, to);
        double hi = Math.max(from, to);
        if (hi - lo < 1e-9) {
            return 0;
        }
        double drawn = 0;
        for (double[] s : spans) {
            drawn += Math.max(0, Math.min(hi, s[1]) - Math.max(lo, s[0]));
        }
        return drawn / (hi - lo);
    }

    /** Stretches merged where they overlap or lie closer than {@code gap}. */
    static List<double[]> union(List<double[]> stretches, double gap) {
        List<double[]> sorted = new ArrayList<>(stretches);
        sorted.sort(Comparator.comparingDouble(s -> s[0]));
        List<double[]> merged = new ArrayList<>();
        for (double[] s : sorted) {
            if (!merged.isEmpty() && s[0] <= merged.getLast()[1] + gap) {
                merged.getLast()[1] = Math.max(merged.getLast()[1], s[1]);
            } else {
                merged.add(new double[] {s[0], s[1]});
            }
        }
        return merged;
    }

    /** Where a horizontal rule (y along x) meets a vertical rule (x along y): {x, y}. */
    static double[] crossing(Rule horizontal, Rule vertical) {
        double x = (vertical.intercept + vertical.slope * horizontal.intercept) / (1 - vertical.slope * horizontal.slope);
        return new double[] {x, horizontal.at(x)};
    }
}
