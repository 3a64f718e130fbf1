package io.nianbao.notify.web;

import io.nianbao.notify.Words;
import io.nianbao.core.rules.RuleId;
import io.nianbao.notify.Regions;
import io.nianbao.events.Severity;
import io.nianbao.notify.DeliveryLog;
import io.nianbao.notify.ReportInfo;
import io.nianbao.notify.StoredFinding;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/** Queries of the inbox page: an inspector's entries by page, their acknowledgement, and counts for the chart. */
@Component
public class Inbox {

    public enum Status { NEW, ACKNOWLEDGED }

    /** Reports per page: a report's findings stay together on one page, so that it can be acknowledged whole. */
    static final int REPORTS_PER_PAGE = 20;

    /** Dates on the page are Beijing's, as the reports' are. */

    /**
     * The page's filters, named as the page's query parameters; null (or blank) means any.
     *
     * @param region        行政区划 code prefix
     * @param agency        agency id, exactly
     * @param name          part of the agency's name or id, in any case
     * @param rule          rule id
     * @param publishedFrom first day of publication (reports without a publication date then do not match)
     * @param validatedFrom first day the report was validated
     */
    public record Filter(String reportId, String region, String agency, String name, String rule, Severity severity,
                         Status status,
                         @DateTimeFormat(iso = ISO.DATE) LocalDate publishedFrom, @DateTimeFormat(iso = ISO.DATE) LocalDate publishedTo,
                         @DateTimeFormat(iso = ISO.DATE) LocalDate validatedFrom, @DateTimeFormat(iso = ISO.DATE) LocalDate validatedTo) {

        public Filter {
            reportId = blankToNull(reportId);
            region = blankToNull(region);
            agency = blankToNull(agency);
            name = blankToNull(name);
            rule = blankToNull(rule);
        }

        /** The one report a notification links to, unfiltered. */
        static Filter ofReport(String reportId) {
            return new Filter(reportId, null, null, null, null, null, null, null, null, null, null);
        }

        /**
         * The query string ("?region=32&page=2", or "" for none) of this filter's view at {@code page}
         * (null: the first), every page selected when {@code selectAll}. The report id travels in the path.
         */
        public String query(Integer page, boolean selectAll) {
            StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
            Map<String, Object> parameters = new LinkedHashMap<>();
            parameters.put("region", region);
            parameters.put("agency", agency);
            parameters.put("name", name);
            parameters.put("rule", rule);
            parameters.put("severity", severity);
            parameters.put("status", status);
            parameters.put("publishedFrom", publishedFrom);
            parameters.put("publishedTo", publishedTo);
            parameters.put("validatedFrom", validatedFrom);
            parameters.put("validatedTo", validatedTo);
            parameters.put("page", page);
            parameters.put("select", selectAll ? "all" : null);
            parameters.forEach((key, value) -> {
                if (value != null) {
                    query.add(key + "=" + URLEncoder.encode(value.toString(), StandardCharsets.UTF_8));
                }
            });
            return query.toString();
        }

        private static String blankToNull(String text) {
            return StringUtils.hasText(text) ? text.trim() : null;
        }
    }

    /** @param resolvedBy the later report that no longer has the finding (or that a PUB-MISSING notice awaited), or null */
    public record Entry(StoredFinding finding, Instant acknowledgedAt, String resolvedBy) {
        public boolean acknowledged() {
            return acknowledgedAt != null;
        }

        public boolean resolved() {
            return resolvedBy != null;
        }
    }

    public record ReportEntries(ReportInfo report, List<Entry> entries) {

        /** validate-service's notice that the agency published no report: there is no document. */
        public boolean missingNotice() {
            return report.reportId().startsWith(DeliveryLog.MISSING_NOTICE);
        }

        public boolean allAcknowledged() {
            return entries.stream().allMatch(Entry::acknowledged);
        }
    }

