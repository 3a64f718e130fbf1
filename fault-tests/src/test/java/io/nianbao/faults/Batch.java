package io.nianbao.faults;

import io.nianbao.cli.demo.DemoReport;
import io.nianbao.cli.demo.DemoReports;
import io.nianbao.events.AgencyLevel;
import io.nianbao.events.ReportPublished;
import io.nianbao.events.TopicClient;
import io.nianbao.events.Topics;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * Reports published on report.published at a steady pace, in a thread of its own, so that a fault
 * injected meanwhile meets a pipeline in full flow. Each report has an agency of its own (the
 * sample reports in turn), so the agency id names the report on every topic.
 */
final class Batch {

    private final List<String> agencies;
    private final CompletableFuture<Void> published;

    private Batch(List<String> agencies, CompletableFuture<Void> published) {
        this.agencies = agencies;
        this.published = published;
    }

    /** Starts publishing {@code count} reports, {@code perSecond} a second, through the demo portal. */
    static Batch publish(TopicClient topics, String tag, int count, int perSecond) {
        List<DemoReport> samples = DemoReports.samples();
        List<String> agencies = IntStream.range(0, count).mapToObj(i -> tag + "-" + i).toList();
        CompletableFuture<Void> published = CompletableFuture.runAsync(() -> {
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                DemoReport sample = samples.get(i % samples.size());
                ReportPublished report = ReportPublished.newBuilder()
                        .setAgencyId(agencies.get(i))
                        .setAgencyName(sample.agencyName())
                        .setAgencyLevel(sample.level() == null ? AgencyLevel.UNKNOWN : AgencyLevel.valueOf(sample.level()))
                        .setPublishedOn(sample.publishedOn())
                        .setPortalId("demo-portal")
                        .setFileName(sample.fileName())
                        .setDocument(ByteBuffer.wrap(sample.document()))
                        .build();
                topics.publish(Topics.PUBLISHED, report.getAgencyId(), report);
                long due = start + TimeUnit.SECONDS.toNanos(i + 1) / perSecond;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    try {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("publishing interrupted", e);
                    }
                }
            }
        });
        return new Batch(agencies, published);
    }

    List<String> agencies() {
        return agencies;
    }

    int size() {
        return agencies.size();
    }

    /** Waits until every report is on the broker (the producer retries through a broker restart). */
    void awaitPublished(Duration timeout) throws Exception {
        published.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
