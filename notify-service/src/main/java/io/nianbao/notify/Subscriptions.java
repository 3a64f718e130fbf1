package io.nianbao.notify;

import io.nianbao.events.AgencyLevel;
import io.nianbao.events.Channel;
import io.nianbao.events.Severity;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Subscriptions and silences: those in PostgreSQL, plus one default subscription per configured
 * inspector (everything of the configured minimum severity, by e-mail), which only configuration changes.
 */
public class Subscriptions {

    private static final RowMapper<Subscription> SUBSCRIPTION = (rs, i) -> new Subscription(rs.getLong("id"),
            rs.getString("inspector"), rs.getString("region_prefix"), rs.getString("agency_id"),
            rs.getString("agency_level") == null ? null : AgencyLevel.valueOf(rs.getString("agency_level")),
            rs.getString("rule_id"), Severity.valueOf(rs.getString("min_severity")),
            Channel.valueOf(rs.getString("channel")), rs.getString("address"), rs.getBoolean("digest"),
            rs.getString("group_by") == null ? null : new Grouping(Grouping.parseBy(rs.getString("group_by")),
                    millis(rs, "group_wait_ms"), millis(rs, "group_interval_ms"), millis(rs, "repeat_interval_ms")));

    private static Duration millis(ResultSet rs, String column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Duration.ofMillis(millis);
    }

    private final JdbcClient jdbc;
    private final List<Subscription> configured;
    private final Clock clock;

    public Subscriptions(JdbcClient jdbc, NotifyProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.configured = properties.inspectors().stream()
                .map(inspector -> Subscription.everything(inspector, properties.minSeverity())).toList();
        this.clock = clock;
    }

    public List<Subscription> all() {
        return Stream.concat(configured.stream(),
                jdbc.sql("select * from subscription order by id").query(SUBSCRIPTION).list().stream()).toList();
    }

    public List<Subscription> of(String inspector) {
        return all().stream().filter(s -> s.inspector().equals(inspector)).toList();
    }

    /** Stores the subscription (its id is ignored) and returns it with its new id. */
    public Subscription create(Subscription s) {
        Grouping grouping = s.grouping();
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into subscription (inspector, region_prefix, agency_id, agency_level, rule_id, min_severity,
                                                  channel, address, digest, created_at, group_by, group_wait_ms,
                                                  group_interval_ms, repeat_interval_ms)
                        values (:inspector, :region, :agency, :level, :rule, :severity, :channel, :url, :digest, :now,
                                :groupBy, :waitMs, :intervalMs, :repeatMs)""")
                .param("inspector", s.inspector()).param("region", s.regionPrefix()).param("agency", s.agencyId())
                .param("level", s.agencyLevel() == null ? null : s.agencyLevel().name()).param("rule", s.ruleId())
                .param("severity", s.minSeverity().name()).param("channel", s.channel().name())
                .param("url", s.address()).param("digest", s.digest()).param("now", Timestamp.from(clock.instant()))
                .param("groupBy", grouping == null ? null : grouping.byText())
                .param("waitMs", grouping == null ? null : grouping.groupWait().toMillis())
                .param("intervalMs", grouping == null ? null : grouping.groupInterval().toMillis())
                .param("repeatMs", grouping == null || grouping.repeatInterval() == null ? null : grouping.repeatInterval().toMillis())
                .update(key, "id");
        return new Subscription(key.getKeyAs(Long.class), s.inspector(), s.regionPrefix(), s.agencyId(), s.agencyLevel(),
                s.ruleId(), s.minSeverity(), s.channel(), s.address(), s.digest(), grouping);
    }

    /** Deletes one of the inspector's own subscriptions; false when there is no such one. */
    public boolean delete(String inspector, long id) {
        return jdbc.sql("delete from subscription where id = :id and inspector = :inspector")
                .param("id", id).param("inspector", inspector).update() > 0;
    }

    /** The silences in force now. */
    public Set<Silence> silences() {
        return new HashSet<>(jdbc.sql("select inspector, agency_id, rule_id from silence"
                        + " where expires_at is null or expires_at > :now")
                .param("now", Timestamp.from(clock.instant())).query(Silence.class).list());
    }

    /** The inspector's silences in force now. */
    public List<SilenceEntry> silencesOf(String inspector) {
        return jdbc.sql("""
                        select inspector as author, agency_id, rule_id, comment, created_at, expires_at from silence
                        where inspector = :inspector and (expires_at is null or expires_at > :now) order by agency_id, rule_id""")
                .param("inspector", inspector).param("now", Timestamp.from(clock.instant()))
                .query(SilenceEntry.class).list();
    }

    /**
     * Silences an agency's findings of a rule for the inspector, with a comment, until
     * {@code expiresAt} (null: until lifted); silencing again replaces comment and expiry.
     */
    public SilenceEntry silence(Silence silence, String comment, Instant expiresAt) {
        Instant now = clock.instant();
        jdbc.sql("""
                        insert into silence (inspector, agency_id, rule_id, created_at, comment, expires_at)
                        values (:inspector, :agency, :rule, :now, :comment, :expires)
                        on conflict (inspector, agency_id, rule_id)
                        do update set created_at = excluded.created_at, comment = excluded.comment, expires_at = excluded.expires_at""")
                .param("inspector", silence.inspector()).param("agency", silence.agencyId()).param("rule", silence.ruleId())
                .param("now", Timestamp.from(now)).param("comment", comment)
                .param("expires", expiresAt == null ? null : Timestamp.from(expiresAt))
                .update();
        return new SilenceEntry(silence.inspector(), silence.agencyId(), silence.ruleId(), comment, now, expiresAt);
    }

    public boolean unsilence(Silence silence) {
        return jdbc.sql("delete from silence where inspector = :inspector and agency_id = :agency and rule_id = :rule")
                .param("inspector", silence.inspector()).param("agency", silence.agencyId()).param("rule", silence.ruleId())
                .update() > 0;
    }
}