    /** One page of the reports that pass the filter, and where it is among them. */
    public record Page(Pagination pagination, List<ReportEntries> reports) {
    }

    /** An inbox entry as the page names it in a form: "reportId fingerprint" (a fingerprint is hex, a report id may hold anything). */
    public record EntryKey(String reportId, String fingerprint) {

        static EntryKey parse(String value) {
            int space = value == null ? -1 : value.lastIndexOf(' ');
            if (space <= 0 || space == value.length() - 1) {
                throw new IllegalArgumentException("not a report id and a fingerprint: " + value);
            }
            return new EntryKey(value.substring(0, space), value.substring(space + 1));
        }

        public String value() {
            return reportId + ' ' + fingerprint;
        }
    }

    public record Count(String label, long count) {
    }

    private static final String ENTRIES = " from inbox_entry e join finding f using (report_id, fingerprint) join report r using (report_id) ";

    private final JdbcClient jdbc;

    Inbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The page {@code requested} (null: the first) of the inspector's reports with entries that pass
     * the filter, newest report first, each with those entries.
     */
    Page page(String inspector, Filter filter, Integer requested) {
        Conditions where = Conditions.of(inspector, filter);
        record Totals(long reports, long findings) {
        }
        Totals totals = jdbc.sql("select count(distinct r.report_id) as reports, count(*) as findings" + ENTRIES + where.sql())
                .params(where.params()).query(Totals.class).single();
        Pagination pagination = Pagination.of(requested, REPORTS_PER_PAGE, totals.reports(), totals.findings());
        Map<ReportInfo, List<Entry>> byReport = new LinkedHashMap<>();
        jdbc.sql("select r.*, f.*, e.acknowledged_at" + ENTRIES + where.sql()
                        + " and r.report_id in (select r.report_id" + ENTRIES + where.sql()
                        + " group by r.report_id, r.validated_at order by r.validated_at desc, r.report_id limit :limit offset :offset)"
                        + " order by r.validated_at desc, r.report_id, f.severity, f.rule_id, f.location")
                .params(where.params()).param("limit", pagination.pageSize()).param("offset", pagination.offset())
                .query((rs, i) -> {
                    Timestamp acknowledged = rs.getTimestamp("acknowledged_at");
                    byReport.computeIfAbsent(DeliveryLog.REPORT.mapRow(rs, i), r -> new ArrayList<>())
                            .add(new Entry(DeliveryLog.FINDING.mapRow(rs, i), acknowledged == null ? null : acknowledged.toInstant(),
                                    rs.getString("resolved_by")));
                    return null;
                })
                .list();
        return new Page(pagination, byReport.entrySet().stream().map(e -> new ReportEntries(e.getKey(), e.getValue())).toList());
    }

    /** The filter as SQL conditions on inbox_entry e, finding f and report r, every value a parameter. */
    private static final class Conditions {

        private final StringBuilder sql = new StringBuilder("where e.inspector = :inspector");
        private final Map<String, Object> params = new LinkedHashMap<>();

        static Conditions of(String inspector, Filter filter) {
            Conditions where = new Conditions();
            where.params.put("inspector", inspector);
            where.add("r.report_id = :report", "report", filter.reportId());
            where.add("r.region_code like :region", "region", filter.region() == null ? null : escapeLike(filter.region()) + "%");
            where.add("r.agency_id = :agency", "agency", filter.agency());
            where.add("(r.agency_name ilike :name or r.agency_id ilike :name)", "name",
                    filter.name() == null ? null : "%" + escapeLike(filter.name()) + "%");
            where.add("f.rule_id = :rule", "rule", filter.rule());
            where.add("f.severity = :severity", "severity", filter.severity() == null ? null : filter.severity().name());
            if (filter.status() != null) {
                where.sql.append(filter.status() == Status.NEW ? " and e.acknowledged_at is null" : " and e.acknowledged_at is not null");
            }
            // ISO dates compare as text; a report without one matches no range.
            where.add("r.published_on >= :publishedFrom", "publishedFrom", filter.publishedFrom() == null ? null : filter.publishedFrom().toString());
            where.add("r.published_on <= :publishedTo", "publishedTo", filter.publishedTo() == null ? null : filter.publishedTo().toString());
            where.add("r.validated_at >= :validatedFrom", "validatedFrom", startOf(filter.validatedFrom()));
            where.add("r.validated_at < :validatedBefore", "validatedBefore",
                    startOf(filter.validatedTo() == null ? null : filter.validatedTo().plusDays(1)));
            return where;
        }

