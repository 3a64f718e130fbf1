package io.nianbao.notify;

import io.nianbao.events.AgencyLevel;
import io.nianbao.events.Channel;
import io.nianbao.events.Responsibility;
import io.nianbao.events.Severity;
import io.nianbao.events.Template;
import io.nianbao.notify.Notification.ReportFindings;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Reports and findings seen, inbox entries and the delivery log, in PostgreSQL. Every write is
 * insert-if-absent on a natural key, so processing the same event twice changes nothing.
 */
public class DeliveryLog {

    enum State { PENDING, DIGEST, GROUPED, RETRYING, SENT, DEAD_LETTERED }

    public static final RowMapper<ReportInfo> REPORT = (rs, i) -> new ReportInfo(rs.getString("report_id"),
            rs.getString("agency_id"), rs.getString("agency_name"), AgencyLevel.valueOf(rs.getString("agency_level")),
            rs.getString("region_code"), (Integer) rs.getObject("year"), rs.getString("published_on"),
            rs.getString("document_url"), rs.getString("template") == null ? null : Template.valueOf(rs.getString("template")));

    public static final RowMapper<StoredFinding> FINDING = (rs, i) -> new StoredFinding(rs.getString("fingerprint"),
            rs.getString("rule_id"), Severity.valueOf(rs.getString("severity")),
            Responsibility.valueOf(rs.getString("responsibility")), rs.getString("location"), rs.getString("expected"),
            rs.getString("actual"), rs.getString("message"), rs.getString("evidence"));

    private static final RowMapper<Target> TARGET = (rs, i) -> new Target(rs.getString("inspector"),
            Channel.valueOf(rs.getString("channel")), rs.getString("address"));

    private final JdbcClient jdbc;
    private final NamedParameterJdbcOperations batches;
    private final UnaryOperator<String> regionLabel;

    /** @param regionLabel names a region code in a group's title */
    public DeliveryLog(NamedParameterJdbcOperations jdbc, UnaryOperator<String> regionLabel) {
        this.jdbc = JdbcClient.create(jdbc);
        this.batches = jdbc;
        this.regionLabel = regionLabel;
    }

    /**
     * A report of a poll as it is recorded: its metadata, its findings (each once), when it was
     * validated, and which of them are routed to whom.
     */
    record RoutedReport(ReportInfo report, List<StoredFinding> findings, Instant validatedAt, Map<Target, Router.Routed> routes) {
    }

