package io.nianbao.notify.web;

import io.nianbao.notify.Words;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * The rectification workflow's steps in PostgreSQL (table rectification_step), one row per step of
 * an agency's year. A step is taken only from the state it was asked from: one taken meanwhile by
 * another inspector makes it refused rather than recorded on top.
 */
@Component
public class Rectifications {

    /** A step taken: the state it led to, who took it, when and why. */
    public record Step(Rectification state, String inspector, String comment, Instant recordedAt) {

        /** When it was taken, in Beijing time to the minute. */
        public String recordedOn() {
            return Words.minute(recordedAt);
        }
    }

    /** A step refused, with the reason to show the inspector. */
    public static final class Refused extends RuntimeException {
        Refused(String reason) {
            super(reason);
        }
    }

    private final JdbcClient jdbc;

    Rectifications(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The steps taken on the agency's year, oldest first. */
    public List<Step> history(String agencyId, int year) {
        return jdbc.sql("""
                        select state, inspector, comment, recorded_at from rectification_step
                        where agency_id = :agency and year = :year order by seq""")
                .param("agency", agencyId).param("year", year)
                .query((rs, i) -> new Step(Rectification.valueOf(rs.getString("state")), rs.getString("inspector"),
                        rs.getString("comment"), rs.getTimestamp("recorded_at").toInstant()))
                .list();
    }

    /**
     * Records {@code next} for the agency's year if it may follow the current state.
     *
     * @throws Refused when it may not, when the comment is blank, or when another step was taken meanwhile
     */
    public void advance(String agencyId, int year, Rectification next, String inspector, String comment, Instant now) {
        if (comment == null || comment.isBlank()) {
            throw new Refused("请填写说明：整改的要求、情况或复核意见");
        }
        List<Step> steps = history(agencyId, year);
        Rectification current = steps.isEmpty() ? null : steps.getLast().state();
        Rectification.refusal(current, next).ifPresent(reason -> {
            throw new Refused(reason);
        });
        int recorded = jdbc.sql("""
                        insert into rectification_step (agency_id, year, seq, state, inspector, comment, recorded_at)
                        values (:agency, :year, :seq, :state, :inspector, :comment, :now)
                        on conflict do nothing""")
                .param("agency", agencyId).param("year", year).param("seq", steps.size() + 1)
                .param("state", next.name()).param("inspector", inspector).param("comment", comment.strip())
                .param("now", Timestamp.from(now))
                .update();
        if (recorded == 0) {
            throw new Refused("该机关的整改状态刚被他人更新，请刷新页面后重试");
        }
    }
}
