package io.nianbao.core.model;

import java.util.List;
import java.util.Map;

/**
 * Section 三: row key (e.g. "newReceived", "denied.stateSecret") → seven cells in {@link #COLUMNS}
 * order. Rows keep the report's own layout (a GB2019-style single "otherHandling" row, or the
 * three GB2021 sub-rows). A blank or uncertain cell is null; a row that cannot be aligned is absent.
 */
public record ApplicationsTable(Map<String, List<Long>> rows) {

    public static final List<String> COLUMNS = List.of(
            "naturalPerson", "commercial", "research", "publicInterest", "legalService", "otherOrg", "total");

    public static final int TOTAL = COLUMNS.indexOf("total");
}