    /**
     * Keeps each report (its latest metadata: a report given twice keeps the later) and any finding
     * not seen before; puts each target's routed findings in its inbox and claims their delivery,
     * unless already there. Four statements whatever the number of reports.
     */
    void recordAndClaim(List<RoutedReport> reports, Instant now) {
        Map<String, RoutedReport> latest = new LinkedHashMap<>();
        reports.forEach(r -> latest.put(r.report().reportId(), r));
        // One row per report id: a multi-row upsert must not touch a row twice.
        batch("""
                        insert into report (report_id, agency_id, agency_name, agency_level, region_code, year, published_on,
                                            document_url, template, validated_at)
                        values (:id, :agency, :name, :level, :region, :year, :published, :documentUrl, :template, :validated)
                        on conflict (report_id) do update set agency_id = excluded.agency_id, agency_name = excluded.agency_name,
                            agency_level = excluded.agency_level, region_code = excluded.region_code, year = excluded.year,
                            published_on = excluded.published_on, document_url = excluded.document_url, template = excluded.template,
                            validated_at = excluded.validated_at""",
                latest.values().stream().map(r -> new MapSqlParameterSource()
                        .addValue("id", r.report().reportId()).addValue("agency", r.report().agencyId())
                        .addValue("name", r.report().agencyName()).addValue("level", r.report().agencyLevel().name())
                        .addValue("region", r.report().regionCode()).addValue("year", r.report().year())
                        .addValue("published", r.report().publishedOn()).addValue("documentUrl", r.report().documentUrl())
                        .addValue("template", r.report().template() == null ? null : r.report().template().name())
                        .addValue("validated", Timestamp.from(r.validatedAt())))
                        .toList());
        List<SqlParameterSource> findings = new ArrayList<>();
        List<SqlParameterSource> inbox = new ArrayList<>();
        List<SqlParameterSource> claims = new ArrayList<>();
        Map<List<Object>, SqlParameterSource> groups = new LinkedHashMap<>();
        Timestamp claimedAt = Timestamp.from(now);
        for (RoutedReport r : reports) {
            String reportId = r.report().reportId();
            r.findings().forEach(f -> findings.add(new MapSqlParameterSource()
                    .addValue("report", reportId).addValue("fp", f.fingerprint()).addValue("rule", f.rule())
                    .addValue("severity", f.severity().name()).addValue("responsibility", f.responsibility().name())
                    .addValue("location", f.location()).addValue("expected", f.expected()).addValue("actual", f.actual())
                    .addValue("message", f.message()).addValue("evidence", f.evidence())));
            r.routes().forEach((target, routed) -> {
                Grouping grouping = routed.grouping();
                routed.immediate().forEach(f -> {
                    Grouping.Group group = grouping == null ? null : grouping.groupOf(r.report(), f, regionLabel);
                    claims.add(claim(target, reportId, f, group == null ? State.PENDING : State.GROUPED,
                            group == null ? null : group.key(), claimedAt));
                    if (group != null) {
                        groups.putIfAbsent(List.of(target, group.key()), new MapSqlParameterSource(targetParams(target))
                                .addValue("key", group.key()).addValue("title", group.title()).addValue("now", claimedAt)
                                .addValue("waitMs", grouping.groupWait().toMillis()).addValue("intervalMs", grouping.groupInterval().toMillis())
                                .addValue("repeatMs", grouping.repeatInterval() == null ? null : grouping.repeatInterval().toMillis()));
                    }
                });
                routed.digest().forEach(f -> claims.add(claim(target, reportId, f, State.DIGEST, null, claimedAt)));
                // Inhibited findings are listed in the inbox, and claimed by no notification.
                Stream.of(routed.immediate(), routed.digest(), routed.inhibited()).flatMap(List::stream).forEach(f ->
                        inbox.add(new MapSqlParameterSource().addValue("inspector", target.inspector()).addValue("report", reportId)
                                .addValue("fp", f.fingerprint()).addValue("now", claimedAt)));
            });
        }
        batch("""
                        insert into finding (report_id, fingerprint, rule_id, severity, responsibility, location, expected, actual, message, evidence)
                        values (:report, :fp, :rule, :severity, :responsibility, :location, :expected, :actual, :message, :evidence)
                        on conflict do nothing""", findings);
        batch("""
                insert into inbox_entry (inspector, report_id, fingerprint, routed_at) values (:inspector, :report, :fp, :now)
                on conflict do nothing""", inbox);
        batch("""
                insert into delivery (inspector, channel, address, report_id, fingerprint, state, claimed_at, group_key)
                values (:inspector, :channel, :address, :report, :fp, :state, :now, :group)
                on conflict do nothing""", claims);
        // A new group is due group_wait after its first finding; one already sent, at its next
        // group_interval, or now when that has passed; one already due stays due when it was.
        batch("""
                insert into notification_group (inspector, channel, address, group_key, title, group_interval_ms,
                                                repeat_interval_ms, created_at, next_flush_at)
                values (:inspector, :channel, :address, :key, :title, :intervalMs, :repeatMs, :now,
                        cast(:now as timestamptz) + :waitMs * interval '1 millisecond')
                on conflict (inspector, channel, address, group_key) do update set
                    title = excluded.title, group_interval_ms = excluded.group_interval_ms,
                    repeat_interval_ms = excluded.repeat_interval_ms,
                    next_flush_at = case when notification_group.last_sent_at is null
                        then coalesce(notification_group.next_flush_at, excluded.next_flush_at)
                        else least(coalesce(notification_group.next_flush_at, 'infinity'),
                                   greatest(cast(:now as timestamptz), notification_group.last_sent_at
                                                  + notification_group.group_interval_ms * interval '1 millisecond')) end""",
                List.copyOf(groups.values()));
        resolve(latest.values().stream().filter(r -> !r.report().reportId().startsWith(MISSING_NOTICE)).toList(), claimedAt);
    }

