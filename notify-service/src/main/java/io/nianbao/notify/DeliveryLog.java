package io.nianbao.notify;

import io.nianbao.events.AgencyLevel;
import io.nianbao.events.Channel;
import io.nianbao.events.Responsibility;
import io.nianbao.events.Severity;
import io.nianbao.notify.Notification.ReportFindings;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reports and findings seen, inbox entries and the delivery log, in PostgreSQL. Every write is
 * insert-if-absent on a natural key, so processing the same event twice changes nothing.
 */
public class DeliveryLog {

    enum State { PENDING, DIGEST, SENT, DEAD_LETTERED }

    public static final RowMapper<ReportInfo> REPORT = (rs, i) -> new ReportInfo(rs.getString("report_id"),
            rs.getString("agency_id"), rs.getString("agency_name"), AgencyLevel.valueOf(rs.getString("agency_level")),
            rs.getString("region_code"), (Integer) rs.getObject("year"), rs.getString("published_on"));

    public static final RowMapper<StoredFinding> FINDING = (rs, i) -> new StoredFinding(rs.getString("fingerprint"),
            rs.getString("rule_id"), Severity.valueOf(rs.getString("severity")),
            Responsibility.valueOf(rs.getString("responsibility")), rs.getString("location"), rs.getString("expected"),
            rs.getString("actual"), rs.getString("message"), rs.getString("evidence"));

    private static final RowMapper<Target> TARGET = (rs, i) -> new Target(rs.getString("inspector"),
            Channel.valueOf(rs.getString("channel")), rs.getString("address"));

    private final JdbcClient jdbc;
    private final NamedParameterJdbcOperations batches;

    public DeliveryLog(NamedParameterJdbcOperations jdbc) {
        this.jdbc = JdbcClient.create(jdbc);
        this.batches = jdbc;
    }

    /** Keeps the report (its latest metadata) and any finding not seen before. */
    void record(ReportInfo report, List<StoredFinding> findings, Instant validatedAt) {
        jdbc.sql("""
                        insert into report (report_id, agency_id, agency_name, agency_level, region_code, year, published_on, validated_at)
                        values (:id, :agency, :name, :level, :region, :year, :published, :validated)
                        on conflict (report_id) do update set agency_id = excluded.agency_id, agency_name = excluded.agency_name,
                            agency_level = excluded.agency_level, region_code = excluded.region_code, year = excluded.year,
                            published_on = excluded.published_on, validated_at = excluded.validated_at""")
                .param("id", report.reportId()).param("agency", report.agencyId()).param("name", report.agencyName())
                .param("level", report.agencyLevel().name()).param("region", report.regionCode())
                .param("year", report.year()).param("published", report.publishedOn())
                .param("validated", Timestamp.from(validatedAt))
                .update();
        batch("""
                        insert into finding (report_id, fingerprint, rule_id, severity, responsibility, location, expected, actual, message, evidence)
                        values (:report, :fp, :rule, :severity, :responsibility, :location, :expected, :actual, :message, :evidence)
                        on conflict do nothing""",
                findings.stream().map(f -> new MapSqlParameterSource()
                        .addValue("report", report.reportId()).addValue("fp", f.fingerprint()).addValue("rule", f.rule())
                        .addValue("severity", f.severity().name()).addValue("responsibility", f.responsibility().name())
                        .addValue("location", f.location()).addValue("expected", f.expected()).addValue("actual", f.actual())
                        .addValue("message", f.message()).addValue("evidence", f.evidence())).toList());
    }

    /** Puts each target's routed findings in its inbox and claims their delivery, unless already there. */
    void claim(String reportId, Map<Target, Router.Routed> routes, Instant now) {
        List<SqlParameterSource> inbox = new ArrayList<>();
        List<SqlParameterSource> claims = new ArrayList<>();
        routes.forEach((target, routed) -> {
            Map<State, List<StoredFinding>> byState = Map.of(State.PENDING, routed.immediate(), State.DIGEST, routed.digest());
            byState.forEach((state, findings) -> findings.forEach(f -> {
                inbox.add(new MapSqlParameterSource().addValue("inspector", target.inspector()).addValue("report", reportId)
                        .addValue("fp", f.fingerprint()).addValue("now", Timestamp.from(now)));
                claims.add(new MapSqlParameterSource(targetParams(target)).addValue("report", reportId).addValue("fp", f.fingerprint())
                        .addValue("state", state.name()).addValue("now", Timestamp.from(now)));
            }));
        });
        batch("""
                insert into inbox_entry (inspector, report_id, fingerprint, routed_at) values (:inspector, :report, :fp, :now)
                on conflict do nothing""", inbox);
        batch("""
                insert into delivery (inspector, channel, address, report_id, fingerprint, state, claimed_at)
                values (:inspector, :channel, :address, :report, :fp, :state, :now)
                on conflict do nothing""", claims);
    }

