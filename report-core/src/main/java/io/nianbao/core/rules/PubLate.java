package io.nianbao.core.rules;

import io.nianbao.core.model.Finding;
import io.nianbao.core.model.ReportMetadata;

import java.time.LocalDate;
import java.util.List;

/** PUB-LATE: published after the deadline for the agency's level (and region, for townships). */
public final class PubLate implements ReportRule {

    @Override
    public RuleId id() { return RuleId.PUB_LATE; }

    @Override
    public List<Finding> check(RuleContext ctx) {
        ReportMetadata m = ctx.report().meta();
        if (m == null || m.publishedOn() == null || m.agencyLevel() == null || m.year() == null) {
            return List.of();
        }
        LocalDate deadline = ctx.deadlines().deadline(m.agencyLevel(), ctx.region(), m.year());
        if (!m.publishedOn().isAfter(deadline)) {
            return List.of();
        }
        return List.of(id().finding("meta.publishedOn", m.year() + "年度报告于" + Dates.chinese(m.publishedOn())
                + "发布，晚于规定的发布期限" + Dates.chinese(deadline) + "。", null));
    }
}
