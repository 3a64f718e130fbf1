package io.nianbao.notify.web;

/**
 * Whether an agency published its report for a year, as the overview and the circular's annex say
 * it. An agency is called 未发布 only on validate-service's PUB-MISSING notice (its deadline past,
 * nothing seen); before that, or without a roster deadline, it is 尚未发布, never accused.
 */
public enum Publication {
    /** A report was seen and none of the year's reports has PUB-LATE. */
    ON_TIME("按时", "ok"),
    /** A report of the year has a PUB-LATE finding. */
    LATE("逾期", "late"),
    /** No report, and an unresolved PUB-MISSING notice. */
    MISSING("未发布", "missing"),
    /** No report and no notice: not yet due, or not yet checked. */
    NOT_YET("尚未发布", "");

    private final String label;
    private final String badge;

    Publication(String label, String badge) {
        this.label = label;
        this.badge = badge;
    }

    public String label() {
        return label;
    }

    /** The class of its badge in inbox.css. */
    public String badge() {
        return badge;
    }
}
