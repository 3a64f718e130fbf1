package io.nianbao.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nianbao.cli.demo.DemoReport;
import io.nianbao.cli.demo.DemoReports;
import io.nianbao.cli.demo.PipelineWatcher;
import io.nianbao.cli.demo.PortalClient;
import io.nianbao.cli.demo.WatchedPortal;
import io.nianbao.core.extract.HostileDocuments;
import io.nianbao.localstack.ProcessSample;
import io.nianbao.events.ColumnStatus;
import io.nianbao.events.Finding;
import io.nianbao.events.ReportPublished;
import io.nianbao.events.ReportRejected;
import io.nianbao.events.ReportValidated;
import io.nianbao.events.Stage;
import io.nianbao.events.TopicClient;
import io.nianbao.events.Topics;
import io.nianbao.localstack.LocalStack;
import io.nianbao.localstack.LocalStackExtension;
import io.nianbao.localstack.MailCatcher;
import io.nianbao.localstack.ServiceFleet;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The whole pipeline: the four services as separate processes, a real Kafka broker, a real schema
 * registry and a real SMTP server. Reports go in through ingest-service's HTTP API as a portal
 * sends them; the assertions are on what reaches the inspector's mailbox and the topics.
 */
@ExtendWith(LocalStackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PipelineEndToEndIT {

    private static final Duration PIPELINE = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TOMCAT_PORT = Pattern.compile("Tomcat started on port (\\d+)");

    private LocalStack stack;
    private RunningPipeline pipeline;
    private MailCatcher mail;
    private ServiceFleet fleet;
    private PipelineWatcher watcher;
    private PortalClient portal;
    private TopicClient topics;

    @BeforeAll
    void startPipeline(LocalStack localStack) throws IOException {
        stack = localStack;
        pipeline = RunningPipeline.start(stack);
        mail = pipeline.mail();
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
    void aConsistentReportYieldsNoMailAndADefectiveOneItsArithmeticFindings() throws Exception {
        List<DemoReport> samples = DemoReports.samples();
        DemoReport consistent = samples.get(0);
        DemoReport defective = samples.get(1);
        Map<DemoReport, String> ids = publishAll(List.of(consistent, defective));

        assertThat(watcher.awaitEnd(ids.values(), PIPELINE)).as("both reached notify-service").isTrue();
        assertThat(watcher.validated(ids.get(consistent)).getFindings()).as("findings of the consistent report").isEmpty();
        assertThat(mailFor(ids.get(consistent))).as("mail about the consistent report").isEmpty();

        List<String> rules = watcher.validated(ids.get(defective)).getFindings().stream().map(Finding::getRule).toList();
        assertThat(rules).contains("T3-ROW-SUM", "T3-BALANCE", "T4-SUM");
        MailCatcher.Mail defectiveMail = mailFor(ids.get(defective)).orElseThrow();
        assertThat(defectiveMail.recipients()).containsExactly(RunningPipeline.INSPECTOR);
        assertThat(defectiveMail.subject()).contains(defective.agencyName());
        assertThat(defectiveMail.text()).contains("[T3-ROW-SUM]", "[T3-BALANCE]", "[T4-SUM]", "表四“行政复议”");
    }

    @Test
    void corpusReportsReachTheInspectorWithTheirFindings() throws Exception {
        Path corpus = DemoReports.corpusDir(Path.of(System.getProperty("nianbao.home")));
        assumeTrue(corpus != null, "../shared/corpus is absent: the corpus part of the end-to-end test is skipped");
        List<DemoReport> reports = DemoReports.fromCorpus(corpus);
        Map<DemoReport, String> ids = publishAll(reports);

        assertThat(watcher.awaitEnd(ids.values(), PIPELINE)).as("every corpus report reached notify-service").isTrue();
        for (Map.Entry<DemoReport, String> entry : ids.entrySet()) {
            JsonNode expected = golden(corpus, entry.getKey());
            List<String> mustInclude = strings(expected.path("findings").path("mustInclude"));
            List<String> mustNotInclude = strings(expected.path("findings").path("mustNotInclude"));
            ReportValidated validated = watcher.validated(entry.getValue());
            List<String> rules = validated.getFindings().stream().map(Finding::getRule).toList();
            String mailText = mailFor(entry.getValue()).map(MailCatcher.Mail::text).orElse("");

            assertThat(rules).as(entry.getKey().name()).containsAll(mustInclude).doesNotContainAnyElementsOf(mustNotInclude);
            if (PipelineWatcher.mailWorthy(validated)) {
                mustInclude.forEach(rule -> assertThat(mailText).as("mail about " + entry.getKey().name()).contains("[" + rule + "]"));
            } else {
                assertThat(mailText).as("no mail for a report with notes only: " + entry.getKey().name()).isEmpty();
            }
            mustNotInclude.forEach(rule -> assertThat(mailText).as("mail about " + entry.getKey().name()).doesNotContain("[" + rule + "]"));
        }
    }

    @Test
    void anEmptyUploadIsRejectedWithItsReasonOnTheTopicToo() throws Exception {
        String agency = "empty-" + UUID.randomUUID();
        PortalClient.Answer answer = portal.upload(Map.of("agencyId", agency), "empty.txt", new byte[0]);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.reason()).isEqualTo("EMPTY");
        assertThat(answer.message()).contains("文件为空");
        assertThat(watcher.awaitUntil(() -> !watcher.rejectionsOf(agency).isEmpty(), PIPELINE)).isTrue();
        assertThat(watcher.rejectionsOf(agency)).singleElement()
                .satisfies(r -> assertThat(r.getReason()).isEqualTo("EMPTY"));
    }

    @Test
    void aDocumentParseServiceCannotReadIsRejectedWithItsReason() throws Exception {
        String agency = "corrupt-" + UUID.randomUUID();
        byte[] brokenPdf = "%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage without end".getBytes(StandardCharsets.US_ASCII);
        PortalClient.Answer answer = portal.upload(Map.of("agencyId", agency), "report.pdf", brokenPdf);

        assertThat(answer.status()).as("ingest accepts a PDF by its bytes").isEqualTo(202);
        assertThat(watcher.awaitEnd(List.of(answer.reportId()), PIPELINE)).isTrue();
        ReportRejected rejected = watcher.rejected(answer.reportId());
        assertThat(rejected).as("rejected by parse-service").isNotNull();
        assertThat(rejected.getStage()).isEqualTo(Stage.PARSE);
        assertThat(rejected.getReason()).isIn("CORRUPT", "NEEDS_OCR", "EMPTY");
        assertThat(rejected.getMessage()).isNotBlank();
    }

    /**
     * Documents as large and complex as the limits let through, uploaded together, are taken and
     * read with the services' own heaps (ingest 120 MB, parse 112 MB), and every service is still
     * the process it was (none ended on an OutOfMemoryError); a document beyond a limit that shows
     * on its bytes is refused at once.
     */
    @Test
    void documentsAtTheLimitsAreReadWithTheServicesHeapsAndOneBeyondIsRefusedAtOnce() throws Exception {
        List<Long> pids = fleet.sample().stream().map(ProcessSample::pid).toList();
        List<CompletableFuture<PortalClient.Answer>> uploads = HostileDocuments.atTheLimits().stream()
                .map(document -> CompletableFuture.supplyAsync(() -> {
                    try {
                        return portal.upload(Map.of("agencyId", document.name() + "-" + UUID.randomUUID()), document.name(),
                                document.bytes());
                    } catch (IOException | InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                })).toList();
        List<String> ids = new ArrayList<>();
        for (CompletableFuture<PortalClient.Answer> upload : uploads) {
            PortalClient.Answer answer = upload.get(5, TimeUnit.MINUTES);
            assertThat(answer.accepted()).as(answer.toString()).isTrue();
            ids.add(answer.reportId());
        }
        assertThat(watcher.awaitEnd(ids, PIPELINE)).as("every document at the limits reached the end").isTrue();
        ids.forEach(id -> assertThat(watcher.rejected(id)).as("report " + id + " rejected").isNull());
        assertThat(fleet.sample().stream().map(ProcessSample::pid).toList()).as("the same processes").isEqualTo(pids);

        PortalClient.Answer beyond = portal.upload(Map.of("agencyId", "pages-" + UUID.randomUUID()), "report.pdf",
                HostileDocuments.pdfOf105000Pages().bytes());
        assertThat(beyond.status()).isEqualTo(422);
        assertThat(beyond.reason()).isEqualTo("TOO_COMPLEX");
        assertThat(beyond.message()).contains("页数超过200页");
    }

    @Test
    void aMissingAgencyIsRefused() throws Exception {
        PortalClient.Answer answer = portal.upload(Map.of(), "r.txt", "一、总体情况".getBytes(StandardCharsets.UTF_8));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.reason()).isEqualTo("MISSING_FIELD");
    }

    @Test
    void aDocumentOfAnotherTypeIsRefusedAsUnsupported() throws Exception {
        // A GIF: PNG, JPEG and TIFF are taken, for OCR.
        byte[] gif = {'G', 'I', 'F', '8', '9', 'a', 1, 0, 1, 0, 0, 0, 0};
        PortalClient.Answer answer = portal.upload(Map.of("agencyId", "gif-" + UUID.randomUUID()), "report.pdf", gif);

        assertThat(answer.status()).isEqualTo(415);
        assertThat(answer.reason()).isEqualTo("UNSUPPORTED_TYPE");
    }

    @Test
    void aNonAvroRecordGoesToTheDeadLetterTopicWithItsBytesAndTheServiceKeepsWorking() throws Exception {
        byte[] poison = ("poison " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        topics.publishBytes(Topics.INGESTED.name(), "poison-agency", List.of(poison));

        ConsumerRecord<String, byte[]> deadLetter = topics.awaitRaw(Topics.INGESTED.dlq(), r -> Arrays.equals(r.value(), poison),
                PIPELINE).stream().findFirst().orElse(null);
        assertThat(deadLetter).as("the poison record in report.ingested.dlq").isNotNull();
        String reason = new String(deadLetter.headers().lastHeader("kafka_dlt-exception-message").value(), StandardCharsets.UTF_8)
                + new String(deadLetter.headers().lastHeader("kafka_dlt-exception-stacktrace").value(), StandardCharsets.UTF_8);
        assertThat(reason).contains("magic byte");

        DemoReport sample = DemoReports.samples().getFirst();
        DemoReport afterPoison = new DemoReport("after-poison", "after-poison-" + UUID.randomUUID(), sample.agencyName(),
                sample.level(), sample.publishedOn(), sample.fileName(), sample.document());
        String id = publishAll(List.of(afterPoison)).get(afterPoison);
        assertThat(watcher.awaitEnd(List.of(id), PIPELINE)).as("parse-service still works after the poison record").isTrue();
    }

    @Test
    void oneTraceIdFollowsAReportThroughEveryTopicAndLogAndEveryServiceIsReadyAndMeasured() throws Exception {
        DemoReport defective = DemoReports.samples().get(1);
        String agency = "traced-" + UUID.randomUUID();
        DemoReport traced = new DemoReport("traced", agency, defective.agencyName(), defective.level(),
                defective.publishedOn(), defective.fileName(), defective.document());
        String id = publishAll(List.of(traced)).get(traced);
        assertThat(watcher.awaitEnd(List.of(id), PIPELINE)).as("the traced report reached notify-service").isTrue();

        List<String> flow = List.of(Topics.INGESTED.name(), Topics.PARSED.name(), Topics.VALIDATED.name(),
                Topics.NOTIFICATION_SENT.name());
        Map<String, String> traceIds = traceIdsOf(agency, flow);
        assertThat(traceIds).as("trace id per topic").containsOnlyKeys(flow);
        String traceId = traceIds.get(Topics.INGESTED.name());
        assertThat(traceIds.values()).as("one trace from ingest to notify").containsOnly(traceId);
        for (String service : ServiceFleet.SERVICES) {
            assertThat(Files.readString(stack.dataDir().resolve(service + ".log"))).as(service + ".log").contains(traceId);
        }

        try (HttpClient http = HttpClient.newHttpClient()) {
            for (String service : ServiceFleet.SERVICES) {
                String base = actuatorBase(service);
                HttpResponse<String> readiness = get(http, base + "/actuator/health/readiness");
                assertThat(readiness.statusCode()).as(service + " readiness: " + readiness.body()).isEqualTo(200);
                assertThat(readiness.body()).as(service).contains("\"status\":\"UP\"", "schemaRegistry");
                String metrics = get(http, base + "/actuator/prometheus").body();
                assertThat(metrics).as(service + " metrics").contains("nianbao_reports_total{", "outcome=\"out\"",
                        // Consumer lag: Kafka client metrics (binder consumers, Kafka Streams' consumer in validate).
                        "kafka_consumer_fetch_manager_records_lag_max", "nianbao_ready 1.0");
                if (service.equals("validate-service")) {
                    assertThat(metrics).contains("nianbao_findings_total{", "rule=\"T3-BALANCE\"");
                }
                // The whole budget free again: 24 MB of document bytes for ingest, 64 MB of readings for parse.
                if (service.equals("ingest-service")) {
                    assertThat(metrics).as("every document's share given back").contains("nianbao_documents_memory_free_bytes 2.5165824E7");
                }
                if (service.equals("parse-service")) {
                    assertThat(metrics).as("every reading's share given back").contains("nianbao_documents_memory_free_bytes 6.7108864E7");
                }
            }
        }
    }

    /**
     * watch-service, a fifth process, watches a local portal's column (the real 平潭 pages of
     * ../shared/corpus-wild, else rendered ones): the reports it finds go through the pipeline and are
     * checked, the links answering 404 are on watch.status; a change of menus only sends nothing;
     * a silent edit of a report's table is caught downstream as XY-REVISED.
     */
    @Test
    void aWatchedPortalsReportsAreCheckedAndASilentTableEditIsCaughtAsRevisedAndAMenuChangeAsNothing() throws Exception {
        String agency = "watched-" + UUID.randomUUID();
        String column = "e2e-" + agency;
        try (WatchedPortal site = WatchedPortal.start(Path.of(System.getProperty("nianbao.home")))) {
            fleet.startWatch(site.column(column, agency, "2s"));
            int reports = site.real() ? 3 : 2;
            // A report is validated again when its previous year arrives after it: count reports, not records.
            assertThat(watcher.awaitUntil(() -> validatedReports(agency).size() >= reports, PIPELINE)).isTrue();
            assertThat(validatedReports(agency)).as("every report the listing links and the portal has, checked").hasSize(reports);
            assertThat(topics.values(Topics.VALIDATED, v -> v.getAgencyId().equals(agency)))
                    .allSatisfy(v -> assertThat(rulesOf(v)).doesNotContain("XY-REVISED"));
            ColumnStatus status = topics.await(Topics.WATCH_STATUS, s -> s.getColumnId().equals(column), PIPELINE).getLast();
            assertThat(status.getMissingReports()).as("the listed links answering 404").hasSize(site.real() ? 7 : 1);

            site.changeMenu();
            int requests = site.editedReportRequests();
            assertThat(watcher.awaitUntil(() -> site.editedReportRequests() >= requests + 2, PIPELINE)).as("two more checks").isTrue();
            assertThat(topics.values(Topics.PUBLISHED, r -> r.getAgencyId().equals(agency))).as("a menu change sends nothing")
                    .hasSize(reports);

            site.editReportTable();
            List<ReportValidated> revised = topics.await(Topics.VALIDATED,
                    v -> v.getAgencyId().equals(agency) && rulesOf(v).contains("XY-REVISED"), PIPELINE);
            assertThat(revised).as("the silent edit caught downstream").hasSize(1);
            assertThat(topics.values(Topics.PUBLISHED, r -> r.getAgencyId().equals(agency))).extracting(ReportPublished::getDocumentUrl)
                    .as("the edited report sent once more").hasSize(reports + 1).last().isEqualTo(site.editedReportUrl());
        }
    }

    private List<String> validatedReports(String agency) {
        return topics.values(Topics.VALIDATED, v -> v.getAgencyId().equals(agency)).stream().map(ReportValidated::getReportId)
                .distinct().toList();
    }

    private static List<String> rulesOf(ReportValidated validated) {
        return validated.getFindings().stream().map(Finding::getRule).toList();
    }

    /** The trace id (W3C traceparent) of the first record of {@code agency} on each topic. */
    private Map<String, String> traceIdsOf(String agency, List<String> flow) throws InterruptedException {
        Map<String, String> traceIds = new LinkedHashMap<>();
        for (String topic : flow) {
            List<ConsumerRecord<String, byte[]>> traced = topics.awaitRaw(topic,
                    r -> agency.equals(r.key()) && r.headers().lastHeader("traceparent") != null, PIPELINE);
            // traceparent: 00-<trace id>-<span id>-<flags>
            traced.stream().findFirst().ifPresent(r -> traceIds.put(topic,
                    new String(r.headers().lastHeader("traceparent").value(), StandardCharsets.US_ASCII).split("-")[1]));
        }
        return traceIds;
    }

    /** http://127.0.0.1:<port> of a service: ServiceFleet gives parse and validate a free port, which Tomcat logs. */
    private String actuatorBase(String service) throws IOException {
        return switch (service) {
            case "ingest-service" -> fleet.ingestUrl();
            case "notify-service" -> fleet.inboxUrl().replace("/inbox", "");
            default -> {
                Matcher port = TOMCAT_PORT.matcher(Files.readString(stack.dataDir().resolve(service + ".log")));
                assertThat(port.find()).as("the port in " + service + ".log").isTrue();
                yield "http://127.0.0.1:" + port.group(1);
            }
        };
    }

    private static HttpResponse<String> get(HttpClient http, String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private Map<DemoReport, String> publishAll(List<DemoReport> reports) throws IOException, InterruptedException {
        Map<DemoReport, String> ids = new LinkedHashMap<>();
        for (DemoReport report : reports) {
            PortalClient.Answer answer = portal.publish(report);
            assertThat(answer.status()).as(report.name() + ": " + answer.message()).isEqualTo(202);
            ids.put(report, answer.reportId());
        }
        return ids;
    }

    private java.util.Optional<MailCatcher.Mail> mailFor(String reportId) {
        return mail.receivedMessages().stream().filter(m -> m.text().contains("报告编号：" + reportId)).findFirst();
    }

    private static JsonNode golden(Path corpus, DemoReport report) throws IOException {
        String source = report.name();
        String stem = source.substring(0, source.lastIndexOf('.'));
        return JSON.readTree(Files.readString(corpus.resolve(stem + ".expected.json")));
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asText()));
        return values;
    }
}
