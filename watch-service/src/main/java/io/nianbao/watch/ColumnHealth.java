package io.nianbao.watch;

import io.nianbao.events.ColumnStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which columns cannot be read, and since when: a column whose checks fail for
 * {@code failingAfter} is failing (the status to write, the gauge at 1) until a check reads it
 * again; a failing column whose problem changes is told again. Pure: the caller gives the time.
 */
public final class ColumnHealth {

    private record Failing(Instant since, CheckOutcome last, boolean told) {
    }

    private final Duration failingAfter;
    private final Map<String, Failing> failing = new ConcurrentHashMap<>();

    public ColumnHealth(Duration failingAfter) {
        this.failingAfter = failingAfter;
    }

    /** Records a check's outcome; the status to write when what operators were told changes. */
    public Optional<ColumnStatus> after(WatchProperties.Column column, CheckOutcome outcome, Instant now) {
        String id = column.id();
        if (!outcome.failed()) {
            Failing was = failing.remove(id);
            return was != null && was.told() ? Optional.of(status(column, outcome, null, now)) : Optional.empty();
        }
        Failing was = failing.get(id);
        Instant since = was == null ? now : was.since();
        boolean due = Duration.between(since, now).compareTo(failingAfter) >= 0;
        boolean tell = due && (was == null || !was.told() || !sameProblem(was.last(), outcome));
        failing.put(id, new Failing(since, outcome, due));
        return tell ? Optional.of(status(column, outcome, since, now)) : Optional.empty();
    }

    /** Whether operators were told the column is failing (and it has not been read since). */
    public boolean isFailing(String columnId) {
        Failing f = failing.get(columnId);
        return f != null && f.told();
    }

    private static boolean sameProblem(CheckOutcome a, CheckOutcome b) {
        return a.problem() == b.problem() && Objects.equals(a.httpStatus(), b.httpStatus()) && Objects.equals(a.selector(), b.selector());
    }

    private static ColumnStatus status(WatchProperties.Column column, CheckOutcome outcome, Instant since, Instant now) {
        return ColumnStatus.newBuilder()
                .setColumnId(column.id())
                .setListingUrl(column.listingUrl())
                .setAgencyId(column.agencies().isEmpty() ? column.agencyId() : null)
                .setFailing(outcome.failed())
                .setProblem(outcome.problem())
                .setHttpStatus(outcome.httpStatus())
                .setSelector(outcome.selector())
                .setDetail(outcome.detail())
                .setFailingSince(since)
                .setCheckedAt(now)
                .build();
    }
}