    private static SqlParameterSource claim(Target target, String reportId, StoredFinding finding, State state, String group,
                                           Timestamp now) {
        return new MapSqlParameterSource(targetParams(target)).addValue("report", reportId).addValue("fp", finding.fingerprint())
                .addValue("state", state.name()).addValue("now", now).addValue("group", group);
    }

    /** The report id of validate-service's PUB-MISSING notices: missing:<agency>:<year>. */
    public static final String MISSING_NOTICE = "missing:";

    /**
     * Resolves, for each report, the findings of the earlier reports of its agency and year that
     * it no longer has (the same rule at the same place): a republication that corrects them, or
     * the report whose absence the PUB-MISSING notice was about.
     */
    private void resolve(List<RoutedReport> reports, Timestamp now) {
        // The targets that were sent a finding now resolved are told so once (resolution_notice).
        batch("""
                        with resolved as (
                            update finding f set resolved_at = :now, resolved_by = :report
                            from report r
                            where f.report_id = r.report_id and r.agency_id = :agency and r.year = :year
                              and r.report_id <> :report and r.validated_at <= :validated and f.resolved_at is null
                              and not exists (select 1 from finding g where g.report_id = :report and g.rule_id = f.rule_id
                                              and g.location is not distinct from f.location)
                            returning f.report_id, f.fingerprint)
                        insert into resolution_notice (inspector, channel, address, report_id, fingerprint, resolved_by, state, claimed_at)
                        select d.inspector, d.channel, d.address, d.report_id, d.fingerprint, :report, 'PENDING', :now
                        from resolved join delivery d using (report_id, fingerprint) where d.state = 'SENT'
                        on conflict do nothing""",
                reports.stream().filter(r -> r.report().year() != null).map(r -> (SqlParameterSource) new MapSqlParameterSource()
                        .addValue("report", r.report().reportId()).addValue("agency", r.report().agencyId())
                        .addValue("year", r.report().year()).addValue("validated", Timestamp.from(r.validatedAt()))
                        .addValue("now", now)).toList());
    }

    /**
     * The findings that these reports resolved and whose targets are not yet told: by resolving
     * report, then target, then the report they were in. One query whatever the poll's size.
     */
    Map<String, Map<Target, List<ReportFindings>>> pendingResolutions(Collection<String> reportIds) {
        record Row(String resolvedBy, Target target, ReportInfo report, StoredFinding finding) {
        }
        if (reportIds.isEmpty()) {
            return new LinkedHashMap<>();
        }
        List<Row> rows = jdbc.sql("""
                        select n.resolved_by, n.inspector, n.channel, n.address, r.*, f.*
                        from resolution_notice n join finding f using (report_id, fingerprint) join report r using (report_id)
                        where n.resolved_by = any(:reports) and n.state = 'PENDING'
                        order by r.validated_at, r.report_id, f.severity, f.rule_id, f.location""")
                .param("reports", reportIds.toArray(String[]::new))
                .query((rs, i) -> new Row(rs.getString("resolved_by"), TARGET.mapRow(rs, i), REPORT.mapRow(rs, i),
                        FINDING.mapRow(rs, i)))
                .list();
        Map<String, Map<Target, Map<ReportInfo, List<StoredFinding>>>> byResolver = new LinkedHashMap<>();
        rows.forEach(row -> byResolver.computeIfAbsent(row.resolvedBy(), r -> new LinkedHashMap<>())
                .computeIfAbsent(row.target(), t -> new LinkedHashMap<>())
                .computeIfAbsent(row.report(), r -> new ArrayList<>()).add(row.finding()));
        Map<String, Map<Target, List<ReportFindings>>> resolutions = new LinkedHashMap<>();
        byResolver.forEach((resolver, byTarget) -> byTarget.forEach((target, byReport) -> resolutions
                .computeIfAbsent(resolver, r -> new LinkedHashMap<>()).put(target, byReport.entrySet().stream()
                        .map(e -> new ReportFindings(e.getKey(), List.copyOf(e.getValue()))).toList())));
        return resolutions;
    }

