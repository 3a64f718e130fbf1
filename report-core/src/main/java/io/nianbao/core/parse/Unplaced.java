package io.nianbao.core.parse;

import io.nianbao.core.model.Finding;
import io.nianbao.core.rules.ParseUncertain;
import io.nianbao.core.rules.RuleId;

import java.util.ArrayList;
import java.util.List;

/**
 * A table with rows of values that have no label on their line (a converter's markdown that put
 * labels it could not place on lines of their own), or whose values ran into the row above them
 * when their label was lost (a row too long while a template row is missing): its structure is
 * not whole, so what it lacks
 * is our reading's fault, not the agency's. Each row the table did not yield is PARSE-UNCERTAIN
 * (null, and no rule computes over it), and a row that did not fit its cells is PARSE-UNCERTAIN
 * instead of a TBL-SHAPE against the agency.
 */
final class Unplaced {

    private Unplaced() {
    }

    /** Whether a row not of the template holds figures: they stand under no row's label. */
    static boolean figuresUnderNoLabel(String key, Row row) {
        return key == null && row.core().stream().anyMatch(c -> c.kind() == Cell.Kind.NUMBER);
    }

    /**
     * The table's findings, its TBL-SHAPEs and its missing rows made PARSE-UNCERTAIN where its
     * structure shows it is not whole: a row of figures without a label, or, while template rows
     * are missing, a row with more cells than the template's (a capture that lost the next row's
     * label runs its values into this row). Otherwise the findings as they are.
     *
     * @param table      the table's numeral
     * @param findings   what the table's rows yielded
     * @param missing    the keys of the template's rows the table did not yield
     * @param unlabelled rows of figures under no row's label
     * @param overlong   rows with more cells than the template's
     */
    static List<Finding> named(String table, List<Finding> findings, List<String> missing, List<Row> unlabelled,
                               List<Row> overlong) {
        Row evidence = !unlabelled.isEmpty() ? unlabelled.getFirst()
                : missing.isEmpty() || overlong.isEmpty() ? null : overlong.getFirst();
        if (evidence == null) {
            return findings;
        }
        String quoted = Cell.evidence(evidence.core());
        List<Finding> out = new ArrayList<>();
        for (Finding f : findings) {
            out.add(f.rule().equals(RuleId.TBL_SHAPE.id())
                    ? ParseUncertain.row(f.location(), RowKeys.name(f.location().substring(table.length() + 1)), quoted)
                    : f);
        }
        for (String key : missing) {
            out.add(ParseUncertain.row(table + "." + key, RowKeys.name(key), quoted));
        }
        return out;
    }
}
