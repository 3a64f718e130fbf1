package io.nianbao.core.rules;

import java.time.LocalDate;

/** Dates as an inspector writes them. */
final class Dates {

    private Dates() {
    }

    /** "2024年1月31日" */
    static String chinese(LocalDate d) {
        return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }
}
