package io.nianbao.ingest;

import io.nianbao.events.Channel;
import io.nianbao.events.Finding;
import io.nianbao.events.NotificationSent;
import io.nianbao.events.ReportIngested;
import io.nianbao.events.ReportPublished;
import io.nianbao.events.ReportRejected;
import io.nianbao.events.ReportValidated;
import io.nianbao.events.Responsibility;
import io.nianbao.events.Severity;
import io.nianbao.events.TopicClient;
import io.nianbao.events.Topics;
import io.nianbao.localstack.LocalStack;
import io.nianbao.localstack.LocalStackExtension;
import io.nianbao.service.DocumentMemory;
import io.nianbao.service.DocumentStore;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static io.nianbao.ingest.IngestInstance.KEY;
import static org.assertj.core.api.Assertions.assertThat;

/** ingest-service against the real broker and registry: every way in, every refusal, and a burst. */
@ExtendWith(LocalStackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IngestServiceTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private LocalStack stack;
    private IngestInstance ingest;
    private TopicClient topics;

    @BeforeAll
    void start(LocalStack localStack) {
        stack = localStack;
        ingest = IngestInstance.start(stack, Map.of());
        topics = new TopicClient(stack.bootstrapServers(), stack.schemaRegistryUrl());
    }

    @AfterAll
    void stop() {
        if (topics != null) {
            topics.close();
        }
        if (ingest != null) {
            ingest.close();
        }
    }

    private static String report(String marker) {
        return "某某局2024年政府信息公开工作年度报告\n一、总体情况\n" + marker + "\n";
    }

    @Test
    void textAsJsonIsIngestedAndItsStatusFollowsThePipelineEvents() throws Exception {
        String agency = IngestInstance.newAgency();
        IngestInstance.Reply reply = ingest.postJson(KEY, Map.of("agencyId", agency, "year", 2024, "text", report(agency)));

        assertThat(reply.status()).isEqualTo(202);
        assertThat(reply.duplicate()).isFalse();
        String id = reply.reportId();
        ReportIngested ingested = single(topics.values(Topics.INGESTED, r -> r.getReportId().equals(id)));
        assertThat(ingested.getAgencyId()).isEqualTo(agency);
        assertThat(ingested.getPortalId()).isEqualTo("test-portal");
        assertThat(ingested.getMediaType()).isEqualTo("text/plain");
        assertThat(ingested.getDocument()).isNotNull();
        assertThat(ingested.getDocumentUrl()).as("a document handed in has no URL").isNull();
        assertThat(ingest.get("/api/v1/reports/" + id, KEY).body().path("stage").asString()).isEqualTo("INGESTED");

        topics.publish(Topics.VALIDATED, agency, ReportValidated.newBuilder().setReportId(id).setAgencyId(agency)
                .setFindings(List.of(Finding.newBuilder().setRule("T3-BALANCE").setSeverity(Severity.ERROR)
                        .setResponsibility(Responsibility.AGENCY).setLocation("三").setMessage("不平衡").build()))
                .setValidatedAt(Instant.now()).build());
        assertThat(awaitStage(id, "VALIDATED").path("findings").asInt()).isEqualTo(1);
        topics.publish(Topics.NOTIFICATION_SENT, agency, NotificationSent.newBuilder().setReportId(id).setAgencyId(agency).setChannel(Channel.EMAIL)
                .setRecipient("inspector@test").setRules(List.of("T3-BALANCE")).setFindingCount(1).setSentAt(Instant.now()).build());
        assertThat(awaitStage(id, "NOTIFIED").path("findings").asInt()).as("findings kept").isEqualTo(1);

        assertThat(ingest.get("/api/v1/reports/" + id, IngestInstance.OTHER_KEY).status())
                .as("another portal's agency").isEqualTo(404);
        assertThat(ingest.get("/api/v1/reports/0123456789abcdef", KEY).reason()).isEqualTo("UNKNOWN_REPORT");
    }

    @Test
    void aLargeDocumentTravelsByReferenceASmallOneInline() throws Exception {
        String agency = IngestInstance.newAgency();
        byte[] large = report(agency + "\n" + "第一百条。".repeat(10_000)).getBytes(StandardCharsets.UTF_8);
        IngestInstance.Reply reply = ingest.upload(KEY, Map.of("agencyId", agency), "large.txt", large);

        assertThat(reply.status()).isEqualTo(202);
        ReportIngested ingested = single(topics.values(Topics.INGESTED, r -> r.getReportId().equals(reply.reportId())));
        assertThat(ingested.getDocument()).isNull();
        assertThat(ingested.getDocumentRef()).isNotNull();
        assertThat(ingested.getSha256()).isEqualTo(Digests.sha256Hex(large));
        assertThat(ingested.getSizeBytes()).isEqualTo(large.length);
        assertThat(ingest.bean(DocumentStore.class).contentOf(ingested)).isEqualTo(large);
        assertThat(ingest.bean(DocumentMemory.class).freeBytes()).as("the upload's share of the memory given back")
                .isEqualTo(IngestInstance.MEMORY_BUDGET.toBytes());
    }

    @Test
    void theSameDocumentAgainIsAcknowledgedWithItsIdAndNotSentAgain() throws Exception {
        String agency = IngestInstance.newAgency();
        byte[] document = report(agency).getBytes(StandardCharsets.UTF_8);
        IngestInstance.Reply first = ingest.upload(KEY, Map.of("agencyId", agency, "year", "2024"), "r.txt", document);
        IngestInstance.Reply again = ingest.postJson(KEY, Map.of("agencyId", agency, "year", 2024, "text", report(agency)));
        IngestInstance.Reply revised = ingest.postJson(KEY, Map.of("agencyId", agency, "year", 2024, "text", report(agency + " 修订")));

        assertThat(first.status()).isEqualTo(202);
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.duplicate()).isTrue();
        assertThat(again.reportId()).isEqualTo(first.reportId());
        assertThat(revised.duplicate()).as("a different document is a new version").isFalse();
        assertThat(revised.reportId()).isNotEqualTo(first.reportId());
        assertThat(topics.values(Topics.INGESTED, r -> r.getAgencyId().equals(agency)))
                .extracting(ReportIngested::getReportId).containsExactlyInAnyOrder(first.reportId(), revised.reportId());
    }

    @Test
    void anEmptyUploadIsRefusedWithItsReasonOnTheTopicToo() throws Exception {
        String agency = IngestInstance.newAgency();
        assertRefused(ingest.upload(KEY, Map.of("agencyId", agency), "empty.txt", new byte[0]), 400, "EMPTY");
        assertThat(rejectionsOf(agency)).extracting(ReportRejected::getReason).containsExactly("EMPTY");
    }

    @Test
    void aDocumentOfAnotherTypeIsRefusedAsUnsupported() throws Exception {
        byte[] gif = "GIF89a\u0001\u0000\u0001\u0000".getBytes(StandardCharsets.ISO_8859_1);
        assertRefused(ingest.upload(KEY, Map.of("agencyId", IngestInstance.newAgency()), "report.pdf", gif), 415, "UNSUPPORTED_TYPE");
    }

    @Test
    void aScannedReportGoesOnWithItsImageMediaTypeForOcrAndABrokenOneIsRefused() throws Exception {
        String agency = IngestInstance.newAgency();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(60, 40, BufferedImage.TYPE_BYTE_GRAY), "png", png);

        IngestInstance.Reply accepted = ingest.upload(KEY, Map.of("agencyId", agency), "scan.png", png.toByteArray());

        assertThat(accepted.status()).as(accepted.body().toString()).isEqualTo(202);
        assertThat(topics.values(Topics.INGESTED, r -> r.getAgencyId().equals(agency)))
                .singleElement().extracting(ReportIngested::getMediaType).isEqualTo("image/png");
        byte[] truncated = Arrays.copyOf(png.toByteArray(), 16);
        assertRefused(ingest.upload(KEY, Map.of("agencyId", IngestInstance.newAgency()), "scan.png", truncated), 422, "CORRUPT");
    }

    @Test
    void anOversizeDocumentIsRefused() throws Exception {
        byte[] big = new byte[1024 * 1024 + 1];
        Arrays.fill(big, (byte) 'a');
        assertRefused(ingest.upload(KEY, Map.of("agencyId", IngestInstance.newAgency()), "big.txt", big), 413, "TOO_LARGE");
    }

    @Test
    void textInNeitherUtf8NorGb18030IsRefusedAsBadCharset() throws Exception {
        String agency = IngestInstance.newAgency();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes("Annual report ".getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < 200; i++) {
            bytes.write(0xFF);
            bytes.write('x');
        }
        assertRefused(ingest.upload(KEY, Map.of("agencyId", agency), "r.txt", bytes.toByteArray()), 422, "BAD_CHARSET");
        ReportRejected rejected = single(rejectionsOf(agency));
        assertThat(rejected.getReportId()).as("the bytes have an id").isNotNull();
        assertThat(ingest.get("/api/v1/reports/" + rejected.getReportId(), KEY).body().path("reason").asString())
                .isEqualTo("BAD_CHARSET");
    }

    @Test
    void gb18030TextIsAccepted() throws Exception {
        byte[] gbk = report(IngestInstance.newAgency()).getBytes(Charset.forName("GB18030"));
        assertThat(ingest.upload(KEY, Map.of("agencyId", IngestInstance.newAgency()), "r.txt", gbk).status()).isEqualTo(202);
    }

    @Test
    void aDocxThatInflatesBeyondTheLimitsIsRefusedAsAZipBombAndAnOrdinaryOneAccepted() throws Exception {
        byte[] bomb = docx(new byte[60 * 1024 * 1024]);
        assertThat(bomb.length).as("small on the wire").isLessThan(200 * 1024);
        assertRefused(ingest.upload(KEY, Map.of("agencyId", IngestInstance.newAgency()), "bomb.docx", bomb), 422, "ZIP_BOMB");

        byte[] ordinary = docx(("<w:document><w:body><w:p><w:r><w:t>" + report("docx") + "</w:t></w:r></w:p></w:body></w:document>")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(ingest.upload(KEY, Map.of("agencyId", IngestInstance.newAgency()), "r.docx", ordinary).status()).isEqualTo(202);
    }

    @Test
    void unknownOrRevokedKeysAreRefusedAndNothingIsWritten() throws Exception {
        String agency = IngestInstance.newAgency();
        assertRefused(ingest.postJson("not-a-key", Map.of("agencyId", agency, "text", report(agency))), 401, "UNAUTHENTICATED");
        assertRefused(ingest.postJson(IngestInstance.REVOKED_KEY, Map.of("agencyId", agency, "text", report(agency))), 401, "UNAUTHENTICATED");
        assertRefused(ingest.upload(null, Map.of("agencyId", agency), "r.txt", new byte[]{1}), 401, "UNAUTHENTICATED");
        assertRefused(ingest.get("/api/v1/reports/x", null), 401, "UNAUTHENTICATED");
        assertThat(rejectionsOf(agency)).isEmpty();
    }

    @Test
    void signedRequestsAreAcceptedWithinTheWindowOnly() throws Exception {
        String agency = IngestInstance.newAgency();
        Map<String, Object> body = Map.of("agencyId", agency, "text", report(agency));
        assertThat(ingest.signedJson(body, Instant.now(), IngestInstance.HMAC_SECRET).status()).isEqualTo(202);
        assertRefused(ingest.signedJson(body, Instant.now().minus(Duration.ofMinutes(10)), IngestInstance.HMAC_SECRET), 401, "UNAUTHENTICATED");
        assertRefused(ingest.signedJson(body, Instant.now(), "wrong-secret"), 401, "UNAUTHENTICATED");
    }

    @Test
    void anAgencyNotRegisteredToThePortalIsForbidden() throws Exception {
        String agency = "not-mine-" + UUID.randomUUID();
        assertRefused(ingest.postJson(KEY, Map.of("agencyId", agency, "text", report(agency))), 403, "AGENCY_NOT_ALLOWED");
        assertThat(rejectionsOf(agency)).extracting(ReportRejected::getReason).containsExactly("AGENCY_NOT_ALLOWED");
    }

    @Test
    void urlsToLoopbackOtherHostsOrOtherSchemesAreRefused() throws Exception {
        assertRefused(ingest.postJson(KEY, Map.of("agencyId", IngestInstance.newAgency(), "documentUrl", "http://127.0.0.1:9/report.txt")),
                403, "ADDRESS_NOT_ALLOWED");
        assertRefused(ingest.postJson(KEY, Map.of("agencyId", IngestInstance.newAgency(), "documentUrl", "http://localhost:9/report.txt")),
                403, "ADDRESS_NOT_ALLOWED");
        assertRefused(ingest.postJson(KEY, Map.of("agencyId", IngestInstance.newAgency(), "documentUrl", "https://example.com/report.pdf")),
                403, "HOST_NOT_ALLOWED");
        assertRefused(ingest.postJson(KEY, Map.of("agencyId", IngestInstance.newAgency(), "documentUrl", "file:///etc/passwd")), 400, "BAD_URL");
        assertRefused(ingest.postJson(KEY, Map.of("agencyId", IngestInstance.newAgency(), "text", "x", "documentUrl", "http://127.0.0.1/")),
                400, "AMBIGUOUS");
    }

    @Test
    void reportPublishedRecordsAreIngestedAndAnUnknownPortalIsRejected() throws Exception {
        String agency = IngestInstance.newAgency();
        topics.publish(Topics.PUBLISHED, agency, published(agency, "test-portal"));
        assertThat(topics.await(Topics.INGESTED, r -> r.getAgencyId().equals(agency), WAIT)).hasSize(1);

        String stranger = IngestInstance.newAgency();
        topics.publish(Topics.PUBLISHED, stranger, published(stranger, "nobody"));
        assertThat(topics.await(Topics.REJECTED, r -> r.getAgencyId().equals(stranger), WAIT))
                .extracting(ReportRejected::getReason).containsExactly("UNKNOWN_PORTAL");
    }

    /** watch-service hands in the page it fetched with its URL: the document is taken, the URL kept as its origin, not fetched. */
    @Test
    void aPublishedDocumentWithItsUrlIsTakenAsItCameFromThere() throws Exception {
        String agency = IngestInstance.newAgency();
        String origin = "http://10.0.0.8/never-fetched/report.htm";
        topics.publish(Topics.PUBLISHED, agency, ReportPublished.newBuilder(published(agency, "test-portal"))
                .setDocumentUrl(origin).build());
        assertThat(topics.await(Topics.INGESTED, r -> r.getAgencyId().equals(agency), WAIT)).singleElement()
                .satisfies(r -> {
                    assertThat(r.getDocumentUrl()).isEqualTo(origin);
                    assertThat(r.getDocument()).isNotNull();
                });
    }

    @Test
    void anUploadMayNameTheAddressItsFileCameFromWhichIsKeptAsItsOriginAndNotFetched() throws Exception {
        String agency = IngestInstance.newAgency();
        String origin = "http://10.0.0.8/never-fetched/report.htm";
        IngestInstance.Reply reply = ingest.upload(KEY, Map.of("agencyId", agency, "originUrl", origin), "r.txt",
                report(agency).getBytes(StandardCharsets.UTF_8));

        assertThat(reply.status()).isEqualTo(202);
        assertThat(topics.await(Topics.INGESTED, r -> r.getAgencyId().equals(agency), WAIT)).singleElement()
                .satisfies(r -> assertThat(r.getDocumentUrl()).isEqualTo(origin));
    }

    /**
     * One agency's records, sent together, arrive in order on one partition and mostly in one poll:
     * each report is ingested once (its resubmission is not), the record that is not a report is
     * dead-lettered, the unknown portal rejected, and each report.ingested record carries a trace.
     */
    @Test
    void aPollOfPublishedRecordsIsIngestedOnceEachAroundABadRecord() throws Exception {
        String agency = IngestInstance.newAgency();
        List<byte[]> records = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            records.add(topics.serialize(Topics.PUBLISHED, published(agency, "test-portal", report(agency + "-" + i))));
        }
        byte[] poison = ("poison " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        records.add(10, poison);
        records.add(topics.serialize(Topics.PUBLISHED, published(agency, "test-portal", report(agency + "-3"))));
        records.add(topics.serialize(Topics.PUBLISHED, published(agency, "nobody", report(agency + "-last"))));
        topics.publishBytes(Topics.PUBLISHED.name(), agency, records);

        // The rejection is the poll's last record: once it is there, the records before it are done.
        assertThat(topics.await(Topics.REJECTED, r -> r.getAgencyId().equals(agency), WAIT))
                .extracting(ReportRejected::getReason).containsExactly("UNKNOWN_PORTAL");
        List<ConsumerRecord<String, byte[]>> ingested = topics.raw(Topics.INGESTED.name()).stream()
                .filter(r -> agency.equals(r.key())).toList();
        assertThat(ingested).as("twenty reports, the resubmitted one once").hasSize(20);
        assertThat(ingested).allSatisfy(r -> assertThat(r.headers().lastHeader("traceparent")).as("trace header").isNotNull());
        assertThat(topics.raw(Topics.PUBLISHED.dlq())).filteredOn(r -> Arrays.equals(r.value(), poison)).hasSize(1);
    }

    @Test
    void aSchemaInvalidRecordGoesToTheDeadLetterTopicWithItsBytesAndTheServiceStaysHealthy() throws Exception {
        byte[] poison = ("poison " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        topics.publishBytes(Topics.PUBLISHED.name(), "poison-agency", List.of(poison));
        List<ConsumerRecord<String, byte[]>> dead = topics.awaitRaw(Topics.PUBLISHED.dlq(), r -> Arrays.equals(r.value(), poison), WAIT);
        assertThat(dead).as("the poison bytes in report.published.dlq").hasSize(1);

        assertThat(ingest.get("/actuator/health", null).body().path("status").asString()).isEqualTo("UP");
        String agency = IngestInstance.newAgency();
        topics.publish(Topics.PUBLISHED, agency, published(agency, "test-portal"));
        assertThat(topics.await(Topics.INGESTED, r -> r.getAgencyId().equals(agency), WAIT))
                .as("still consuming after the poison record").hasSize(1);
    }

    @Test
    void theOpenApiDescriptionIsServedWithChineseFieldDescriptions() throws Exception {
        IngestInstance.Reply docs = ingest.get("/v3/api-docs", null);

        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body().path("paths").has("/api/v1/reports")).isTrue();
        assertThat(docs.body().path("paths").has("/api/v1/reports/{reportId}")).isTrue();
        assertThat(docs.body().path("components").path("securitySchemes").has("X-Api-Key")).isTrue();
        assertThat(docs.body().path("components").path("schemas").path("JsonSubmission").path("properties")
                .path("documentUrl").path("description").asString()).contains("报告文件网址");
    }

    @Test
    void aBurstOfAThousandConcurrentUploadsLosesNone() throws Exception {
        String agencyPrefix = IngestInstance.newAgency() + "-";
        int uploads = 1000;
        Semaphore inFlight = new Semaphore(64);
        long start = System.nanoTime();
        List<CompletableFuture<IngestInstance.Reply>> replies = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < uploads; i++) {
                String agency = agencyPrefix + (i % 50);
                String text = report("burst " + i);
                replies.add(CompletableFuture.supplyAsync(() -> {
                    inFlight.acquireUninterruptibly();
                    try {
                        return ingest.postJson(KEY, Map.of("agencyId", agency, "text", text));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    } finally {
                        inFlight.release();
                    }
                }, threads));
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Set<String> accepted = replies.stream().map(CompletableFuture::join)
                .peek(reply -> assertThat(reply.status()).isEqualTo(202))
                .map(IngestInstance.Reply::reportId).collect(Collectors.toSet());
        List<ReportIngested> downstream = topics.values(Topics.INGESTED, r -> r.getAgencyId().startsWith(agencyPrefix));
        System.out.printf("burst: %d uploads in %.1f s (%.0f/s), %d accepted ids, %d ReportIngested, %d distinct%n",
                uploads, seconds, uploads / seconds, accepted.size(), downstream.size(),
                downstream.stream().map(ReportIngested::getReportId).distinct().count());

        assertThat(accepted).hasSize(uploads);
        assertThat(downstream).hasSize(uploads);
        assertThat(downstream.stream().map(ReportIngested::getReportId).collect(Collectors.toSet())).isEqualTo(accepted);
    }

    private JsonNode awaitStage(String id, String stage) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        IngestInstance.Reply reply = ingest.get("/api/v1/reports/" + id, KEY);
        while (!stage.equals(reply.body().path("stage").asString(null)) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            reply = ingest.get("/api/v1/reports/" + id, KEY);
        }
        assertThat(reply.body().path("stage").asString(null)).isEqualTo(stage);
        return reply.body();
    }

    private static void assertRefused(IngestInstance.Reply reply, int status, String reason) {
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(status);
        assertThat(reply.reason()).isEqualTo(reason);
        assertThat(reply.body().path("message").asString()).isNotBlank();
    }

    private List<ReportRejected> rejectionsOf(String agency) {
        return topics.values(Topics.REJECTED, r -> r.getAgencyId().equals(agency));
    }

    private static ReportPublished published(String agency, String portalId) {
        return published(agency, portalId, report(agency));
    }

    private static ReportPublished published(String agency, String portalId, String text) {
        return ReportPublished.newBuilder().setAgencyId(agency).setPortalId(portalId).setFileName("r.txt")
                .setDocument(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8))).build();
    }

    /** A minimal DOCX: the content-types part first (so it is recognised as OOXML), then the document. */
    private static byte[] docx(byte[] documentXml) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument."
                    + "wordprocessingml.document.main+xml\"/></Types>").getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write(documentXml);
        }
        return out.toByteArray();
    }

    private static <T> T single(List<T> values) {
        assertThat(values).hasSize(1);
        return values.getFirst();
    }
}
