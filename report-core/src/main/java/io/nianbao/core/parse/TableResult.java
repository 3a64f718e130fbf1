package io.nianbao.core.parse;

import io.nianbao.core.model.Finding;
import io.nianbao.core.model.Template;

import java.util.List;

/**
 * A table read from a section's lines.
 *
 * @param table     the table, or null when the section holds none
 * @param layout    the template the table's own layout follows, or null when it does not tell
 * @param findings  what could not be taken as read (TBL-SHAPE, PARSE-UNCERTAIN, CELL-*)
 * @param firstLine first line of the table, -1 when none
 * @param lastLine  last line of the table, -1 when none
 */
public record TableResult<T>(T table, Template layout, List<Finding> findings, int firstLine, int lastLine) {

    static <T> TableResult<T> none() {
        return new TableResult<>(null, null, List.of(), -1, -1);
    }
}
