package io.nianbao.core.rules;

import io.nianbao.core.model.Finding;
import io.nianbao.core.model.ParsedReport;
import io.nianbao.core.model.Section;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a rule may look at: the report, and where known last year's report of the same agency,
 * the content hash of an earlier published version (XY-REVISED), the region (township deadlines)
 * and the deadline configuration. One context serves one run of the rules, on one thread: it
 * keeps the sentences of each section once cut, as five rules read them.
 */
public final class RuleContext {

    private final ParsedReport report;
    private final ParsedReport previous;
    private final String contentHash;
    private final String earlierContentHash;
    private final String region;
    private final DeadlinePolicy deadlines;
    private final Map<Section, List<String>> sentences = new IdentityHashMap<>();

    /**
     * @param previous           last year's report of the same agency, or null
     * @param contentHash        hash of this document's content, or null
     * @param earlierContentHash hash of a version published earlier for the same agency and year, or null
     * @param region             region of the agency as named in the roster, or null
     */
    public RuleContext(ParsedReport report, ParsedReport previous, String contentHash, String earlierContentHash,
                       String region, DeadlinePolicy deadlines) {
        this.report = Objects.requireNonNull(report, "report");
        this.previous = previous;
        this.contentHash = contentHash;
        this.earlierContentHash = earlierContentHash;
        this.region = region;
        this.deadlines = deadlines == null ? DeadlinePolicy.DEFAULT : deadlines;
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

    public ParsedReport report() {
        return report;
    }

    public ParsedReport previous() {
        return previous;
    }

    public String contentHash() {
        return contentHash;
    }

    public String earlierContentHash() {
        return earlierContentHash;
    }

    public String region() {
        return region;
    }

    public DeadlinePolicy deadlines() {
        return deadlines;
    }

    /** The sentences of one of the report's sections ({@link Prose#sentences}), cut on first use. */
    List<String> sentences(Section section) {
        return sentences.computeIfAbsent(section, s -> Prose.sentences(s.text()));
    }

    /**
     * True when the parser already reported this cell (or its row, group or table) as unreadable,
     * misaligned or invalid: arithmetic on it would blame the agency for our reading.
     */
    boolean uncertain(String location) {
        return uncertain(report.parseFindings(), location);
    }

    /** Whether one of {@code parseFindings} stands on {@code location} or on a part of the report holding it. */
    static boolean uncertain(List<Finding> parseFindings, String location) {
        if (parseFindings == null) {
            return false;
        }
        for (Finding f : parseFindings) {
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
