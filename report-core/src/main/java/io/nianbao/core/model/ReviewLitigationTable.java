package io.nianbao.core.model;

import java.util.List;
import java.util.Map;

/**
 * Section 四: group key ("review", "litigationDirect", "litigationAfterReview") → five cells in
 * {@link #COLUMNS} order. A group that cannot be aligned with certainty maps to null.
 */
public record ReviewLitigationTable(Map<String, List<Long>> groups) {

    public static final List<String> GROUPS = List.of("review", "litigationDirect", "litigationAfterReview");

    public static final List<String> COLUMNS = List.of("upheld", "corrected", "other", "pending", "total");
}
