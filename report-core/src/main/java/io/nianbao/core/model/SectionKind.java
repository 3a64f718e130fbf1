package io.nianbao.core.model;

/** The six sections of the template, in template order. */
public enum SectionKind {
    OVERVIEW("一", "总体情况"),
    PROACTIVE("二", "主动公开政府信息情况"),
    APPLICATIONS("三", "收到和处理政府信息公开申请情况"),
    REVIEW_LITIGATION("四", "政府信息公开行政复议、行政诉讼情况"),
    PROBLEMS("五", "存在的主要问题及改进情况"),
    OTHER_MATTERS("六", "其他需要报告的事项");

    private final String numeral;
    private final String templateTitle;

    SectionKind(String numeral, String templateTitle) {
        this.numeral = numeral;
        this.templateTitle = templateTitle;
    }

    public String numeral() { return numeral; }

    public String templateTitle() { return templateTitle; }

    /** The heading exactly as the template words it, e.g. "三、收到和处理政府信息公开申请情况". */
    public String templateHeading() { return numeral + "、" + templateTitle; }
}
