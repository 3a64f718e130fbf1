package io.nianbao.core.rules;

import io.nianbao.core.model.Finding;
import io.nianbao.core.model.Responsibility;
import io.nianbao.core.model.Severity;

/** CELL-INVALID: a count cell holds text, a fraction or a negative number. */
public final class CellInvalid {

    public static final String ID = "CELL-INVALID";

    private CellInvalid() {
    }

    /**
     * @param raw    the cell as written
     * @param reason what is wrong with it, in Chinese, e.g. "填写了文字"
     */
    public static Finding of(String location, String raw, String reason) {
        String message = "单元格" + location + reason + "（原文为“" + raw + "”），统计表的数量栏应填写非负整数。";
        return new Finding(ID, Severity.ERROR, Responsibility.AGENCY, location, null, null, message, raw);
    }
}
