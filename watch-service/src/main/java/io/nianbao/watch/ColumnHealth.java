package io.nianbao.watch;

import io.nianbao.events.ColumnStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What operators are told of each column on watch.status: whether it cannot be read, and since
 * when — a column whose checks fail for {@code failingAfter} is failing (the status to write, the
 * gauge at 1) until a check reads it again; a failing column whose problem changes is told
 * again — and which of its report links answer 404 or 410, told when that set changes. Every
 * status carries both, the topic keeping only a column's latest. Pure: the caller gives the time.
 * In memory: a new instance tells a column's missing reports once more (the same record again).
 */
public final class ColumnHealth {

    private record Failing(Instant since, CheckOutcome last, boolean told) {
    }

    private final Duration failingAfter;
    private final Map<String, Failing> failing = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> missing = new ConcurrentHashMap<>();

    public ColumnHealth(Duration failingAfter) {
        this.failingAfter = failingAfter;
    }

    /** Records a check's outcome; the status to write when what operators were told changes. */
    public Optional<ColumnStatus> after(WatchProperties.Column column, CheckOutcome outcome, Instant now) {
        String id = column.id();
        Set<String> missingBefore = missing.getOrDefault(id, Set.of());
        if (!outcome.failed()) {
            Set<String> missingNow = outcome.reports().missingAfter(missingBefore);
            missing.put(id, missingNow);
            Failing was = failing.remove(id);
            boolean tell = was != null && was.told() || !missingNow.equals(missingBefore);
            return tell ? Optional.of(status(column, outcome, null, now, missingNow)) : Optional.empty();
        }
        Failing was = failing.get(id);
        Instant since = was == null ? now : was.since();
        boolean due = Duration.between(since, now).compareTo(failingAfter) >= 0;
        boolean tell = due && (was == null || !was.told() || !sameProblem(was.last(), outcome));
        failing.put(id, new Failing(since, outcome, due));
        return tell ? Optional.of(status(column, outcome, since, now, missingBefore)) : Optional.empty();
    }

    /** Whether operators were told the column is failing (and it has not been read since). */
    public boolean isFailing(String columnId) {
        Failing f = failing.get(columnId);
        return f != null && f.told();
    }

    private static boolean sameProblem(CheckOutcome a, CheckOutcome b) {
        return a.problem() == b.problem() && Objects.equals(a.httpStatus(), b.httpStatus()) && Objects.equals(a.selector(), b.selector());
    }

    private static ColumnStatus status(WatchProperties.Column column, CheckOutcome outcome, Instant since, Instant now,
                                       Set<String> missingReports) {
        String detail = outcome.failed() || missingReports.isEmpty() ? outcome.detail()
                : "栏目列出的年报中有" + missingReports.size() + "篇无法打开（返回404或410）";
        return ColumnStatus.newBuilder()
                .setColumnId(column.id())
                .setListingUrl(column.listingUrl())
                .setAgencyId(column.agencies().isEmpty() ? column.agencyId() : null)
                .setFailing(outcome.failed())
                .setProblem(outcome.problem())
                .setHttpStatus(outcome.httpStatus())
                .setSelector(outcome.selector())
                .setDetail(detail)
                .setFailingSince(since)
                .setCheckedAt(now)
                .setMissingReports(new ArrayList<>(missingReports))
                .build();
    }
}
