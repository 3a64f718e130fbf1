package io.nianbao.e2e;

import io.nianbao.cli.bench.LoadReports;
import io.nianbao.cli.demo.DemoReport;
import io.nianbao.cli.demo.PipelineWatcher;
import io.nianbao.cli.demo.PortalClient;
import io.nianbao.events.ReportParsed;
import io.nianbao.events.ReportPublished;
import io.nianbao.events.TopicClient;
import io.nianbao.events.Topics;
import io.nianbao.localstack.LocalStack;
import io.nianbao.localstack.LocalStackExtension;
import io.nianbao.localstack.ServiceFleet;
import io.nianbao.ocr.engine.DocumentOcr;
import io.nianbao.samples.ScannedDocuments;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A burst of scans does not hold up the text reports behind it: the scans wait for ocr-service on
 * ocr.requested while the text reports pass parse-service, and every scan is read by OCR in the end.
 * The whole pipeline as {@link PipelineEndToEndIT} runs it, ocr-service with its one thread.
 */
@ExtendWith(LocalStackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OcrBurstIT {

    private static final int SCANS = 20;
    private static final int TEXT_REPORTS = 200;
    /** 200 text reports on a busy two-core machine take well under a minute. */
    private static final Duration TEXT = Duration.ofMinutes(5);
    /** 40 pages at 2–3 s a page on one core, several times that on a busy machine. */
    private static final Duration SCANS_READ = Duration.ofMinutes(20);
    private static final int PROBLEM_LINES = 5;

    private ServiceFleet fleet;
    private PipelineWatcher watcher;
    private PortalClient portal;
    private TopicClient topics;
    private RunningPipeline pipeline;

    @BeforeAll
    void startPipeline(LocalStack stack) throws IOException {
        assumeTrue(ScannedDocuments.available(), "no Chinese font to draw the scans with");
        try (DocumentOcr ocr = DocumentOcr.load()) {
            assumeTrue(ocr.available(), "ocr-engine's jar has no OCR models: every scan would be refused");
        }
        pipeline = RunningPipeline.start(stack);
        fleet = pipeline.fleet();
        watcher = pipeline.watcher();
        portal = pipeline.portal();
        topics = pipeline.topics();
    }

    @AfterAll
    void stopPipeline() {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    void textReportsPublishedAfterABurstOfScansReachNotifyWhileTheScansWaitForOcrAndThenTheScansDoToo() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<ReportPublished> scanned = LoadReports.scans("scan-" + run + "-", SCANS);
        List<ReportPublished> texts = LoadReports.make("text-" + run + "-", TEXT_REPORTS);
        List<String> scans = publishAll(scanned);
        List<String> textReports = publishAll(texts);

        assertThat(watcher.awaitEnd(textReports, TEXT)).as(() -> "every text report reached notify-service within " + TEXT
                + fleet.recentProblems(PROBLEM_LINES)).isTrue();
        List<String> recognised = topics.values(Topics.OCR_RECOGNISED, r -> scans.contains(r.getReport().getReportId())).stream()
                .map(r -> r.getReport().getReportId()).toList();
        assertThat(recognised).as("scans on ocr.recognised when the last text report had reached notify-service")
                .hasSizeLessThan(SCANS);
        textReports.forEach(id -> assertThat(watcher.rejected(id)).as("text report " + id + " rejected").isNull());

        assertThat(watcher.awaitEnd(scans, SCANS_READ)).as(() -> "every scan reached notify-service within " + SCANS_READ
                + fleet.recentProblems(PROBLEM_LINES)).isTrue();
        scans.forEach(id -> assertThat(watcher.rejected(id)).as("scan " + id + " rejected").isNull());
        List<ReportParsed> parsed = topics.values(Topics.PARSED, p -> scans.contains(p.getReportId()) || textReports.contains(p.getReportId()));
        assertThat(parsed).filteredOn(p -> scans.contains(p.getReportId())).as("the scans, parsed once each from what OCR read")
                .hasSize(SCANS).extracting(ReportParsed::getReadByOcr).containsOnly(true);
        assertThat(parsed).filteredOn(p -> textReports.contains(p.getReportId())).as("the text reports, read as text")
                .hasSize(TEXT_REPORTS).extracting(ReportParsed::getReadByOcr).containsOnly(false);
    }

    /** Uploads the reports one after the other through ingest's HTTP API, as their portal would: their report ids. */
    private List<String> publishAll(List<ReportPublished> reports) throws IOException, InterruptedException {
        List<String> ids = new ArrayList<>();
        for (ReportPublished report : reports) {
            DemoReport upload = new DemoReport(report.getFileName(), report.getAgencyId(), report.getAgencyName(),
                    report.getAgencyLevel().name(), report.getPublishedOn(), report.getFileName(), report.getDocument().array());
            PortalClient.Answer answer = portal.publish(upload);
            assertThat(answer.status()).as(report.getAgencyId() + ": " + answer.message()).isEqualTo(202);
            ids.add(answer.reportId());
        }
        return ids;
    }
}
