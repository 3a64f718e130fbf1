package io.nianbao.faults;

import io.nianbao.events.NotificationSent;
import io.nianbao.events.ReportIngested;
import io.nianbao.events.ReportParsed;
import io.nianbao.events.ReportRejected;
import io.nianbao.events.ReportValidated;
import io.nianbao.events.TopicClient;
import io.nianbao.events.Topics;
import org.apache.avro.specific.SpecificRecord;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * What the pipeline wrote, read as a downstream service reads it (read_committed), by agency id:
 * every report of a fault test has an agency of its own. Records that are not our Avro (poison
 * records the tests inject) are skipped. Follows the topics in a thread of its own until closed.
 */
final class Trail implements AutoCloseable {

    private final Map<String, String> reportIds = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> parsed = new ConcurrentHashMap<>();
    private final Map<String, ReportValidated> validated = new ConcurrentHashMap<>();
    private final Map<String, ReportRejected> rejected = new ConcurrentHashMap<>();
    private final Set<String> notified = ConcurrentHashMap.newKeySet();
    private final TopicClient.Following following;

    Trail(TopicClient topics) {
        following = topics.follow(List.of(Topics.INGESTED, Topics.PARSED, Topics.VALIDATED, Topics.REJECTED,
                Topics.NOTIFICATION_SENT), this::take);
    }

    private void take(SpecificRecord value) {
        switch (value) {
            case ReportIngested i -> reportIds.put(i.getAgencyId(), i.getReportId());
            case ReportParsed p -> parsed.computeIfAbsent(p.getReportId(), id -> new AtomicInteger()).incrementAndGet();
            case ReportValidated v -> validated.put(v.getAgencyId(), v);
            case ReportRejected r -> rejected.put(r.getAgencyId(), r);
            case NotificationSent n -> notified.add(n.getReportId());
            default -> { }
        }
    }

    /** The report id ingest-service gave the agency's report, or null before it is ingested. */
    String reportId(String agencyId) {
        return reportIds.get(agencyId);
    }

    /** Committed records on report.parsed for the report. */
    int parsedCount(String reportId) {
        return count(parsed, reportId);
    }

    /** How many reports of the batch are on report.ingested. */
    long ingestedOf(Batch batch) {
        return batch.agencies().stream().filter(reportIds::containsKey).count();
    }

    /** How many reports of the batch are on report.parsed. */
    long parsedOf(Batch batch) {
        return batch.agencies().stream().map(this::reportId).filter(id -> id != null && parsed.containsKey(id)).count();
    }

    /** How many reports of the batch are on report.validated. */
    long validatedOf(Batch batch) {
        return batch.agencies().stream().filter(validated::containsKey).count();
    }

    /** How many reports of the batch are on notification.sent. */
    long notifiedOf(Batch batch) {
        return batch.agencies().stream().map(this::reportId).filter(id -> id != null && notified.contains(id)).count();
    }

    ReportValidated validated(String agencyId) {
        return validated.get(agencyId);
    }

    ReportRejected rejected(String agencyId) {
        return rejected.get(agencyId);
    }

    boolean notified(String reportId) {
        return notified.contains(reportId);
    }

    private static int count(Map<String, AtomicInteger> counts, String reportId) {
        AtomicInteger count = reportId == null ? null : counts.get(reportId);
        return count == null ? 0 : count.get();
    }

    /** Waits until {@code condition} holds; false when it still does not after {@code timeout}. */
    static boolean await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(100);
        }
        return true;
    }

    @Override
    public void close() throws InterruptedException {
        following.close();
    }
}
