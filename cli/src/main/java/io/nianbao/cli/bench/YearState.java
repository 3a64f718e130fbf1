package io.nianbao.cli.bench;

import io.nianbao.events.Channel;
import io.nianbao.events.NotificationSent;
import io.nianbao.events.ReportSeen;
import io.nianbao.events.Topics;
import io.nianbao.events.serde.ConfluentAvroSerializer;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What ingest-service holds in memory by the end of a year of ~200,000 reports: the ids of all
 * the reports it sent downstream (ledger ingest.seen-reports) and the statuses of the latest
 * 100,000 (its status capacity, read from notification.sent among others). The bench writes them
 * onto those topics, as the pipeline would have, and waits until ingest's gauges count them, so
 * that ingest's memory under load is measured with a year behind it.
 */
final class YearState {

    static final int SEEN_REPORTS = 200_000;
    static final int STATUSES = 100_000;
    static final String SEEN_GAUGE = "nianbao_ingest_seen_reports";
    static final String STATUSES_GAUGE = "nianbao_ingest_statuses";

    /** What ingest-service counted once it had read the year, and how long that took. */
    record Loaded(int seenReports, int statuses, double seconds) {
    }

    private YearState() {
    }

    static Loaded load(String bootstrapServers, ConfluentAvroSerializer serializer, String ingestUrl, Duration timeout)
            throws IOException, InterruptedException {
        long start = System.nanoTime();
        write(bootstrapServers, serializer, new Random(2025));
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest scrape = HttpRequest.newBuilder(URI.create(ingestUrl + "/actuator/prometheus")).build();
        long deadline = start + timeout.toNanos();
        while (true) {
            String metrics = http.send(scrape, HttpResponse.BodyHandlers.ofString()).body();
            int seen = (int) gauge(metrics, SEEN_GAUGE).orElse(0);
            int statuses = (int) gauge(metrics, STATUSES_GAUGE).orElse(0);
            if (seen >= SEEN_REPORTS && statuses >= STATUSES) {
                return new Loaded(seen, statuses, (System.nanoTime() - start) / 1e9);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("ingest-service read " + seen + " of " + SEEN_REPORTS + " seen ids and "
                        + statuses + " of " + STATUSES + " statuses within " + timeout);
            }
            Thread.sleep(500);
        }
    }

    /** A gauge's value in the Prometheus text format, labels or not. */
    static OptionalDouble gauge(String metrics, String name) {
        return metrics.lines()
                .filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst();
    }

    /** Report ids of 32 hex digits like ingest's own, one agency each; the latest {@link #STATUSES} were mailed. */
    private static void write(String bootstrapServers, ConfluentAvroSerializer serializer, Random random) {
        HexFormat hex = HexFormat.of();
        Instant now = Instant.now();
        AtomicReference<Exception> refused = new AtomicReference<>();
        Callback failure = (metadata, error) -> {
            if (error != null) {
                refused.compareAndSet(null, error);
            }
        };
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024), new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < SEEN_REPORTS; i++) {
                String reportId = hex.formatHex(bytes(random, 16));
                String agencyId = "year-agency-" + i;
                ReportSeen seen = new ReportSeen(reportId, agencyId, 2025, hex.formatHex(bytes(random, 32)), now);
                producer.send(new ProducerRecord<>(Topics.SEEN_REPORTS.name(), reportId,
                        serializer.serialize(Topics.SEEN_REPORTS.name(), seen)), failure);
                if (i >= SEEN_REPORTS - STATUSES) {
                    NotificationSent sent = new NotificationSent(reportId, agencyId, Channel.EMAIL,
                            "inspector@nianbao.example", List.of("T3-BALANCE"), 1, now);
                    producer.send(new ProducerRecord<>(Topics.NOTIFICATION_SENT.name(), agencyId,
                            serializer.serialize(Topics.NOTIFICATION_SENT.name(), sent)), failure);
                }
            }
        }
        // Else the wait for ingest's gauges would time out without saying why.
        if (refused.get() != null) {
            throw new IllegalStateException("the broker refused part of the year's state", refused.get());
        }
    }

    private static byte[] bytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
