package io.nianbao.ingest.intake;

import io.nianbao.events.ReportIngested;
import io.nianbao.events.ReportSeen;
import io.nianbao.events.Topics;
import io.nianbao.service.KafkaClients;
import io.nianbao.service.TopicFollower;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The report ids already sent downstream, so a document handed in again is acknowledged and not
 * sent twice. The ledger is the compacted topic ingest.seen-reports, keyed by report id (compaction
 * keeps one record per id for ever): every instance reads it all at startup, before it takes
 * requests, and keeps following it, so ids survive restarts and are shared between instances.
 */
@Component
public class SeenReports implements DisposableBean {

    private static final String TOPIC = Topics.SEEN_REPORTS.name();
    private static final Logger log = LoggerFactory.getLogger(SeenReports.class);
    private static final Duration LOAD_TIMEOUT = Duration.ofSeconds(120);

    private final ReportIdSet seen = new ReportIdSet();
    private final KafkaProducer<String, SpecificRecord> producer;
    private final TopicFollower follower;

    public SeenReports(KafkaClients kafka) throws InterruptedException {
        kafka.ensureTopics(List.of(Topics.SEEN_REPORTS));
        // The ledger's entries are not waited for: the instance's threads share a request every 10 ms.
        this.producer = kafka.producer(10);
        this.follower = kafka.follow("ingest-seen-reports", List.of(Topics.SEEN_REPORTS), null,
                record -> seen.add(((ReportSeen) record).getReportId()));
        if (!follower.awaitCaughtUp(LOAD_TIMEOUT)) {
            throw new IllegalStateException(TOPIC + " not loaded within " + LOAD_TIMEOUT);
        }
    }

    /** True if the id was not seen before; it counts as seen from now on, until {@link #release}. */
    public boolean claim(String reportId) {
        return seen.add(reportId);
    }

    /** Undoes a claim whose report could not be sent. */
    public void release(String reportId) {
        seen.remove(reportId);
    }

    public boolean contains(String reportId) {
        return seen.contains(reportId);
    }

    /** Ids in memory: every report sent downstream, for ever (the ledger is compacted, not expired). */
    public int size() {
        return seen.size();
    }

    /**
     * Writes the id of a report just sent downstream to the ledger, without waiting for the broker:
     * the report is on report.ingested already. An entry lost (the instance killed within the
     * producer's linger, or the broker refusing) only lets the same document through once more
     * under the same report id, which the stages downstream absorb; waiting had cost a produce
     * request of its own per report.
     */
    public void record(ReportIngested ingested) {
        ReportSeen entry = ReportSeen.newBuilder()
                .setReportId(ingested.getReportId())
                .setAgencyId(ingested.getAgencyId())
                .setYear(ingested.getYear())
                .setSha256(ingested.getSha256())
                .setSeenAt(Instant.now())
                .build();
        producer.send(new ProducerRecord<>(TOPIC, entry.getReportId(), entry), (metadata, error) -> {
            if (error != null) {
                log.error("cannot record report {} in {}: a resubmission of it would be sent downstream again",
                        entry.getReportId(), TOPIC, error);
            }
        });
    }

    @Override
    public void destroy() throws InterruptedException {
        follower.close();
        producer.close(Duration.ofSeconds(5));
    }
}
