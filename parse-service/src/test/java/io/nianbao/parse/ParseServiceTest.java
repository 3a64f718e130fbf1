package io.nianbao.parse;

import io.nianbao.events.Topic;
import io.nianbao.events.TopicClient;
import io.nianbao.samples.ReportRenderer;
import io.nianbao.samples.SampleReports;
import io.nianbao.core.model.ParsedReport;
import io.nianbao.core.ocr.RecognisedCell;
import io.nianbao.core.ocr.RecognisedLine;
import io.nianbao.events.OcrRefusal;
import io.nianbao.events.ReportIngested;
import io.nianbao.events.ReportParsed;
import io.nianbao.events.ReportRecognised;
import io.nianbao.events.ReportRejected;
import io.nianbao.events.Stage;
import io.nianbao.samples.ScannedDocuments;
import io.nianbao.service.ReportEvents;
import io.nianbao.events.Topics;
import io.nianbao.localstack.LocalStack;
import io.nianbao.localstack.LocalStackExtension;
import io.nianbao.service.DocumentMemory;
import io.nianbao.service.NianbaoServices;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.unit.DataSize;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * parse-service as a Spring context in this JVM against the real broker and registry: a poll of
 * report.ingested is parsed in one Kafka transaction, and a record that cannot be read goes to
 * the DLQ alone while the rest of its poll is parsed.
 */