    /**
     * The report's findings claimed and not yet settled, by target: new findings, or those a crash
     * left between claim and settle.
     */
    Map<Target, List<StoredFinding>> pending(String reportId) {
        record Row(Target target, StoredFinding finding) {
        }
        List<Row> rows = jdbc.sql("""
                        select d.inspector, d.channel, d.address, f.* from delivery d join finding f using (report_id, fingerprint)
                        where d.report_id = :report and d.state = 'PENDING'
                        order by f.severity, f.rule_id, f.location""")
                .param("report", reportId)
                .query((rs, i) -> new Row(TARGET.mapRow(rs, i), FINDING.mapRow(rs, i)))
                .list();
        Map<Target, List<StoredFinding>> byTarget = new LinkedHashMap<>();
        rows.forEach(row -> byTarget.computeIfAbsent(row.target(), t -> new ArrayList<>()).add(row.finding()));
        return byTarget;
    }

    /** Marks the notification's findings delivered (or dead-lettered). */
    void settle(Notification notification, State state, Instant now) {
        batch("""
                        update delivery set state = :state, settled_at = :now
                        where inspector = :inspector and channel = :channel and address = :address
                          and report_id = :report and fingerprint = :fp and state in ('PENDING', 'DIGEST')""",
                notification.reports().stream().flatMap(report -> report.findings().stream()
                        .map(f -> new MapSqlParameterSource(targetParams(notification.target())).addValue("report", report.report().reportId())
                                .addValue("fp", f.fingerprint()).addValue("state", state.name())
                                .addValue("now", Timestamp.from(now)))).toList());
    }

    /** Targets with findings waiting for the digest. */
    List<Target> digestTargets() {
        return jdbc.sql("select distinct inspector, channel, address from delivery where state = 'DIGEST'")
                .query(TARGET).list();
    }

    /** The findings waiting for the target's digest, by report in the order they were validated. */
    List<ReportFindings> digestFor(Target target) {
        record Row(ReportInfo report, StoredFinding finding) {
        }
        List<Row> rows = jdbc.sql("""
                        select r.*, f.* from delivery d join finding f using (report_id, fingerprint) join report r using (report_id)
                        where d.inspector = :inspector and d.channel = :channel and d.address = :address and d.state = 'DIGEST'
                        order by r.validated_at, r.report_id, f.severity, f.rule_id, f.location""")
                .params(targetParams(target))
                .query((rs, i) -> new Row(REPORT.mapRow(rs, i), FINDING.mapRow(rs, i)))
                .list();
        Map<ReportInfo, List<StoredFinding>> byReport = new LinkedHashMap<>();
        rows.forEach(row -> byReport.computeIfAbsent(row.report(), r -> new ArrayList<>()).add(row.finding()));
        return byReport.entrySet().stream().map(e -> new ReportFindings(e.getKey(), List.copyOf(e.getValue()))).toList();
    }

    Optional<LocalDate> lastDigest(Target target) {
        return jdbc.sql("select last_sent_on from digest_run where inspector = :inspector and channel = :channel and address = :address")
                .params(targetParams(target)).query(LocalDate.class).optional();
    }

    void recordDigest(Target target, LocalDate day) {
        jdbc.sql("""
                        insert into digest_run (inspector, channel, address, last_sent_on) values (:inspector, :channel, :address, :day)
                        on conflict (inspector, channel, address) do update set last_sent_on = excluded.last_sent_on""")
                .params(targetParams(target)).param("day", day)
                .update();
    }

    /**
     * One statement, many rows: one round trip to the database instead of one per row (a report has
     * a handful of findings, each claimed for every target it is routed to).
     */
    private void batch(String sql, List<? extends SqlParameterSource> rows) {
        if (!rows.isEmpty()) {
            batches.batchUpdate(sql, rows.toArray(SqlParameterSource[]::new));
        }
    }

    private static Map<String, Object> targetParams(Target target) {
        return Map.of("inspector", target.inspector(), "channel", target.channel().name(), "address", target.address());
    }
}
