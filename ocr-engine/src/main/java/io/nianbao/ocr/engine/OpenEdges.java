package io.nianbao.ocr.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Closes a table that a page break left open. Where an office suite breaks a table between pages it
 * draws no rule under the page's last row, nor over the next page's first: the vertical rules just
 * stop at the page's edge of the table. Where both outer vertical rules run on, drawn, for at least
 * a text line past the outermost horizontal rule, the line through the points where they stop is
 * taken as the missing rule, so the open row is read like any other. The rule is put no further
 * than both are drawn; where they stop at the horizontal rule, nothing is added.
 */
final class OpenEdges {

    private OpenEdges() {
    }

    /**
     * The horizontal rules (top to bottom) with the missing top or bottom rule added where the
     * vertical rules (left to right) show one.
     */
    static List<Rule> closed(List<Rule> horizontal, List<Rule> vertical, double textHeight) {
        if (horizontal.isEmpty() || vertical.size() < 2) {
            return horizontal;
        }
        List<Rule> closed = new ArrayList<>(horizontal);
        Rule above = beyond(horizontal.getFirst(), vertical, textHeight, -1);
        if (above != null) {
            closed.addFirst(above);
        }
        Rule below = beyond(horizontal.getLast(), vertical, textHeight, 1);
        if (below != null) {
            closed.add(below);
        }
        return closed;
    }

    /**
     * The rule across the outer vertical rules as far past {@code outermost} (up for {@code
     * direction} -1, down for 1) as both are drawn; null when either runs on less than a text line.
     */
    private static Rule beyond(Rule outermost, List<Rule> vertical, double textHeight, int direction) {
        Rule left = vertical.getFirst();
        Rule right = vertical.getLast();
        double leftFrom = Rule.crossing(outermost, left)[1];
        double rightFrom = Rule.crossing(outermost, right)[1];
        double reach = Math.min(drawnPast(left, leftFrom, direction, textHeight), drawnPast(right, rightFrom, direction, textHeight));
        if (reach < textHeight) {
            return null;
        }
        double leftY = leftFrom + direction * reach;
        double rightY = rightFrom + direction * reach;
        double leftX = left.at(leftY);
        double rightX = right.at(rightY);
        double slope = (rightY - leftY) / (rightX - leftX);
        return new Rule(leftY - slope * leftX, slope, List.of(new double[] {leftX, rightX}));
    }

    /**
     * How far along y a vertical rule is drawn without a break from {@code from} in {@code
     * direction}; a stretch that starts within a quarter text line of {@code from} counts as
     * drawn from it (a rule is as thick as that at most).
     */
    private static double drawnPast(Rule vertical, double from, int direction, double textHeight) {
        double slack = textHeight / 4;
        double reach = 0;
        for (double[] span : vertical.spans()) {
            if (span[0] <= from + slack && span[1] >= from - slack) {
                reach = Math.max(reach, direction > 0 ? span[1] - from : from - span[0]);
            }
        }
        return reach;
    }
}
