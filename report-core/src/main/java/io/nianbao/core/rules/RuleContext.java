package io.nianbao.core.rules;

import io.nianbao.core.model.Finding;
import io.nianbao.core.model.ParsedReport;

import java.util.Objects;

/**
 * What a rule may look at: the report, and where known last year's report of the same agency,
 * the content hash of an earlier published version (XY-REVISED), the region (township deadlines)
 * and the deadline configuration.
 *
 * @param previous           last year's report of the same agency, or null
 * @param contentHash        hash of this document's content, or null
 * @param earlierContentHash hash of a version published earlier for the same agency and year, or null
 * @param region             region of the agency as named in the roster, or null
 */
public record RuleContext(ParsedReport report,
                          ParsedReport previous,
                          String contentHash,
                          String earlierContentHash,
                          String region,
                          DeadlinePolicy deadlines) {

    public RuleContext {
        Objects.requireNonNull(report, "report");
        deadlines = deadlines == null ? DeadlinePolicy.DEFAULT : deadlines;
    }

    public static RuleContext of(ParsedReport report) {
        return new RuleContext(report, null, null, null, null, DeadlinePolicy.DEFAULT);
    }

    public RuleContext withPrevious(ParsedReport lastYear) {
        return new RuleContext(report, lastYear, contentHash, earlierContentHash, region, deadlines);
    }

    public RuleContext withContentHashes(String current, String earlier) {
        return new RuleContext(report, previous, current, earlier, region, deadlines);
    }

    public RuleContext withRegion(String agencyRegion, DeadlinePolicy policy) {
        return new RuleContext(report, previous, contentHash, earlierContentHash, agencyRegion, policy);
    }

    /**
     * True when the parser already reported this cell (or its row, group or table) as unreadable,
     * misaligned or invalid: arithmetic on it would blame the agency for our reading.
     */
    boolean uncertain(String location) {
        if (report.parseFindings() == null) {
            return false;
        }
        for (Finding f : report.parseFindings()) {
            String at = f.location();
            if (at != null && (location.equals(at) || location.startsWith(at + "."))) {
                return true;
            }
        }
        return false;
    }

    /** True when the parser reported a problem with this location or with anything inside it. */
    boolean uncertainWithin(String location) {
        return uncertain(location) || report.parseFindings() != null && report.parseFindings().stream()
                .anyMatch(f -> f.location() != null && f.location().startsWith(location + "."));
    }
}