@ExtendWith({LocalStackExtension.class, OutputCaptureExtension.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ParseServiceTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    /** After the records a test expects, the time a duplicate would take to show up. */
    private static final Duration SETTLE = Duration.ofSeconds(2);
    private static final DataSize MEMORY_BUDGET = DataSize.ofMegabytes(1);

    private LocalStack stack;
    private TopicClient topics;
    private Path documents;
    private ConfigurableApplicationContext service;

    @BeforeAll
    void start(LocalStack localStack) throws IOException {
        NianbaoServices.allowAvroEventClasses();
        stack = localStack;
        topics = new TopicClient(stack.bootstrapServers(), stack.schemaRegistryUrl());
        documents = Files.createTempDirectory("parse-documents");
        service = new SpringApplicationBuilder(ParseServiceApplication.class).run(serviceArguments());
    }

    private String[] serviceArguments(String... more) {
        return Stream.concat(Stream.of("--nianbao.kafka.bootstrap-servers=" + stack.bootstrapServers(),
                "--nianbao.schema-registry.url=" + stack.schemaRegistryUrl(),
                "--nianbao.documents.dir=" + documents,
                "--nianbao.documents.memory-budget=" + MEMORY_BUDGET.toBytes() + "B",
                "--server.port=0"), Stream.of(more)).toArray(String[]::new);
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
    void aPollWithAnUndecodableAndAnUnparsableRecordDeadLettersThemAloneAndParsesTheRestOnceEach() throws Exception {
        // One key: the four records reach the service in one poll.
        String agency = "poll-" + UUID.randomUUID();
        String traceId = UUID.randomUUID().toString().replace("-", "");
        ReportIngested first = ingested(agency, "first", ReportRenderer.bytes(SampleReports.consistentGb2021()), null);
        ReportIngested missing = ingested(agency, "claim", null, "store:no-such-document");
        ReportIngested second = ingested(agency, "second", ReportRenderer.bytes(SampleReports.withArithmeticErrors()), null);
        byte[] undecodable = "not a ReportIngested".getBytes(StandardCharsets.UTF_8);

        ProducerRecord<String, byte[]> traced = new ProducerRecord<>(Topics.INGESTED.name(), agency,
                topics.serialize(Topics.INGESTED, first));
        traced.headers().add("traceparent", ("00-" + traceId + "-00f067aa0ba902b7-01").getBytes(StandardCharsets.US_ASCII));
        topics.publishRecords(List.of(traced,
                new ProducerRecord<>(Topics.INGESTED.name(), agency, undecodable),
                new ProducerRecord<>(Topics.INGESTED.name(), agency, topics.serialize(Topics.INGESTED, missing)),
                new ProducerRecord<>(Topics.INGESTED.name(), agency, topics.serialize(Topics.INGESTED, second))));

        List<ConsumerRecord<String, byte[]>> parsed = settled(Topics.PARSED.name(), agency, 2);
        assertThat(parsed).extracting(this::reportIdOf)
                .containsExactlyInAnyOrder(first.getReportId(), second.getReportId());
        assertThat(traceIdOf(parsed.stream().filter(r -> reportIdOf(r).equals(first.getReportId())).findFirst().orElseThrow()))
                .as("the parsed report continues the trace of the ingested one").isEqualTo(traceId);

        List<ConsumerRecord<String, byte[]>> deadLetters = settled(Topics.INGESTED.dlq(), agency, 2);
        assertThat(deadLetters).anySatisfy(dead -> {
            assertThat(dead.value()).isEqualTo(undecodable);
            assertThat(reasonOf(dead)).isNotBlank();
        });
        assertThat(deadLetters).anySatisfy(dead -> assertThat(reasonOf(dead)).contains("store:no-such-document", "missing"));
        assertThat(service.getBean(DocumentMemory.class).freeBytes())
                .as("every document's share of the memory given back, the missing one's too").isEqualTo(MEMORY_BUDGET.toBytes());
    }

    /**
     * A poll past its time budget commits what it parsed and leaves the rest to the next poll. With
     * a budget of a millisecond each poll parses one report: five sent in one batch are parsed once
     * each, none dead-lettered, in polls that said they left the rest.
     */
    @Test
    void aPollPastItsTimeBudgetCommitsWhatItParsedAndLeavesTheRestToTheNext(CapturedOutput output) throws Exception {
        String agency = "budget-" + UUID.randomUUID();
        String topic = Topics.INGESTED.name() + "." + agency;
        List<ReportIngested> reports = IntStream.range(0, 5)
                .mapToObj(i -> ingested(agency, "report-" + i, ReportRenderer.bytes(SampleReports.consistentGb2021()), null))
                .toList();
        try (ConfigurableApplicationContext budgeted = new SpringApplicationBuilder(ParseServiceApplication.class)
                .run(serviceArguments("--nianbao.parse.poll-time-budget=1ms",
                        "--spring.cloud.stream.bindings.parseReports-in-0.destination=" + topic,
                        "--spring.cloud.stream.bindings.parseReports-in-0.group=" + agency))) {
            topics.publishRecords(reports.stream()
                    .map(report -> new ProducerRecord<>(topic, agency, topics.serialize(Topics.INGESTED, report))).toList());

            List<ConsumerRecord<String, byte[]>> parsed = settled(Topics.PARSED.name(), agency, reports.size());
            assertThat(parsed).extracting(this::reportIdOf)
                    .containsExactlyInAnyOrderElementsOf(reports.stream().map(ReportIngested::getReportId).toList());
            assertThat(settled(Topic.dlqOf(topic), agency, 0)).isEmpty();
            assertThat(output.getOut()).contains("budget after 1 of", "come again in the next poll");
        }
    }

    /**
     * A scan goes to ocr-service (ocr.requested), and what ocr-service read comes back on
     * ocr.recognised and is parsed here into report.parsed, marked as read by OCR. The recognised
     * lines are the report's own lines, as a perfect OCR would give them, each cell at 0.99.
     */
    @Test
    void aScanGoesToOcrAndWhatOcrReadIsParsedHere() throws Exception {
        assumeTrue(ScannedDocuments.available(), "no Chinese font to draw the scan with");
        String agency = "scan-" + UUID.randomUUID();
        ParsedReport report = SampleReports.consistentGb2021();
        ReportIngested scan = ingested(agency, "scan", ScannedDocuments.imagePdf(report, ScannedDocuments.Scan.clean(100)), null);
        topics.publish(Topics.INGESTED, agency, scan);

        ReportIngested requested = topics.await(Topics.OCR_REQUESTED, r -> r.getAgencyId().equals(agency), WAIT).getFirst();
        assertThat(requested.getReportId()).isEqualTo(scan.getReportId());
        assertThat(settled(Topics.PARSED.name(), agency, 0)).as("nothing parsed before OCR").isEmpty();

        List<RecognisedLine> lines = ReportRenderer.render(report).lines()
                .map(line -> new RecognisedLine(Stream.of(line.split(ReportRenderer.TAB, -1))
                        .map(text -> new RecognisedCell(text, 0.99)).toList(), line.contains(ReportRenderer.TAB)))
                .toList();
        topics.publish(Topics.OCR_RECOGNISED, agency, ReportRecognised.newBuilder().setReport(requested)
                .setImages(List.of(ReportEvents.toEvent(0, lines))).build());

        ReportParsed parsed = topics.value(Topics.PARSED, settled(Topics.PARSED.name(), agency, 1).getFirst());
        assertThat(parsed.getReadByOcr()).isTrue();
        ParsedReport read = ReportEvents.toModel(parsed);
        assertThat(read.applications().rows()).isEqualTo(report.applications().rows());
        assertThat(read.reviewLitigation().groups()).isEqualTo(report.reviewLitigation().groups());
    }

    /** What ocr-service could not read is refused here, with its reason, as parse-service refuses what it cannot read. */
    @Test
    void aDocumentOcrRefusedIsRejectedWithTheReason() throws Exception {
        String agency = "refused-" + UUID.randomUUID();
        ReportIngested photo = ingested(agency, "photo", new byte[] {(byte) 0x89, 'P', 'N', 'G'}, null);
        topics.publish(Topics.OCR_RECOGNISED, agency, ReportRecognised.newBuilder().setReport(photo)
                .setRefusal(new OcrRefusal("NEEDS_OCR", "需要OCR：本系统尚未安装OCR识别模型。", "no models")).build());

        ReportRejected rejected = topics.await(Topics.REJECTED, r -> r.getAgencyId().equals(agency), WAIT).getFirst();
        assertThat(rejected.getReportId()).isEqualTo(photo.getReportId());
        assertThat(rejected.getStage()).isEqualTo(Stage.PARSE);
        assertThat(rejected.getReason()).isEqualTo("NEEDS_OCR");
        assertThat(rejected.getMessage()).contains("需要OCR");
    }

    /** Where no ocr-service runs (nianbao.parse.ocr=false), a scan is refused as needing OCR. */
    @Test
    void withoutOcrAScanIsRefusedAsNeedingOcr() throws Exception {
        assumeTrue(ScannedDocuments.available(), "no Chinese font to draw the scan with");
        String agency = "no-ocr-" + UUID.randomUUID();
        String topic = Topics.INGESTED.name() + "." + agency;
        try (ConfigurableApplicationContext withoutOcr = new SpringApplicationBuilder(ParseServiceApplication.class)
                .run(serviceArguments("--nianbao.parse.ocr=false",
                        "--spring.cloud.stream.bindings.parseReports-in-0.destination=" + topic,
                        "--spring.cloud.stream.bindings.parseReports-in-0.group=" + agency,
                        "--spring.cloud.stream.bindings.parseRecognised-in-0.destination=" + Topics.OCR_RECOGNISED.name() + "." + agency))) {
            ReportIngested scan = ingested(agency, "scan", ScannedDocuments.imagePdf(SampleReports.consistentGb2021(),
                    ScannedDocuments.Scan.clean(100)), null);
            topics.publishRecords(List.of(new ProducerRecord<>(topic, agency, topics.serialize(Topics.INGESTED, scan))));

            ReportRejected rejected = topics.await(Topics.REJECTED, r -> r.getAgencyId().equals(agency), WAIT).getFirst();
            assertThat(rejected.getReason()).isEqualTo("NEEDS_OCR");
            assertThat(rejected.getMessage()).startsWith("需要OCR");
            assertThat(settled(Topics.OCR_REQUESTED.name(), agency, 0)).isEmpty();
        }
    }

    private static ReportIngested ingested(String agency, String name, byte[] document, String documentRef) {
        return ReportIngested.newBuilder()
                .setReportId(agency + "-" + name)
                .setAgencyId(agency)
                .setYear(2024)
                .setMediaType("text/plain")
                .setSha256(name)
                .setSizeBytes(document == null ? 0 : document.length)
                .setDocument(document == null ? null : ByteBuffer.wrap(document))
                .setDocumentRef(documentRef)
                .setIngestedAt(Instant.now())
                .build();
    }

    /**
     * The committed records of {@code agency} on the topic, once {@code expected} of them are there
     * and then no record came for {@link #SETTLE} (a duplicate would show up in that time).
     */
    private List<ConsumerRecord<String, byte[]>> settled(String topic, String agency, int expected) throws InterruptedException {
        Predicate<ConsumerRecord<String, byte[]>> ofAgency = r -> agency.equals(r.key());
        topics.awaitRaw(topic, ofAgency, expected, WAIT);
        return topics.rawOnceQuiet(topic, SETTLE).stream().filter(ofAgency).toList();
    }

    private String reportIdOf(ConsumerRecord<String, byte[]> parsed) {
        return topics.value(Topics.PARSED, parsed).getReportId();
    }

    private static String traceIdOf(ConsumerRecord<?, ?> record) {
        Header traceparent = record.headers().lastHeader("traceparent");
        assertThat(traceparent).as("traceparent header").isNotNull();
        return new String(traceparent.value(), StandardCharsets.US_ASCII).split("-")[1];
    }

    private static String reasonOf(ConsumerRecord<?, ?> deadLetter) {
        Header reason = deadLetter.headers().lastHeader("kafka_dlt-exception-message");
        assertThat(reason).as("reason header").isNotNull();
        return new String(reason.value(), StandardCharsets.UTF_8);
    }
}
