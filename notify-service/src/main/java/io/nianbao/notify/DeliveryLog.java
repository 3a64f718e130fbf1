package io.nianbao.notify;

import io.nianbao.events.AgencyLevel;
import io.nianbao.events.Channel;
import io.nianbao.events.Responsibility;
import io.nianbao.events.Severity;
import io.nianbao.notify.Notification.ReportFindings;
import org.springframework.jdbc.core.RowMapper;
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

    private final JdbcClient jdbc;

    public DeliveryLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
        for (StoredFinding f : findings) {
            jdbc.sql("""
                            insert into finding (report_id, fingerprint, rule_id, severity, responsibility, location, expected, actual, message, evidence)
                            values (:report, :fp, :rule, :severity, :responsibility, :location, :expected, :actual, :message, :evidence)
                            on conflict do nothing""")
                    .param("report", report.reportId()).param("fp", f.fingerprint()).param("rule", f.rule())
                    .param("severity", f.severity().name()).param("responsibility", f.responsibility().name())
                    .param("location", f.location()).param("expected", f.expected()).param("actual", f.actual())
                    .param("message", f.message()).param("evidence", f.evidence())
                    .update();
        }
    }

    /** Puts the routed findings in the target's inbox and claims their delivery, unless already there. */
    void claim(Target target, String reportId, Router.Routed routed, Instant now) {
        claim(target, reportId, routed.immediate(), State.PENDING, now);
        claim(target, reportId, routed.digest(), State.DIGEST, now);
    }

    private void claim(Target target, String reportId, List<StoredFinding> findings, State state, Instant now) {
        for (StoredFinding f : findings) {
            jdbc.sql("""
                            insert into inbox_entry (inspector, report_id, fingerprint, routed_at) values (:inspector, :report, :fp, :now)
                            on conflict do nothing""")
                    .param("inspector", target.inspector()).param("report", reportId).param("fp", f.fingerprint())
                    .param("now", Timestamp.from(now))
                    .update();
            jdbc.sql("""
                            insert into delivery (inspector, channel, address, report_id, fingerprint, state, claimed_at)
                            values (:inspector, :channel, :address, :report, :fp, :state, :now)
                            on conflict do nothing""")
                    .params(targetParams(target)).param("report", reportId).param("fp", f.fingerprint())
                    .param("state", state.name()).param("now", Timestamp.from(now))
                    .update();
        }
    }

    /** Claimed and not yet settled: new findings, or those a crash left between claim and settle. */
    List<StoredFinding> pending(Target target, String reportId) {
        return jdbc.sql("""
                        select f.* from delivery d join finding f using (report_id, fingerprint)
                        where d.inspector = :inspector and d.channel = :channel and d.address = :address
                          and d.report_id = :report and d.state = 'PENDING'
                        order by f.severity, f.rule_id, f.location""")
                .params(targetParams(target)).param("report", reportId)
                .query(FINDING).list();
    }

    /** Marks the notification's findings delivered (or dead-lettered). */
    void settle(Notification notification, State state, Instant now) {
        for (ReportFindings report : notification.reports()) {
            for (StoredFinding f : report.findings()) {
                jdbc.sql("""
                                update delivery set state = :state, settled_at = :now
                                where inspector = :inspector and channel = :channel and address = :address
                                  and report_id = :report and fingerprint = :fp and state in ('PENDING', 'DIGEST')""")
                        .params(targetParams(notification.target())).param("report", report.report().reportId())
                        .param("fp", f.fingerprint()).param("state", state.name()).param("now", Timestamp.from(now))
                        .update();
            }
        }
    }

    /** Targets with findings waiting for the digest. */
    List<Target> digestTargets() {
        return jdbc.sql("select distinct inspector, channel, address from delivery where state = 'DIGEST'")
                .query((rs, i) -> new Target(rs.getString("inspector"), Channel.valueOf(rs.getString("channel")),
                        rs.getString("address")))
                .list();
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

    private static Map<String, Object> targetParams(Target target) {
        return Map.of("inspector", target.inspector(), "channel", target.channel().name(), "address", target.address());
    }
}
