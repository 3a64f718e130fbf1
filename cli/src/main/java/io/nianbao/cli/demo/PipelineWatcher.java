package io.nianbao.cli.demo;

import io.nianbao.events.ColumnStatus;
import io.nianbao.events.NotificationSent;
import io.nianbao.events.ReportRejected;
import io.nianbao.events.ReportValidated;
import io.nianbao.events.Severity;
import io.nianbao.events.Topics;
import io.nianbao.events.serde.ConfluentAvroDeserializer;
import io.nianbao.events.serde.SchemaRegistryClient;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

/**
 * Reads the end of the pipeline — report.validated, report.rejected, notification.sent — and
 * remembers what happened to each report id, so a caller can wait until reports reached notify-service;
 * and watch-service's watch.status, the latest per column.
 */
public final class PipelineWatcher implements AutoCloseable {

    private final KafkaConsumer<String, SpecificRecord> consumer;
    private final Map<String, ReportValidated> validated = new ConcurrentHashMap<>();
    private final Map<String, List<ReportRejected>> rejectedByAgency = new ConcurrentHashMap<>();
    private final Map<String, NotificationSent> notified = new ConcurrentHashMap<>();
    private final Map<String, List<ReportValidated>> validatedByAgency = new ConcurrentHashMap<>();
    private final Map<String, ColumnStatus> columns = new ConcurrentHashMap<>();

    public PipelineWatcher(String bootstrapServers, String schemaRegistryUrl) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "pipeline-watcher-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ConfluentAvroDeserializer(SchemaRegistryClient.shared(schemaRegistryUrl)));
        consumer.subscribe(List.of(Topics.VALIDATED.name(), Topics.REJECTED.name(), Topics.NOTIFICATION_SENT.name(),
                Topics.WATCH_STATUS.name()));
    }

    /**
     * Polls until every id has been validated (and, when it has findings, notified) or rejected.
     *
     * @return true when all arrived in time
     */
    public boolean awaitEnd(Collection<String> reportIds, Duration timeout) {
        return awaitUntil(() -> reportIds.stream().allMatch(this::reachedEnd), timeout);
    }

    /** Polls the topics until {@code condition} holds; false when it still does not after {@code timeout}. */
    public boolean awaitUntil(BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            for (ConsumerRecord<String, SpecificRecord> record : consumer.poll(Duration.ofMillis(200))) {
                switch (record.value()) {
                    case ReportValidated v -> {
                        validated.put(v.getReportId(), v);
                        validatedByAgency.computeIfAbsent(v.getAgencyId(), a -> new CopyOnWriteArrayList<>()).add(v);
                    }
                    case ColumnStatus c -> columns.put(c.getColumnId(), c);
                    case ReportRejected r -> rejectedByAgency.computeIfAbsent(r.getAgencyId(), a -> new CopyOnWriteArrayList<>()).add(r);
                    case NotificationSent n -> notified.put(n.getReportId(), n);
                    case null, default -> { }
                }
            }
        }
        return true;
    }

    /**
     * Validated, with its notification sent when there was anything to notify; or rejected. Mirrors
     * notify-service's default: a report is mailed when a finding is a WARNING or an ERROR.
     */
    private boolean reachedEnd(String reportId) {
        ReportValidated v = validated.get(reportId);
        return rejected(reportId) != null
                || (v != null && (!mailWorthy(v) || notified.containsKey(reportId)));
    }

    public static boolean mailWorthy(ReportValidated report) {
        return report.getFindings().stream().anyMatch(f -> f.getSeverity() != Severity.INFO);
    }

    public ReportValidated validated(String reportId) {
        return validated.get(reportId);
    }

    /** The rejection of an ingested report by a later stage (e.g. a scan parse-service cannot read). */
    public ReportRejected rejected(String reportId) {
        return rejectedByAgency.values().stream().flatMap(List::stream)
                .filter(r -> reportId.equals(r.getReportId())).findFirst().orElse(null);
    }

    /** Every rejection seen for the agency, including those at ingest (which have no report id). */
    public List<ReportRejected> rejectionsOf(String agencyId) {
        return rejectedByAgency.getOrDefault(agencyId, List.of());
    }

    /** The agency's reports as validated, in order. */
    public List<ReportValidated> validatedOf(String agencyId) {
        return validatedByAgency.getOrDefault(agencyId, List.of());
    }

    /** watch-service's latest word on a portal column (watch.status), or null. */
    public ColumnStatus columnStatus(String columnId) {
        return columns.get(columnId);
    }

    public NotificationSent notified(String reportId) {
        return notified.get(reportId);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
