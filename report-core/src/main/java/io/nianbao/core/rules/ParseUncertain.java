package io.nianbao.core.rules;

import io.nianbao.core.model.Finding;
import io.nianbao.core.model.Responsibility;
import io.nianbao.core.model.Severity;

/**
 * PARSE-UNCERTAIN: the parser could not read a value with certainty (split digits, OCR noise).
 * The value is left null; the report needs a human look and the agency is not blamed.
 */
public final class ParseUncertain {

    public static final String ID = "PARSE-UNCERTAIN";

    private ParseUncertain() {
    }

    /** @param raw the cell as extracted */
    public static Finding of(String location, String raw) {
        String message = "系统未能准确识别单元格" + location + "的数值（原文为“" + raw + "”），该值按空白处理，请人工核对原文。";
        return new Finding(ID, Severity.WARNING, Responsibility.SYSTEM, location, null, null, message, raw);
    }
}
