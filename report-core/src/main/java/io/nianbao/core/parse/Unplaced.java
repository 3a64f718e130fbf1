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

    /**
     * The row that shows a table's structure is not whole, or null when it is: a row of values
     * without a label, or, while template rows are missing, a row with more cells than the
     * template's (a capture that lost the next row's label runs its values into this row).
     */
    static Row evidence(List<Row> unlabelled, List<Row> overlong, List<String> missing) {
        if (!unlabelled.isEmpty()) {
            return unlabelled.getFirst();
        }
        return missing.isEmpty() || overlong.isEmpty() ? null : overlong.getFirst();
    }

    /**
     * @param table    the table's numeral
     * @param findings what the table's rows yielded
     * @param missing  the keys of the template's rows the table did not yield
     * @param evidence a row of values without a label, as read
     */
    static List<Finding> uncertain(String table, List<Finding> findings, List<String> missing, String evidence) {
        List<Finding> out = new ArrayList<>();
        for (Finding f : findings) {
            out.add(f.rule().equals(RuleId.TBL_SHAPE.id())
                    ? ParseUncertain.row(f.location(), RowKeys.name(f.location().substring(table.length() + 1)), evidence)
                    : f);
        }
        for (String key : missing) {
            out.add(ParseUncertain.row(table + "." + key, RowKeys.name(key), evidence));
        }
        return out;
    }
}
