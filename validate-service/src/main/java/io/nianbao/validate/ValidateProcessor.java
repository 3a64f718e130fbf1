package io.nianbao.validate;

import io.nianbao.events.DeadlineCheck;
import io.nianbao.events.ReportParsed;
import io.nianbao.events.ReportValidated;
import io.nianbao.events.Topics;
import io.nianbao.service.CrashGuard;
import io.nianbao.service.StreamTracing;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Validates each report with its agency's history and answers deadline checks, keeping per task
 * (one partition of report.parsed and of validate.deadline-checks) three stores on disk (RocksDB
 * under {@code state.dir}, memory bounded by {@link BoundedRocksDbMemory}: a year's reports, some
 * 200,000, do not fit a heap) backed by compacted changelog topics {@code <application.id>-<store>-changelog}:
 * <ul>
 *   <li>{@value #REPORTS}: (agency, year) → the latest version of the report;</li>
 *   <li>{@value #CONTENT_HASHES}: (agency, year) → the content hashes of its versions, in publication order;</li>
 *   <li>{@value #MISSING_NOTICES}: (agency, year) → when PUB-MISSING was sent.</li>
 * </ul>
 * Every update is idempotent, so a replayed record leaves the stores as they were and yields the same findings.
 */
final class ValidateProcessor implements Processor<String, SpecificRecord, String, ReportValidated> {

    static final String REPORTS = "reports";
    static final String CONTENT_HASHES = "content-hashes";
    static final String MISSING_NOTICES = "missing-notices";

    private static final Logger log = LoggerFactory.getLogger(ValidateProcessor.class);

    private final Validation validation;
    private final StreamTracing tracing;
    private final ValidateMetrics metrics;
    private final CrashGuard crashGuard;
    private ProcessorContext<String, ReportValidated> context;
    private KeyValueStore<String, ReportParsed> reports;
    private KeyValueStore<String, String> contentHashes;
    private KeyValueStore<String, Long> missingNotices;

    private ValidateProcessor(Validation validation, StreamTracing tracing, ValidateMetrics metrics, CrashGuard crashGuard) {
        this.validation = validation;
        this.tracing = tracing;
        this.metrics = metrics;
        this.crashGuard = crashGuard;
    }

    /** The processor with its stores, for {@code KStream.process}. */
    static ProcessorSupplier<String, SpecificRecord, String, ReportValidated> supplier(
            Validation validation, StreamTracing tracing, ValidateMetrics metrics, Serde<ReportParsed> reportSerde,
            CrashGuard crashGuard) {
        return new ProcessorSupplier<>() {
            @Override
            public Processor<String, SpecificRecord, String, ReportValidated> get() {
                return new ValidateProcessor(validation, tracing, metrics, crashGuard);
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return Set.of(
                        Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(REPORTS), Serdes.String(), reportSerde),
                        Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(CONTENT_HASHES), Serdes.String(), Serdes.String()),
                        Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(MISSING_NOTICES), Serdes.String(), Serdes.Long()));
            }
        };
    }

    @Override
    public void init(ProcessorContext<String, ReportValidated> context) {
        this.context = context;
        this.reports = context.getStateStore(REPORTS);
        this.contentHashes = context.getStateStore(CONTENT_HASHES);
        this.missingNotices = context.getStateStore(MISSING_NOTICES);
        // A task is one partition of each input topic, come to this instance now.
        int partition = context.taskId().partition();
        crashGuard.assigned(List.of(new TopicPartition(Topics.PARSED.name(), partition),
                new TopicPartition(Topics.DEADLINE_CHECKS.name(), partition)));
    }

    /**
     * Each record in the span of its trace; what it yields carries the trace on (record headers). A
     * record in progress at two deaths of validate-service is not processed: the exception hands it
     * to the {@link DeadLetteringExceptionHandler}, which dead-letters its bytes.
     */
    @Override
    public void process(Record<String, SpecificRecord> record) {
        RecordMetadata source = context.recordMetadata().orElseThrow();
        if (!crashGuard.handle(source.topic(), source.partition(), source.offset(), () -> validate(record))) {
            throw new CrashGuard.CrashedConsumerException(source.topic(), source.partition(), source.offset(), 2);
        }
    }

    private void validate(Record<String, SpecificRecord> record) {
        tracing.inSpan("validate", record.headers(), headers -> {
            switch (record.value()) {
                case null -> log.warn("skipped a record without value (key {})", record.key());
                case ReportParsed report -> onReport(report, new Origin(record.timestamp(), headers));
                case DeadlineCheck check -> onDeadlineCheck(check, new Origin(record.timestamp(), headers));
                default -> throw new IllegalArgumentException("validate-service does not handle "
                        + record.value().getSchema().getFullName());
            }
        });
    }

    private void onReport(ReportParsed report, Origin origin) {
        metrics.reportIn();
        Integer year = report.getYear();
        if (year == null) {
            emit(validation.validate(report, null, null), origin);
            return;
        }
        String key = key(report.getAgencyId(), year);
        List<String> versions = versions(key);
        boolean newVersion = !versions.contains(report.getSha256());
        if (newVersion) {
            versions.add(report.getSha256());
            contentHashes.put(key, String.join(" ", versions));
            reports.put(key, report);
        }
        emit(validation.validate(report, reports.get(key(report.getAgencyId(), year - 1)), earlierHash(key, report)), origin);
        ReportParsed nextYear = reports.get(key(report.getAgencyId(), year + 1));
        if (newVersion && nextYear != null) {
            // Year N arrived before this one: now its cross-year rules can run.
            emit(validation.validate(nextYear, report, earlierHash(key(report.getAgencyId(), year + 1), nextYear)), origin);
        }
    }

    private void onDeadlineCheck(DeadlineCheck check, Origin origin) {
        String key = key(check.getAgencyId(), check.getYear());
        if (missingNotices.get(key) != null) {
            return;
        }
        validation.missing(check.getAgencyId(), check.getYear(), reports.get(key) != null).ifPresent(notice -> {
            missingNotices.put(key, notice.getValidatedAt().toEpochMilli());
            emit(notice, origin);
        });
    }

    /** The hash of the version published just before this one, or null for the first version. */
    private String earlierHash(String key, ReportParsed report) {
        List<String> versions = versions(key);
        int index = versions.indexOf(report.getSha256());
        return index > 0 ? versions.get(index - 1) : null;
    }

    private List<String> versions(String key) {
        String hashes = contentHashes.get(key);
        return hashes == null ? new ArrayList<>() : new ArrayList<>(Arrays.asList(hashes.split(" ")));
    }

    private void emit(ReportValidated validated, Origin origin) {
        log.info("validated report {} of {} ({}): {} findings", validated.getReportId(), validated.getAgencyId(),
                validated.getYear(), validated.getFindings().size());
        context.forward(new Record<>(validated.getAgencyId(), validated, origin.timestamp(), origin.headers().get()));
        metrics.validated(validated);
    }

    /** Timestamp and headers (trace context) of what a record yields. */
    private record Origin(long timestamp, Supplier<Headers> headers) {
    }

    /** Store key of an agency's year; the store is per partition, so the key needs no partitioning meaning. */
    static String key(String agencyId, int year) {
        return agencyId + "|" + year;
    }
}
