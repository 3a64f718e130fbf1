package io.nianbao.events;

import java.util.List;

/** Every topic of the pipeline, in flow order. Services and tests name topics only through here. */
public final class Topics {

    /** Portals that produce Avro themselves publish here. */
    public static final Topic<ReportPublished> PUBLISHED = new Topic<>("report.published", ReportPublished.class);
    public static final Topic<ReportIngested> INGESTED = new Topic<>("report.ingested", ReportIngested.class);
    public static final Topic<ReportRejected> REJECTED = new Topic<>("report.rejected", ReportRejected.class);
    public static final Topic<ReportParsed> PARSED = new Topic<>("report.parsed", ReportParsed.class);
    public static final Topic<ReportValidated> VALIDATED = new Topic<>("report.validated", ReportValidated.class);
    public static final Topic<NotificationSent> NOTIFICATION_SENT = new Topic<>("notification.sent", NotificationSent.class);
    /** validate-service's own ticks for PUB-MISSING: one per roster agency and year, on the agency's report.parsed partition. */
    public static final Topic<DeadlineCheck> DEADLINE_CHECKS = new Topic<>("validate.deadline-checks", DeadlineCheck.class);

    /**
     * ingest-service's own ledger of the report ids it sent downstream: compacted, and keyed by
     * report id, not agency. Not part of the flow; named here for the bench, which fills it.
     */
    public static final Topic<ReportSeen> SEEN_REPORTS = new Topic<>("ingest.seen-reports", ReportSeen.class);

    /**
     * What each consumer instance is handling now, so that a record in progress at two deaths of
     * its consumers is found and set aside (service-support's CrashGuard). Compacted, one
     * partition, keyed by group/topic/partition, not agency; written and read by every consumer.
     */
    public static final Topic<RecordsInFlight> IN_FLIGHT = new Topic<>("consumer.in-flight", RecordsInFlight.class);

    public static final List<Topic<?>> ALL = List.of(PUBLISHED, INGESTED, REJECTED, PARSED, VALIDATED, NOTIFICATION_SENT,
            DEADLINE_CHECKS);

    /** Partitions per topic unless configured otherwise: bounds how many instances of a service share the work. */
    public static final int DEFAULT_PARTITIONS = 6;

    private Topics() {
    }
}
