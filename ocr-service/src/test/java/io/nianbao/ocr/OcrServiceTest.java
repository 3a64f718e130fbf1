package io.nianbao.ocr;

import io.nianbao.core.ReportReader;
import io.nianbao.core.model.ParsedReport;
import io.nianbao.core.model.ReportMetadata;
import io.nianbao.events.ReportIngested;
import io.nianbao.events.ReportRecognised;
import io.nianbao.events.TopicClient;
import io.nianbao.events.Topics;
import io.nianbao.localstack.LocalStack;
import io.nianbao.localstack.LocalStackExtension;
import io.nianbao.ocr.engine.DocumentOcr;
import io.nianbao.samples.ReadCells;
import io.nianbao.samples.SampleReports;
import io.nianbao.samples.ScannedDocuments;
import io.nianbao.service.DocumentStore;
import io.nianbao.service.NianbaoServices;
import io.nianbao.service.ReportEvents;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * ocr-service as a Spring context in this JVM against the real broker and registry: a scan on
 * ocr.requested (its document in the claim-check store, as ingest stores large ones) comes back on
 * ocr.recognised as lines that parse into the report's tables; an image that cannot be decoded
 * comes back refused with the reason.
 */
@ExtendWith(LocalStackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OcrServiceTest {

    /** A scan of a few pages at a few seconds a page on a busy core. */
    private static final Duration WAIT = Duration.ofMinutes(3);

    private TopicClient topics;
    private DocumentStore store;
    private ConfigurableApplicationContext service;

    @BeforeAll
    void start(LocalStack stack) throws IOException {
        NianbaoServices.allowAvroEventClasses();
        topics = new TopicClient(stack.bootstrapServers(), stack.schemaRegistryUrl());
        Path documents = Files.createTempDirectory("ocr-documents");
        store = new DocumentStore(documents);
        service = new SpringApplicationBuilder(OcrServiceApplication.class).run(
                "--nianbao.kafka.bootstrap-servers=" + stack.bootstrapServers(),
                "--nianbao.schema-registry.url=" + stack.schemaRegistryUrl(),
                "--nianbao.documents.dir=" + documents,
                "--server.port=0");
    }

    @AfterAll
    void stop() {
        if (service != null) {
            service.close();
        }
        if (topics != null) {
            topics.close();
        }
    }

    @Test
    void aScanComesBackAsLinesThatParseIntoTheReportsTables() throws Exception {
        assumeTrue(service.getBean(DocumentOcr.class).available(), "ocr-engine's jar has no OCR models");
        assumeTrue(ScannedDocuments.available(), "no Chinese font to draw the scan with");
        ParsedReport report = SampleReports.consistentGb2021();
        byte[] scan = ScannedDocuments.imagePdf(report, ScannedDocuments.Scan.clean(200));
        ReportIngested requested = requested("scan-" + UUID.randomUUID(), scan, true);
        topics.publish(Topics.OCR_REQUESTED, requested.getAgencyId(), requested);

        ReportRecognised recognised = recognisedOf(requested);
        assertThat(recognised.getRefusal()).isNull();
        assertThat(recognised.getImages()).as("one image per page").hasSizeGreaterThan(1);
        ParsedReport read = new ReportReader().read(scan, ReportMetadata.UNKNOWN, ReportEvents.recognitionOf(recognised));
        ReadCells.Tally tally = ReadCells.tally(report, read);
        assertThat(tally.wrong()).as(tally.toString()).isZero();
        assertThat(tally.rightShare()).as(tally.toString()).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void anImageThatCannotBeDecodedComesBackRefusedWithTheReason() throws Exception {
        byte[] brokenPng = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 1, 2, 3};
        ReportIngested requested = requested("broken-" + UUID.randomUUID(), brokenPng, false);
        topics.publish(Topics.OCR_REQUESTED, requested.getAgencyId(), requested);

        ReportRecognised recognised = recognisedOf(requested);
        assertThat(recognised.getImages()).isEmpty();
        assertThat(recognised.getRefusal()).isNotNull();
        // Without models every document is refused as needing OCR; with them, this one as corrupt.
        assertThat(recognised.getRefusal().getReason())
                .isEqualTo(service.getBean(DocumentOcr.class).available() ? "CORRUPT" : "NEEDS_OCR");
        assertThat(recognised.getRefusal().getMessage()).isNotBlank();
    }

    private ReportRecognised recognisedOf(ReportIngested requested) throws InterruptedException {
        return topics.await(Topics.OCR_RECOGNISED, r -> r.getReport().getReportId().equals(requested.getReportId()), WAIT)
                .getFirst();
    }

    private ReportIngested requested(String agency, byte[] document, boolean stored) {
        String sha256 = UUID.randomUUID().toString();
        return ReportIngested.newBuilder()
                .setReportId(agency + "-report")
                .setAgencyId(agency)
                .setYear(2024)
                .setMediaType(stored ? "application/pdf" : "image/png")
                .setSha256(sha256)
                .setSizeBytes(document.length)
                .setDocument(stored ? null : ByteBuffer.wrap(document))
                .setDocumentRef(stored ? store.put(sha256, document) : null)
                .setIngestedAt(Instant.now())
                .build();
    }
}
