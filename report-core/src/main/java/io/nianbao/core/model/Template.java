package io.nianbao.core.model;

/** The national template version a report's tables follow. */
public enum Template {
    /** 国办公开办函〔2019〕60号, for report years 2019 and 2020. */
    GB2019,
    /** 国办公开办函〔2021〕30号, for report years 2021 onward. */
    GB2021;

    /** The template a report for {@code year} must follow. */
    public static Template requiredFor(int year) {
        return year >= 2021 ? GB2021 : GB2019;
    }
}