    /**
     * The findings of these reports claimed and not yet settled, by report and target: new
     * findings, or those a crash left between claim and settle.
     */
    Map<String, Map<Target, List<StoredFinding>>> pending(Collection<String> reportIds) {
        record Row(String reportId, Target target, StoredFinding finding) {
        }
        if (reportIds.isEmpty()) {
            return Map.of();
        }
        List<Row> rows = jdbc.sql("""
                        select d.inspector, d.channel, d.address, f.* from delivery d join finding f using (report_id, fingerprint)
                        where d.report_id = any(:reports) and d.state = 'PENDING'
                        order by f.severity, f.rule_id, f.location""")
                // One array parameter, not a list expanded to one placeholder per id: one statement
                // text whatever the poll's size, so PostgreSQL and the driver prepare it once.
                .param("reports", reportIds.toArray(String[]::new))
                .query((rs, i) -> new Row(rs.getString("report_id"), TARGET.mapRow(rs, i), FINDING.mapRow(rs, i)))
                .list();
        Map<String, Map<Target, List<StoredFinding>>> byReport = new LinkedHashMap<>();
        rows.forEach(row -> byReport.computeIfAbsent(row.reportId(), r -> new LinkedHashMap<>())
                .computeIfAbsent(row.target(), t -> new ArrayList<>()).add(row.finding()));
        return byReport;
    }

    /**
     * Marks the notification's claims delivered (or dead-lettered): its findings' deliveries, or,
     * for a resolution notice, the notices it tells.
     */
    void settle(Notification notification, State state, Instant now) {
        batch(notification.resolution() != null ? """
                        update resolution_notice set state = :state, settled_at = :now
                        where inspector = :inspector and channel = :channel and address = :address
                          and report_id = :report and fingerprint = :fp and state = 'PENDING'""" : """
                        update delivery set state = :state, settled_at = :now
                        where inspector = :inspector and channel = :channel and address = :address
                          and report_id = :report and fingerprint = :fp and state in ('PENDING', 'DIGEST', 'GROUPED', 'RETRYING')""",
                claimsOf(notification, Map.of("state", state.name(), "now", Timestamp.from(now))));
    }

    /**
     * Leaves the notification's findings to the next attempt (RETRYING), due {@code delay} from now
     * on the database's clock, {@code attemptsMade} made.
     */
    void retryLater(Notification notification, int attemptsMade, Duration delay) {
        batch("""
                        update delivery set state = :state, attempts = :attempts,
                               next_attempt_at = now() + :delayMillis * interval '1 millisecond'
                        where inspector = :inspector and channel = :channel and address = :address
                          and report_id = :report and fingerprint = :fp and state in ('PENDING', 'DIGEST', 'RETRYING')""",
                claimsOf(notification, Map.of("state", State.RETRYING.name(), "attempts", attemptsMade,
                        "delayMillis", delay.toMillis())));
    }

    /** One row of parameters per finding of the notification: its claim's key, and {@code values}. */
    private static List<SqlParameterSource> claimsOf(Notification notification, Map<String, Object> values) {
        return notification.reports().stream().flatMap(report -> report.findings().stream()
                .map(f -> (SqlParameterSource) new MapSqlParameterSource(targetParams(notification.target()))
                        .addValue("report", report.report().reportId()).addValue("fp", f.fingerprint()).addValues(values)))
                .toList();
    }

    /**
     * One target's claims on one report's findings, leased: the attempts made at them, and when
     * they were settled (null while they wait for an attempt).
     */
    record Leased(Target target, ReportFindings report, int attemptsMade, Instant settledAt) {
    }

    /**
     * The claims whose next attempt is due now (RETRYING), each leased for {@code lease}: moved that
     * far forward, so that no other instance takes it meanwhile. A lease that ends unsettled (the
     * instance gone) makes it due again.
     */
    List<Leased> leaseDueRetries(Duration lease) {
        return lease("state = 'RETRYING' and next_attempt_at <= now()", Map.of(), lease);
    }

