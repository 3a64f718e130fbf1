package io.nianbao.core.rules;

import io.nianbao.core.model.Finding;

import java.math.BigDecimal;

/**
 * TBL-SHAPE: a row or group has the wrong number of cells, so its values cannot be aligned with
 * certainty. Raised by the parser, which leaves the values null unless the table's own sums
 * single out one alignment.
 */
public final class TblShape {

    private TblShape() {
    }

    /**
     * @param location   e.g. "四.litigationDirect" or "三.newReceived"
     * @param what       the Chinese name of the row or table, e.g. "表四“行政诉讼”"
     * @param expected   cells the template has there
     * @param actual     cells found
     * @param resolution what the parser did about it, in Chinese (one sentence)
     * @param evidence   the cells as read
     */
    public static Finding of(String location, String what, int expected, int actual, String resolution, String evidence) {
        String message = what + "应有" + expected + "个单元格，实际读到" + actual + "个，无法确定各数值对应的栏目。" + resolution;
        return RuleId.TBL_SHAPE.finding(location, BigDecimal.valueOf(expected), BigDecimal.valueOf(actual), message, evidence);
    }
}
