package io.nianbao.ingest;

import io.nianbao.events.ReportIngested;
import io.nianbao.events.ReportSeen;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The report ids already sent downstream, so a document handed in again is acknowledged and not
 * sent twice. The ledger is the compacted topic {@value #TOPIC}, keyed by report id (compaction
 * keeps one record per id for ever): every instance reads it all at startup, before it takes
 * requests, and keeps following it, so ids survive restarts and are shared between instances.
 */
@Component
public class SeenReports implements DisposableBean {

    static final String TOPIC = "ingest.seen-reports";
    private static final Duration LOAD_TIMEOUT = Duration.ofSeconds(120);

    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final KafkaProducer<String, SpecificRecord> producer;
    private final TopicFollower follower;

    public SeenReports(Broker broker) throws InterruptedException {
        broker.ensureTopics(List.of(TOPIC), Map.of("cleanup.policy", "compact"));
        this.producer = broker.producer();
        this.follower = broker.follow("seen-reports", List.of(TOPIC), null,
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

    /** Writes the id of a report just sent downstream to the ledger, and waits for the broker. */
    public void record(ReportIngested ingested) {
        ReportSeen entry = ReportSeen.newBuilder()
                .setReportId(ingested.getReportId())
                .setAgencyId(ingested.getAgencyId())
                .setYear(ingested.getYear())
                .setSha256(ingested.getSha256())
                .setSeenAt(Instant.now())
                .build();
        try {
            producer.send(new ProducerRecord<>(TOPIC, entry.getReportId(), entry)).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while recording " + entry.getReportId(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot record " + entry.getReportId() + " in " + TOPIC, e);
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        follower.close();
        producer.close(Duration.ofSeconds(5));
    }
}
