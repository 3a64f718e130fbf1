package io.nianbao.validate;

import io.nianbao.core.model.Finding;
import io.nianbao.core.rules.DeadlinePolicy;
import io.nianbao.core.rules.PubMissing;
import io.nianbao.core.rules.ReportKey;
import io.nianbao.core.rules.Roster;
import io.nianbao.core.rules.RosterEntry;
import io.nianbao.core.rules.RuleContext;
import io.nianbao.core.rules.RuleEngine;
import io.nianbao.events.ReportParsed;
import io.nianbao.events.ReportValidated;
import io.nianbao.service.ReportEvents;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The rule catalog of report-core applied to events: one report with what the history knows
 * (last year's report, the hash of the version published before), or one roster agency's
 * deadline. Stateless; the stores are {@link ValidateProcessor}'s business.
 */
public final class Validation {

    private final RuleEngine rules;
    private final Roster roster;
    private final DeadlinePolicy deadlines;
    private final PubMissing pubMissing;
    private final Clock clock;

    public Validation(RuleEngine rules, Roster roster, DeadlinePolicy deadlines, Clock clock) {
        this.rules = rules;
        this.roster = roster;
        this.deadlines = deadlines;
        this.pubMissing = new PubMissing(deadlines);
        this.clock = clock;
    }

    /**
     * @param lastYear    the agency's report for the year before, or null
     * @param earlierHash content hash of the version of this report published before it, or null
     */
    public ReportValidated validate(ReportParsed report, ReportParsed lastYear, String earlierHash) {
        RuleContext context = RuleContext.of(ReportEvents.toModel(report))
                .withPrevious(lastYear == null ? null : ReportEvents.toModel(lastYear))
                .withContentHashes(report.getSha256(), earlierHash)
                .withRegion(roster.regionOf(report.getAgencyId()), deadlines);
        return validated(report, rules.run(context));
    }

    /** PUB-MISSING for a roster agency's year, when its deadline is past (clock) and nothing was published. */
    public Optional<ReportValidated> missing(String agencyId, int year, boolean published) {
        RosterEntry entry = roster.entry(agencyId);
        if (entry == null) {
            return Optional.empty();
        }
        Set<ReportKey> seen = published ? Set.of(new ReportKey(entry.agency(), year)) : Set.of();
        return pubMissing.check(entry, year, seen, clock).map(finding -> {
            ReportParsed nothing = ReportParsed.newBuilder()
                    .setReportId(missingReportId(agencyId, year))
                    .setAgencyId(agencyId)
                    .setAgencyName(entry.agency())
                    .setAgencyLevel(ReportEvents.levelOf(entry.level()))
                    .setYear(year)
                    .setSha256("")
                    .setSections(List.of())
                    .build();
            return validated(nothing, List.of(finding));
        });
    }

    /** The report id of a PUB-MISSING notice: there is no report, so one per agency and year. */
    public static String missingReportId(String agencyId, int year) {
        return "missing:" + agencyId + ":" + year;
    }

    private ReportValidated validated(ReportParsed report, List<Finding> findings) {
        return ReportValidated.newBuilder()
                .setReportId(report.getReportId())
                .setAgencyId(report.getAgencyId())
                .setAgencyName(report.getAgencyName())
                .setAgencyLevel(report.getAgencyLevel())
                .setRegionCode(report.getRegionCode())
                .setYear(report.getYear())
                .setPublishedOn(report.getPublishedOn())
                .setDocumentUrl(report.getDocumentUrl())
                .setTemplate(report.getTemplate())
                .setFindings(findings.stream().map(ReportEvents::toEvent).toList())
                .setValidatedAt(clock.instant())
                .build();
    }
}
