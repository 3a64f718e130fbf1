package io.nianbao.core.rules;

import io.nianbao.core.model.Finding;

/** CELL-INVALID: a count cell holds text, a fraction or a negative number. */
public final class CellInvalid {

    private CellInvalid() {
    }

    /**
     * @param raw    the cell as written
     * @param reason what is wrong with it, in Chinese, e.g. "填写了文字"
     */
    public static Finding of(String location, String raw, String reason) {
        String message = "单元格" + location + reason + "（原文为“" + raw + "”），统计表的数量栏应填写非负整数。";
        return RuleId.CELL_INVALID.finding(location, message, raw);
    }
}
