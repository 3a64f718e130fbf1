package io.nianbao.core.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rows of figures without a label in their table's order (a converter that set the labels of
 * multi-line cells apart from the rows): where, between two labelled rows, stand as many label-less
 * rows as the template has rows missing there, the order gives each of them one place. A row
 * whose label stands but whose figures did not fit it counts as missing: its figures may be the
 * label-less row after it. The labelled rows must follow the template's order, or the order
 * tells nothing.
 */
final class LabelLessRows {

    /** A row in the document's order: its template key, or null when it has no label. */
    record Slot(String key, Row row) {
    }

    private LabelLessRows() {
    }

    /**
     * The label-less rows the order places, by key.
     *
     * @param slots    the table's rows in the document's order
     * @param template the template's keys in its order
     * @param read     the keys of the rows read under their label
     */
    static Map<String, Row> byOrder(List<Slot> slots, List<String> template, Set<String> read) {
        Map<String, Row> placed = new LinkedHashMap<>();
        List<Row> pending = new ArrayList<>();
        int previous = -1;
        for (Slot slot : slots) {
            if (slot.key() == null) {
                pending.add(slot.row());
                continue;
            }
            int at = template.indexOf(slot.key());
            if (at < 0 || !read.contains(slot.key())) {
                continue;
            }
            if (at <= previous) {
                return Map.of();
            }
            place(pending, template.subList(previous + 1, at), read, placed);
            pending.clear();
            previous = at;
        }
        place(pending, template.subList(previous + 1, template.size()), read, placed);
        return placed;
    }

    private static void place(List<Row> pending, List<String> between, Set<String> read, Map<String, Row> placed) {
        List<String> missing = between.stream().filter(k -> !read.contains(k)).toList();
        if (!pending.isEmpty() && pending.size() == missing.size()) {
            for (int i = 0; i < missing.size(); i++) {
                placed.put(missing.get(i), pending.get(i));
            }
        }
    }
}
