package io.nianbao.events;

import org.apache.avro.specific.SpecificRecord;

import java.util.List;

/**
 * Every topic of the pipeline, in flow order: the data-flow map. Each names its key, its writers
 * and readers, how it is kept and its dead-letter topic; services, tests and the bench name topics
 * only through here. Besides these, and named from them or by their owner: the dead-letter topic
 * of each consumed topic ({@link Topic#dlqOf}, written by its consumer, read by operators),
 * notify-service's undeliverable webhook and robot payloads (JSON, {@code nianbao.notify.webhook.dead-letter-topic}
 * and {@code nianbao.notify.robot.dead-letter-topic}) and the changelog topics of validate-service's
 * stores (Kafka Streams').
 */
public final class Topics {

    private static final String AGENCY = "agency id";
    private static final String INGEST = "ingest-service";
    private static final String PARSE = "parse-service";
    private static final String VALIDATE = "validate-service";
    private static final String NOTIFY = "notify-service";
    private static final String WATCH = "watch-service";
    private static final String OCR = "ocr-service";
    private static final String COLUMN = "portal column id (nianbao.watch.columns[].id), not agency";
    private static final List<String> CONSUMERS = List.of(INGEST, PARSE, OCR, VALIDATE, NOTIFY);

    /**
     * Portals that produce Avro themselves publish here (the bench and the demo do too), and
     * watch-service for the reports it finds on portals' columns (the page it fetched inline).
     */
    public static final Topic<ReportPublished> PUBLISHED = flow("report.published", ReportPublished.class,
            List.of("portals", WATCH), List.of(INGEST));
    public static final Topic<ReportIngested> INGESTED = flow("report.ingested", ReportIngested.class,
            List.of(INGEST), List.of(PARSE, INGEST + " (status)"));
    /** Submissions refused at the door (ingest) or unreadable documents (parse, stage PARSE). */
    public static final Topic<ReportRejected> REJECTED = flow("report.rejected", ReportRejected.class,
            List.of(INGEST, PARSE), List.of(INGEST + " (status)"));
    /**
     * Documents parse-service cannot read without OCR (a scan, a photo, tables pasted as pictures),
     * as report.ingested had them: a topic of their own, so that a burst of scans, ~100× the work
     * of a text report, queues here and never before the text reports.
     */
    public static final Topic<ReportIngested> OCR_REQUESTED = flow("ocr.requested", ReportIngested.class,
            List.of(PARSE), List.of(OCR));
    /** What ocr-service read from them, which parse-service parses as it parses text (it alone writes report.parsed). */
    public static final Topic<ReportRecognised> OCR_RECOGNISED = flow("ocr.recognised", ReportRecognised.class,
            List.of(OCR), List.of(PARSE));
    public static final Topic<ReportParsed> PARSED = flow("report.parsed", ReportParsed.class,
            List.of(PARSE), List.of(VALIDATE, INGEST + " (status)"));
    public static final Topic<ReportValidated> VALIDATED = flow("report.validated", ReportValidated.class,
            List.of(VALIDATE), List.of(NOTIFY, INGEST + " (status)"));
    public static final Topic<NotificationSent> NOTIFICATION_SENT = flow("notification.sent", NotificationSent.class,
            List.of(NOTIFY), List.of(INGEST + " (status)"));
    /**
     * validate-service's own ticks for PUB-MISSING: one per roster agency and year, on the agency's
     * report.parsed partition, so it needs at least as many partitions as report.parsed.
     */
    public static final Topic<DeadlineCheck> DEADLINE_CHECKS = flow("validate.deadline-checks", DeadlineCheck.class,
            List.of(VALIDATE), List.of(VALIDATE));

    /**
     * ingest-service's own ledger of the report ids it sent downstream: compacted, and keyed by
     * report id, not agency. Not part of the flow; the bench fills it with a year's worth.
     */
    public static final Topic<ReportSeen> SEEN_REPORTS = new Topic<>("ingest.seen-reports", ReportSeen.class, "report id",
            List.of(INGEST), List.of(INGEST), true, 0);

    /**
     * What each consumer instance is handling now, so that a record in progress at two deaths of
     * its consumers is found and set aside (service-support's CrashGuard). Compacted, one
     * partition, keyed by group/topic/partition, not agency; written and read by every consumer.
     */
    public static final Topic<RecordsInFlight> IN_FLIGHT = new Topic<>("consumer.in-flight", RecordsInFlight.class,
            "consumer group/topic/partition", CONSUMERS, CONSUMERS, true, 1);

    /**
     * watch-service's memory of each portal column it reads: the reports found there with the hash
     * of what they say, and the validators of its pages. Compacted, and the one topic of the
     * service keyed by column, not agency (a department column holds many agencies' reports): its
     * partitions are how watch-service's instances share the columns (a consumer group on it; a
     * column is owned by whoever owns the partition of its key) and what an instance reads back
     * when it takes a column over, written in one transaction with each report.published.
     */
    public static final Topic<ColumnSeen> WATCH_SEEN = new Topic<>("watch.seen", ColumnSeen.class, COLUMN,
            List.of(WATCH), List.of(WATCH), true, 0);

    /**
     * Columns watch-service cannot read (an HTTP error, the link selector finding nothing) once
     * that has lasted the configured time, and again when they are read: for the operators, whom
     * notify-service's inbox shows them.
     * Compacted, keyed by column id like {@link #WATCH_SEEN}: the latest word on each column.
     */
    public static final Topic<ColumnStatus> WATCH_STATUS = new Topic<>("watch.status", ColumnStatus.class, COLUMN,
            List.of(WATCH), List.of(NOTIFY + " (the operators' page)"), true, 0);

    /** The flow's topics, in flow order. */
    public static final List<Topic<?>> ALL = List.of(PUBLISHED, INGESTED, REJECTED, OCR_REQUESTED, OCR_RECOGNISED, PARSED, VALIDATED, NOTIFICATION_SENT,
            DEADLINE_CHECKS);

    /** Partitions per topic unless configured otherwise: bounds how many instances of a service share the work. */
    public static final int DEFAULT_PARTITIONS = 6;

    private Topics() {
    }

    /** A topic of the flow: keyed by agency, kept for the retention time, with the pipeline's partitions. */
    private static <V extends SpecificRecord> Topic<V> flow(String name, Class<V> type,
                                                                                    List<String> writers, List<String> readers) {
        return new Topic<>(name, type, AGENCY, writers, readers, false, 0);
    }
}