    /** Records that the notification's deliveries were announced on notification.sent. */
    void announced(Notification notification, Instant now) {
        batch("update delivery set announced_at = :now where inspector = :inspector and channel = :channel"
                        + " and address = :address and report_id = :report and fingerprint = :fp",
                claimsOf(notification, Map.of("now", Timestamp.from(now))));
    }

    /**
     * Deliveries settled SENT before {@code settledBefore} and not announced (their announcement
     * failed), leased as {@link #leaseDueRetries} leases.
     */
    List<Leased> leaseUnannounced(Instant settledBefore, Duration lease) {
        return lease("state = 'SENT' and announced_at is null and settled_at < :settledBefore"
                + " and (next_attempt_at is null or next_attempt_at <= now())",
                Map.of("settledBefore", Timestamp.from(settledBefore)), lease);
    }

    /** Leases the claims that meet {@code condition}, by target and report in the order reports were validated. */
    private List<Leased> lease(String condition, Map<String, Object> params, Duration lease) {
        record Key(Target target, ReportInfo report, int attemptsMade, Instant settledAt) {
        }
        Map<Key, List<StoredFinding>> byClaims = new LinkedHashMap<>();
        jdbc.sql("""
                        with due as (
                            update delivery set next_attempt_at = now() + :leaseMillis * interval '1 millisecond'
                            where %s
                            returning inspector, channel, address, report_id, fingerprint, attempts, settled_at)
                        select due.inspector, due.channel, due.address, due.attempts, due.settled_at, r.*, f.*
                        from due join finding f using (report_id, fingerprint) join report r using (report_id)
                        order by r.validated_at, r.report_id, f.severity, f.rule_id, f.location""".formatted(condition))
                .params(params).param("leaseMillis", lease.toMillis())
                .query((rs, i) -> {
                    Timestamp settledAt = rs.getTimestamp("settled_at");
                    // One notification's findings share target, report, attempts and settlement.
                    return byClaims.computeIfAbsent(new Key(TARGET.mapRow(rs, i), REPORT.mapRow(rs, i), rs.getInt("attempts"),
                            settledAt == null ? null : settledAt.toInstant()), key -> new ArrayList<>()).add(FINDING.mapRow(rs, i));
                })
                .list();
        return byClaims.entrySet().stream().map(e -> new Leased(e.getKey().target(),
                new ReportFindings(e.getKey().report(), List.copyOf(e.getValue())), e.getKey().attemptsMade(),
                e.getKey().settledAt())).toList();
    }

    /** Targets with findings waiting for the digest. */
    List<Target> digestTargets() {
        return jdbc.sql("select distinct inspector, channel, address from delivery where state = 'DIGEST'")
                .query(TARGET).list();
    }

    /** The findings waiting for the target's digest, by report in the order they were validated. */
    List<ReportFindings> digestFor(Target target) {
        return claimed(target, "d.state = 'DIGEST'", Map.of());
    }

    /** The target's claims that meet {@code condition} with their findings, by report in the order they were validated. */
    private List<ReportFindings> claimed(Target target, String condition, Map<String, Object> params) {
        record Row(ReportInfo report, StoredFinding finding) {
        }
        List<Row> rows = jdbc.sql("""
                        select r.*, f.* from delivery d join finding f using (report_id, fingerprint) join report r using (report_id)
                        where d.inspector = :inspector and d.channel = :channel and d.address = :address and %s
                        order by r.validated_at, r.report_id, f.severity, f.rule_id, f.location""".formatted(condition))
                .params(targetParams(target)).params(params)
                .query((rs, i) -> new Row(REPORT.mapRow(rs, i), FINDING.mapRow(rs, i)))
                .list();
        Map<ReportInfo, List<StoredFinding>> byReport = new LinkedHashMap<>();
        rows.forEach(row -> byReport.computeIfAbsent(row.report(), r -> new ArrayList<>()).add(row.finding()));
        return byReport.entrySet().stream().map(e -> new ReportFindings(e.getKey(), List.copyOf(e.getValue()))).toList();
    }

