package io.nianbao.notify.web;

import io.nianbao.events.Severity;
import io.nianbao.notify.DeliveryLog;
import io.nianbao.notify.ReportInfo;
import io.nianbao.notify.StoredFinding;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Queries of the inbox page: an inspector's entries, their acknowledgement, and counts for the chart. */
@Component
public class Inbox {

    public enum Status { NEW, ACKNOWLEDGED }

    /** The page's filters; null means any. */
    public record Filter(String reportId, String region, String agencyId, String ruleId, Severity severity, Status status) {
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
    }

    public record Count(String label, long count) {
    }

    static final int MAX_ENTRIES = 500;

    private final JdbcClient jdbc;

    Inbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The inspector's entries that pass the filter, newest report first, grouped by report. */
    List<ReportEntries> entries(String inspector, Filter filter) {
        StringBuilder sql = new StringBuilder("""
                select r.*, f.*, e.acknowledged_at, f.resolved_by from inbox_entry e
                join finding f using (report_id, fingerprint) join report r using (report_id)
                where e.inspector = :inspector""");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("inspector", inspector);
        condition(sql, params, "r.report_id = :report", "report", filter.reportId());
        condition(sql, params, "r.region_code like :region", "region", filter.region() == null ? null : filter.region() + "%");
        condition(sql, params, "r.agency_id = :agency", "agency", filter.agencyId());
        condition(sql, params, "f.rule_id = :rule", "rule", filter.ruleId());
        condition(sql, params, "f.severity = :severity", "severity", filter.severity() == null ? null : filter.severity().name());
        if (filter.status() != null) {
            sql.append(filter.status() == Status.NEW ? " and e.acknowledged_at is null" : " and e.acknowledged_at is not null");
        }
        sql.append(" order by r.validated_at desc, r.report_id, f.severity, f.rule_id, f.location limit " + MAX_ENTRIES);
        Map<ReportInfo, List<Entry>> byReport = new LinkedHashMap<>();
        jdbc.sql(sql.toString()).params(params)
                .query((rs, i) -> {
                    Timestamp acknowledged = rs.getTimestamp("acknowledged_at");
                    byReport.computeIfAbsent(DeliveryLog.REPORT.mapRow(rs, i), r -> new ArrayList<>())
                            .add(new Entry(DeliveryLog.FINDING.mapRow(rs, i), acknowledged == null ? null : acknowledged.toInstant(),
                                    rs.getString("resolved_by")));
                    return null;
                })
                .list();
        return byReport.entrySet().stream().map(e -> new ReportEntries(e.getKey(), e.getValue())).toList();
    }

    private static void condition(StringBuilder sql, Map<String, Object> params, String clause, String name, Object value) {
        if (value != null) {
            sql.append(" and ").append(clause);
            params.put(name, value);
        }
    }

    boolean acknowledge(String inspector, String reportId, String fingerprint, Instant now) {
        return jdbc.sql("""
                        update inbox_entry set acknowledged_at = :now
                        where inspector = :inspector and report_id = :report and fingerprint = :fp and acknowledged_at is null""")
                .param("now", Timestamp.from(now)).param("inspector", inspector).param("report", reportId)
                .param("fp", fingerprint)
                .update() > 0;
    }

    /** The latest report year in the inspector's inbox. */
    Optional<Integer> latestYear(String inspector) {
        return jdbc.sql("""
                        select max(r.year) from inbox_entry e join report r using (report_id) where e.inspector = :inspector""")
                .param("inspector", inspector).query(Integer.class).optional();
    }

    /** Findings in the inspector's inbox for reports of {@code year}, counted by rule id. */
    List<Count> perRule(String inspector, int year) {
        return counts("f.rule_id", inspector, year);
    }

    /** Likewise by 行政区划 code ("未知" when the report has none). */
    List<Count> perRegion(String inspector, int year) {
        return counts("coalesce(r.region_code, '未知')", inspector, year);
    }

    private List<Count> counts(String label, String inspector, int year) {
        return jdbc.sql("select " + label + " as label, count(*) as count from inbox_entry e "
                        + "join finding f using (report_id, fingerprint) join report r using (report_id) "
                        + "where e.inspector = :inspector and r.year = :year group by 1 order by 2 desc, 1")
                .param("inspector", inspector).param("year", year)
                .query(Count.class).list();
    }
}
