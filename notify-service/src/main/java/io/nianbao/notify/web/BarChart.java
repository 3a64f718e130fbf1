package io.nianbao.notify.web;

import java.util.ArrayList;
import java.util.List;

/**
 * A horizontal bar chart the inbox template draws as inline SVG: labels (a rule's id and name, a
 * region's name) in the first 260 pixels, bar lengths in pixels, longest {@value #MAX_WIDTH}.
 */
public record BarChart(String title, List<Bar> bars) {

    static final int MAX_WIDTH = 300;
    static final int ROW_HEIGHT = 22;

    public record Bar(String label, long count, long width, int y) {
    }

    static BarChart of(String title, List<Inbox.Count> counts) {
        long max = counts.stream().mapToLong(Inbox.Count::count).max().orElse(1);
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < counts.size(); i++) {
            Inbox.Count c = counts.get(i);
            bars.add(new Bar(c.label(), c.count(), Math.max(1, c.count() * MAX_WIDTH / max), i * ROW_HEIGHT));
        }
        return new BarChart(title, List.copyOf(bars));
    }

    public int height() {
        return Math.max(ROW_HEIGHT, bars.size() * ROW_HEIGHT);
    }
}