    /**
     * A group of a target's notifications, leased to be sent: its title, its repeat interval (null:
     * never), when it was last sent (null: never), how often, and the failed attempts at this send.
     */
    record DueGroup(Target target, String key, String title, Duration repeat, Instant lastSentAt, int sentCount,
                    int attempts) {
    }

    /**
     * The groups due now, each leased until {@code now + lease} so that no other instance sends it
     * meanwhile; a lease that ends unsettled (the instance gone) makes it due again.
     */
    List<DueGroup> leaseDueGroups(Instant now, Duration lease) {
        return jdbc.sql("""
                        update notification_group set leased_until = :until
                        where next_flush_at <= :now and (leased_until is null or leased_until <= :now)
                        returning inspector, channel, address, group_key, title, repeat_interval_ms, last_sent_at, sent_count, attempts""")
                .param("now", Timestamp.from(now)).param("until", Timestamp.from(now.plus(lease)))
                .query((rs, i) -> {
                    long repeatMs = rs.getLong("repeat_interval_ms");
                    Duration repeat = rs.wasNull() ? null : Duration.ofMillis(repeatMs);
                    Timestamp lastSent = rs.getTimestamp("last_sent_at");
                    return new DueGroup(TARGET.mapRow(rs, i), rs.getString("group_key"), rs.getString("title"), repeat,
                            lastSent == null ? null : lastSent.toInstant(), rs.getInt("sent_count"), rs.getInt("attempts"));
                })
                .list();
    }

    /** The group's findings not yet sent. */
    List<ReportFindings> newInGroup(DueGroup group) {
        return claimed(group.target(), "d.group_key = :key and d.state = 'GROUPED'", Map.of("key", group.key()));
    }

    /** The group's findings sent and still open: neither resolved nor acknowledged by the inspector. */
    List<ReportFindings> openInGroup(DueGroup group) {
        return claimed(group.target(), """
                d.group_key = :key and d.state = 'SENT' and f.resolved_at is null
                and not exists (select 1 from inbox_entry e where e.inspector = d.inspector and e.report_id = d.report_id
                                and e.fingerprint = d.fingerprint and e.acknowledged_at is not null)""", Map.of("key", group.key()));
    }

    /** True in an update of notification_group g when g has findings not yet sent. */
    private static final String HAS_NEW = """
            exists (select 1 from delivery d where d.inspector = g.inspector and d.channel = g.channel
                    and d.address = g.address and d.group_key = g.group_key and d.state = 'GROUPED')""";

    /**
     * Records the group sent (or given up) at {@code now} and releases it: due again after its
     * group_interval if findings arrived meanwhile, else after its repeat interval, else when new ones arrive.
     */
    void groupSent(DueGroup group, Instant now) {
        updateGroup(group, """
                last_sent_at = :now, sent_count = sent_count + 1, attempts = 0, next_flush_at = case
                    when %s then cast(:now as timestamptz) + group_interval_ms * interval '1 millisecond'
                    else cast(:now as timestamptz) + repeat_interval_ms * interval '1 millisecond' end""".formatted(HAS_NEW), Map.of("now", Timestamp.from(now)));
    }

    /**
     * Releases a group that had nothing to send: due at {@code next} (null: when new findings
     * arrive), or now if findings arrived meanwhile.
     */
    void groupIdle(DueGroup group, Instant next, Instant now) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("now", Timestamp.from(now));
        params.put("next", next == null ? null : Timestamp.from(next));
        updateGroup(group, "next_flush_at = case when %s then cast(:now as timestamptz) else cast(:next as timestamptz) end".formatted(HAS_NEW), params);
    }

    /** Releases a group whose send is to be tried again at {@code next}, {@code attempts} failed so far. */
    void groupRetry(DueGroup group, Instant next, int attempts) {
        updateGroup(group, "next_flush_at = :next, attempts = :attempts",
                Map.of("next", Timestamp.from(next), "attempts", attempts));
    }

    private void updateGroup(DueGroup group, String assignments, Map<String, Object> params) {
        jdbc.sql("update notification_group g set leased_until = null, " + assignments
                        + " where inspector = :inspector and channel = :channel and address = :address and group_key = :key")
                .params(targetParams(group.target())).param("key", group.key()).params(params)
                .update();
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
