package io.nianbao.core.rules;

import java.util.Set;

/**
 * A finding's location in the report's own words, for inspectors and the agencies they forward
 * findings to: {@code 四.litigationAfterReview.total} is 表四“行政诉讼（复议后起诉）”总计, {@code 五} is
 * 第五部分. A location is a section numeral, then a row (whose key may hold a dot, as
 * {@code denied.stateSecret}), then a column; a key without a Chinese name is kept as it is.
 */
public final class Locations {

    /** The sections whose content is a table. */
    private static final Set<String> TABLES = Set.of("二", "三", "四");

    private Locations() {
    }

    public static String describe(String location) {
        if (location == null || location.isBlank()) {
            return "";
        }
        int dot = location.indexOf('.');
        String section = dot < 0 ? location : location.substring(0, dot);
        String place = TABLES.contains(section) ? "表" + section : "第" + section + "部分";
        if (dot < 0) {
            return place;
        }
        String rest = location.substring(dot + 1);
        int column = rest.lastIndexOf('.');
        if (column < 0) {
            return place + "“" + Labels.of(rest) + "”";
        }
        return place + "“" + Labels.of(rest.substring(0, column)) + "”" + Labels.of(rest.substring(column + 1));
    }
}
