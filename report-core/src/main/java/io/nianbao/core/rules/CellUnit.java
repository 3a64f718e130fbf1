package io.nianbao.core.rules;

import io.nianbao.core.model.Finding;

/**
 * CELL-UNIT: an amount written in another unit than its column's (GB2021 fees are in 万元; a
 * value written with "元" is suspect). The number is kept as written, never converted.
 */
public final class CellUnit {

    private CellUnit() {
    }

    /**
     * @param raw          the cell as written, e.g. "251000元"
     * @param expectedUnit the column's unit, e.g. "万元"
     */
    public static Finding of(String location, String raw, String expectedUnit) {
        String message = "单元格" + location + "的金额单位应为" + expectedUnit + "，原文写作“" + raw
                + "”，请核实金额及单位是否填写正确。";
        return RuleId.CELL_UNIT.finding(location, message, raw);
    }
}
