package io.nianbao.core.rules;

import io.nianbao.core.model.Finding;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/**
 * PUB-MISSING: an agency on the roster has published no report for year N once its deadline has
 * passed. A pure function of its inputs; remembering that the finding was already emitted is the
 * caller's business.
 */
public final class PubMissing {

    private final DeadlinePolicy deadlines;

    public PubMissing(DeadlinePolicy deadlines) {
        this.deadlines = deadlines;
    }

    /** The finding when the deadline for {@code year} is past ("today" from the clock) and no report was seen. */
    public Optional<Finding> check(RosterEntry entry, int year, Set<ReportKey> seen, Clock clock) {
        LocalDate deadline = deadlines.deadline(entry.level(), entry.region(), year);
        LocalDate today = LocalDate.now(clock);
        if (!today.isAfter(deadline) || seen.contains(new ReportKey(entry.agency(), year))) {
            return Optional.empty();
        }
        return Optional.of(RuleId.PUB_MISSING.finding("meta", entry.agency() + "未在规定期限（" + Dates.chinese(deadline)
                + "）前发布" + year + "年政府信息公开工作年度报告。", null));
    }
}