        private void add(String clause, String name, Object value) {
            if (value != null) {
                sql.append(" and ").append(clause);
                params.put(name, value);
            }
        }

        String sql() {
            return sql.toString();
        }

        Map<String, Object> params() {
            return params;
        }
    }

    /** {@code text} matched literally by LIKE: its wildcards and the escape character escaped. */
    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static Timestamp startOf(LocalDate day) {
        return day == null ? null : Timestamp.from(day.atStartOfDay(Words.BEIJING).toInstant());
    }

    /** Acknowledges the inspector's entries among {@code keys} not yet acknowledged, in one statement; returns how many. */
    int acknowledge(String inspector, Collection<EntryKey> keys, Instant now) {
        if (keys.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                        update inbox_entry e set acknowledged_at = :now
                        from unnest(cast(:reports as text[]), cast(:fingerprints as text[])) as k(report_id, fingerprint)
                        where e.inspector = :inspector and e.report_id = k.report_id and e.fingerprint = k.fingerprint
                          and e.acknowledged_at is null""")
                .param("now", Timestamp.from(now)).param("inspector", inspector)
                // Two array parameters, not one placeholder per key: one statement text whatever the selection.
                .param("reports", keys.stream().map(EntryKey::reportId).toArray(String[]::new))
                .param("fingerprints", keys.stream().map(EntryKey::fingerprint).toArray(String[]::new))
                .update();
    }

    /** Acknowledges every entry of the report in the inspector's inbox, whatever the page's filter shows; returns how many. */
    int acknowledgeReport(String inspector, String reportId, Instant now) {
        return jdbc.sql("""
                        update inbox_entry set acknowledged_at = :now
                        where inspector = :inspector and report_id = :report and acknowledged_at is null""")
                .param("now", Timestamp.from(now)).param("inspector", inspector).param("report", reportId)
                .update();
    }

    /** The rule ids of the findings in the inspector's inbox, for the rule filter's choices. */
    List<String> rules(String inspector) {
        return jdbc.sql("select distinct f.rule_id" + ENTRIES + "where e.inspector = :inspector order by 1")
                .param("inspector", inspector).query(String.class).list();
    }

    /** The latest report year in the inspector's inbox. */
    Optional<Integer> latestYear(String inspector) {
        return jdbc.sql("""
                        select max(r.year) from inbox_entry e join report r using (report_id) where e.inspector = :inspector""")
                .param("inspector", inspector).query(Integer.class).optional();
    }

    /** Findings in the inspector's inbox for reports of {@code year}, counted by rule id (its id and name). */
    List<Count> perRule(String inspector, int year) {
        return counts("f.rule_id", inspector, year).stream().map(c -> new Count(RuleId.labelOf(c.label()), c.count())).toList();
    }

    /** Likewise by region, named ({@link Regions#label}: 未知地区 when the report has none). */
    List<Count> perRegion(String inspector, int year, Regions regions) {
        return counts("r.region_code", inspector, year).stream().map(c -> new Count(regions.label(c.label()), c.count())).toList();
    }

    private List<Count> counts(String label, String inspector, int year) {
        return jdbc.sql("select " + label + " as label, count(*) as count" + ENTRIES
                        + "where e.inspector = :inspector and r.year = :year group by 1 order by 2 desc, 1")
                .param("inspector", inspector).param("year", year)
                .query(Count.class).list();
    }
}
