package io.nianbao.validate;

import io.micrometer.core.instrument.MeterRegistry;
import io.nianbao.core.model.ApplicationsTable;
import io.nianbao.core.model.ParsedReport;
import io.nianbao.core.model.ReportMetadata;
import io.nianbao.samples.SampleReports;
import io.nianbao.events.Finding;
import io.nianbao.events.ReportIngested;
import io.nianbao.events.ReportParsed;
import io.nianbao.events.ReportValidated;
import io.nianbao.events.TopicClient;
import io.nianbao.events.Topics;
import io.nianbao.events.serde.SchemaRegistryClient;
import io.nianbao.localstack.LocalStack;
import io.nianbao.localstack.LocalStackExtension;
import io.nianbao.localstack.MutableClock;
import io.nianbao.service.NianbaoServices;
import io.nianbao.service.PipelineMetrics;
import io.nianbao.service.ReportEvents;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.streams.ThreadMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.cloud.stream.binder.kafka.streams.KafkaStreamsRegistry;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.util.FileSystemUtils;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * validate-service as a Spring context in this JVM against the real broker and registry: reports
 * go to report.parsed, findings are read from report.validated.
 */
@ExtendWith(LocalStackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ValidateServiceTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final List<String> CROSS_YEAR = List.of("XY-CARRYOVER", "XY-INFORCE", "XY-COPY", "XY-REVISED");
    private static final String LATE = "late-" + UUID.randomUUID();
    private static final String PUNCTUAL = "punctual-" + UUID.randomUUID();
    private static final String DOCUMENT_URL = "https://www.example.gov.cn/xxgk/ndbg/report.pdf";

    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-10T02:00:00Z"), ValidateServiceApplication.CHINA);
    private LocalStack stack;
    private Path roster;
    private ConfigurableApplicationContext service;
    private TopicClient topics;
    /** The stores' folder, kept across the restart as a real instance keeps its disk. */
    private Path stateDir;

    @BeforeAll
    void start(LocalStack localStack) throws IOException {
        NianbaoServices.allowAvroEventClasses();
        stack = localStack;
        roster = Files.createTempFile("roster", ".csv");
        stateDir = Files.createTempDirectory("validate-state");
        Files.writeString(roster, "agencyId,agencyName,level,region\n"
                + LATE + ",青山县迟报局,DEPARTMENT,\n"
                + PUNCTUAL + ",青山县准时局,DEPARTMENT,青山县\n");
        topics = new TopicClient(stack.bootstrapServers(), stack.schemaRegistryUrl());
        service = startService();
    }

    @AfterAll
    void stop() throws IOException {
        // The service before the stack, which the extension stops at the end of the run.
        if (service != null) {
            service.close();
        }
        if (topics != null) {
            topics.close();
        }
        Files.deleteIfExists(roster);
        FileSystemUtils.deleteRecursively(stateDir);
    }

    @Test
    void aReportBeforeLastYearsIsRevalidatedWhenLastYearsArrives() throws Exception {
        String mismatch = "carryover-" + UUID.randomUUID();
        String equal = "carryover-" + UUID.randomUUID();
        List<Long> lastYearsForward = carriedForwardOf(report(2023, null));

        publish(mismatch, report(2024, List.of(1L, 0L, 0L, 0L, 0L, 0L, 1L)));
        publish(equal, report(2024, lastYearsForward));
        assertThat(rules(awaitValidated(mismatch, 1).getFirst())).doesNotContainAnyElementsOf(CROSS_YEAR);
        assertThat(rules(awaitValidated(equal, 1).getFirst())).doesNotContainAnyElementsOf(CROSS_YEAR);

        publish(mismatch, report(2023, null));
        publish(equal, report(2023, null));

        ReportValidated revalidated = awaitValidated(mismatch, 3).get(2);
        assertThat(revalidated.getYear()).isEqualTo(2024);
        assertThat(revalidated.getReportId()).isEqualTo(awaitValidated(mismatch, 1).getFirst().getReportId());
        assertThat(revalidated.getFindings()).filteredOn(f -> f.getRule().equals("XY-CARRYOVER"))
                .extracting(Finding::getLocation).contains("三.carriedOver.naturalPerson", "三.carriedOver.total");
        ReportValidated revalidatedEqual = awaitValidated(equal, 3).get(2);
        assertThat(revalidatedEqual.getYear()).isEqualTo(2024);
        assertThat(rules(revalidatedEqual)).doesNotContain("XY-CARRYOVER").contains("XY-COPY");
    }

    @Test
    void aSecondVersionIsRevisedAndReplaysGiveTheSameFindings() throws Exception {
        String agency = "revised-" + UUID.randomUUID();
        ReportParsed first = publish(agency, report(2023, null));
        ReportParsed second = publish(agency, report(2023, List.of(3L, 0L, 0L, 0L, 0L, 0L, 3L)));
        publish(agency, first);
        publish(agency, second);

        List<ReportValidated> all = awaitValidated(agency, 4);
        assertThat(rules(all.get(0))).doesNotContain("XY-REVISED");
        assertThat(rules(all.get(1))).contains("XY-REVISED");
        assertThat(all.get(2).getFindings()).as("replay of the first version").isEqualTo(all.get(0).getFindings());
        assertThat(all.get(3).getFindings()).as("replay of the second version").isEqualTo(all.get(1).getFindings());
        assertThat(all).extracting(ReportValidated::getDocumentUrl).as("the original's link travels on")
                .containsOnly(DOCUMENT_URL);
    }

    @Test
    void historySurvivesARestartAndPubMissingIsSentOnce() throws Exception {
        String agency = "restart-" + UUID.randomUUID();
        publish(agency, report(2023, null));
        awaitValidated(agency, 1);
        publish(PUNCTUAL, report(2024, null));
        awaitValidated(PUNCTUAL, 1);

        clock.set(Instant.parse("2025-02-01T02:00:00Z")); // past 31 January, the departments' deadline for 2024
        deadlineChecks().checkDeadlines();
        deadlineChecks().checkDeadlines();
        publish(LATE, report(2022, null)); // behind both checks on the same partition
        awaitValidated(LATE, 2);

        service.close();
        service = startService();

        publish(agency, report(2024, List.of(1L, 0L, 0L, 0L, 0L, 0L, 1L)));
        assertThat(rules(awaitValidated(agency, 2).get(1))).as("2024 checked against 2023 from before the restart")
                .contains("XY-CARRYOVER");
        deadlineChecks().checkDeadlines();
        publish(LATE, report(2021, null));
        List<ReportValidated> late = awaitValidated(LATE, 3);
        assertThat(late).filteredOn(v -> rules(v).contains("PUB-MISSING")).singleElement().satisfies(notice -> {
            assertThat(notice.getReportId()).isEqualTo(Validation.missingReportId(LATE, 2024));
            assertThat(notice.getYear()).isEqualTo(2024);
            assertThat(rules(notice)).containsExactly("PUB-MISSING");
            assertThat(notice.getFindings().getFirst().getMessage()).contains("青山县迟报局", "2025年1月31日");
        });
        assertThat(topics.values(Topics.VALIDATED, v -> v.getAgencyId().equals(PUNCTUAL))).flatMap(ValidateServiceTest::rules)
                .doesNotContain("PUB-MISSING");
    }

    @Test
    void aReportOfAnAbortedTransactionIsNeverValidated() throws Exception {
        String agency = "aborted-" + UUID.randomUUID();
        topics.publishAborted(Topics.PARSED, agency, event(agency, report(2022, null)));
        publish(agency, report(2023, null)); // same agency, same partition: read after the aborted one

        assertThat(awaitValidated(agency, 1).getFirst().getYear()).as("the first validation of " + agency).isEqualTo(2023);
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicWithItsBytesAndTheServiceGoesOn() throws Exception {
        String agency = "poison-" + UUID.randomUUID();
        byte[] poison = ("poison " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        publishRaw(agency, poison);
        publish(agency, report(2023, null));

        assertThat(awaitValidated(agency, 1)).as("the report after the poison record").hasSize(1);
        assertThat(deadLetter(Topics.PARSED.dlq(), poison)).as("the poison bytes in report.parsed.dlq").isNotNull();
        assertThat(service.getBean(MeterRegistry.class).find(PipelineMetrics.DEAD_LETTERS).tag("topic", Topics.PARSED.dlq())
                .counter()).as("dead letters counted").isNotNull().satisfies(counter -> assertThat(counter.count()).isPositive());
    }

    /**
     * A record whose schema validate has not fetched yet, arriving while the registry is away: not
     * dead-lettered then (before, it was, as "unreachable"); read again once the registry is back.
     * Its schema is one no event class has, so that second reading dead-letters it, for a reason of
     * its own: the proof it was read again and not lost.
     */
    @Test
    void aRecordUndecodableWhileTheRegistryIsAwayWaitsForItInsteadOfGoingToTheDeadLetterTopic() throws Exception {
        String agency = "registry-away-" + UUID.randomUUID();
        Schema unseen = SchemaBuilder.record("Unseen" + UUID.randomUUID().toString().replace("-", ""))
                .namespace("io.nianbao.test").fields().requiredString("agencyId").endRecord();
        // A client of its own: the service's (shared in this JVM) must not have the schema cached.
        int schemaId = new SchemaRegistryClient(stack.schemaRegistryUrl()).register("registry-away-" + UUID.randomUUID(), unseen);
        GenericRecord value = new GenericRecordBuilder(unseen).set("agencyId", agency).build();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(ByteBuffer.allocate(5).put((byte) 0).putInt(schemaId).array());
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(bytes, null);
        new GenericDatumWriter<GenericRecord>(unseen).write(value, encoder);
        byte[] record = bytes.toByteArray();

        stack.stopRegistry();
        try {
            publishRaw(agency, record);
            // Several 5 s waits of the stream thread: long enough for a dead letter to have been written.
            Thread.sleep(12_000);
            assertThat(deadLetter(Topics.PARSED.dlq(), record, Duration.ofSeconds(2)))
                    .as("dead-lettered while the registry was away").isNull();
        } finally {
            stack.startRegistry();
        }
        publish(agency, report(2023, null));

        assertThat(awaitValidated(agency, 1)).as("the report after it").hasSize(1);
        ConsumerRecord<String, byte[]> deadLetter = deadLetter(Topics.PARSED.dlq(), record);
        assertThat(deadLetter).as("read again once the registry was back").isNotNull();
        assertThat(new String(deadLetter.headers().lastHeader(KafkaHeaders.DLT_EXCEPTION_MESSAGE).value(), StandardCharsets.UTF_8))
                .contains("no generated class");
    }

    /** Well-formed Avro, but not a report: the processor refuses it, and it goes to the DLQ as it came. */
    @Test
    void aRecordTheProcessorFailsOnGoesToTheDeadLetterTopicWithItsBytesAndReasonAndTheServiceGoesOn() throws Exception {
        String agency = "wrong-type-" + UUID.randomUUID();
        ReportIngested notAReport = ReportIngested.newBuilder()
                .setReportId(agency + "-ingested")
                .setAgencyId(agency)
                .setMediaType("text/plain")
                .setSha256("0")
                .setSizeBytes(0)
                .setIngestedAt(Instant.now())
                .build();
        // Registered under report.ingested's subject, where its schema belongs, and sent as bytes to report.parsed.
        byte[] bytes = topics.serialize(Topics.INGESTED, notAReport);
        publishRaw(agency, bytes);
        publish(agency, report(2023, null));

        assertThat(awaitValidated(agency, 1)).as("the report after the refused record").hasSize(1);
        ConsumerRecord<String, byte[]> deadLetter = deadLetter(Topics.PARSED.dlq(), bytes);
        assertThat(deadLetter).as("the refused record's bytes in report.parsed.dlq").isNotNull();
        assertThat(deadLetter.key()).isEqualTo(agency);
        assertThat(new String(deadLetter.headers().lastHeader(KafkaHeaders.DLT_EXCEPTION_MESSAGE).value(), StandardCharsets.UTF_8))
                .contains("does not handle io.nianbao.events.ReportIngested");
    }

    @Test
    void aStreamThreadKilledByARefusedDeadLetterIsReplacedAndGoesOnOnceTheTopicAcceptsIt() throws Exception {
        String agency = "refused-" + UUID.randomUUID();
        byte[] poison = ("poison " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()))) {
            String dlq = Topics.PARSED.dlq();
            createLike(admin, dlq, Topics.PARSED.name());
            ConfigResource dlqConfig = new ConfigResource(ConfigResource.Type.TOPIC, dlq);
            // Smaller than any dead letter: the broker refuses it for good, the recovery fails, the thread dies.
            ConfigEntry tiny = new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "64");
            admin.incrementalAlterConfigs(Map.of(dlqConfig, List.of(new AlterConfigOp(tiny, AlterConfigOp.OpType.SET))))
                    .all().get();
            try {
                Set<String> threads = streamThreads();
                publishRaw(agency, poison);
                awaitStreamThreadOtherThan(threads);
            } finally {
                admin.incrementalAlterConfigs(Map.of(dlqConfig, List.of(new AlterConfigOp(tiny, AlterConfigOp.OpType.DELETE))))
                        .all().get();
            }
        }
        publish(agency, report(2023, null));

        assertThat(awaitValidated(agency, 1)).as("the report after the poison record").hasSize(1);
        assertThat(deadLetter(Topics.PARSED.dlq(), poison)).as("the poison bytes in report.parsed.dlq").isNotNull();
    }

    private ConfigurableApplicationContext startService() {
        return new SpringApplicationBuilder(ValidateServiceApplication.class)
                .initializers(context -> context.getBeanFactory().registerSingleton("clock", clock))
                .run("--nianbao.kafka.bootstrap-servers=" + stack.bootstrapServers(),
                        "--nianbao.schema-registry.url=" + stack.schemaRegistryUrl(),
                        "--nianbao.validate.roster=" + roster,
                        "--nianbao.validate.state-dir=" + stateDir,
                        "--server.port=0");
    }

    private DeadlineChecks deadlineChecks() {
        return service.getBean(DeadlineChecks.class);
    }

    /** Consistent GB2021 sample of the year; carriedOver (seven cells) replaced when given. */
    private static ParsedReport report(int year, List<Long> carriedOver) {
        ParsedReport sample = SampleReports.consistentGb2021();
        Map<String, List<Long>> rows = new LinkedHashMap<>(sample.applications().rows());
        if (carriedOver != null) {
            rows.put("carriedOver", carriedOver);
        }
        ReportMetadata meta = sample.meta();
        return new ParsedReport(new ReportMetadata(meta.agency(), meta.agencyLevel(), year, LocalDate.of(year + 1, 1, 20)),
                sample.template(), sample.sections(), sample.proactive(), new ApplicationsTable(rows),
                sample.reviewLitigation(), sample.parseFindings());
    }

    private static List<Long> carriedForwardOf(ParsedReport report) {
        return report.applications().rows().get("carriedForward");
    }

    private ReportParsed publish(String agency, ParsedReport report) {
        return publish(agency, event(agency, report));
    }

    private static ReportParsed event(String agency, ParsedReport report) {
        String sha = Integer.toHexString(report.hashCode());
        ReportIngested source = ReportIngested.newBuilder()
                .setReportId(agency + "-" + report.meta().year() + "-" + sha)
                .setAgencyId(agency)
                .setMediaType("text/plain")
                .setSha256(sha)
                .setDocumentUrl(DOCUMENT_URL)
                .setSizeBytes(0)
                .setIngestedAt(Instant.now())
                .build();
        return ReportEvents.toEvent(source, report);
    }

    private ReportParsed publish(String agency, ReportParsed event) {
        topics.publish(Topics.PARSED, agency, event);
        return event;
    }

    private void publishRaw(String agency, byte[] value) {
        topics.publishBytes(Topics.PARSED.name(), agency, List.of(value));
    }

    /** Creates {@code topic} with the partitions of {@code model} (a dead letter keeps its record's partition). */
    private static void createLike(Admin admin, String topic, String model) throws Exception {
        int partitions = admin.describeTopics(List.of(model)).allTopicNames().get().get(model).partitions().size();
        try {
            admin.createTopics(List.of(new NewTopic(topic, Optional.of(partitions), Optional.empty()))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    private Set<String> streamThreads() {
        return service.getBean(KafkaStreamsRegistry.class).streamsBuilderFactoryBeans().stream()
                .flatMap(factory -> factory.getKafkaStreams().metadataForLocalThreads().stream())
                .map(ThreadMetadata::threadName)
                .collect(Collectors.toSet());
    }

    /** Waits for a stream thread that was not there before: one died and Kafka Streams replaced it. */
    private void awaitStreamThreadOtherThan(Set<String> before) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (before.containsAll(streamThreads()) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(streamThreads()).as("stream threads after one died (before: %s)", before)
                .filteredOn(name -> !before.contains(name)).isNotEmpty();
    }

    /** The first {@code count} validations of the agency, in order; fails after {@link #WAIT}. */
    private List<ReportValidated> awaitValidated(String agency, int count) throws InterruptedException {
        List<ReportValidated> found = topics.await(Topics.VALIDATED, v -> v.getAgencyId().equals(agency), count, WAIT);
        assertThat(found).as("validations of " + agency).hasSizeGreaterThanOrEqualTo(count);
        return found.subList(0, count);
    }

    /** The record of {@code topic} whose value is {@code value}; null if none came within {@link #WAIT}. */
    private ConsumerRecord<String, byte[]> deadLetter(String topic, byte[] value) throws InterruptedException {
        return deadLetter(topic, value, WAIT);
    }

    /** The record of {@code topic} whose value is {@code value}; null if none came within {@code wait}. */
    private ConsumerRecord<String, byte[]> deadLetter(String topic, byte[] value, Duration wait) throws InterruptedException {
        return topics.awaitRaw(topic, record -> Arrays.equals(record.value(), value), wait).stream().findFirst().orElse(null);
    }

    private static List<String> rules(ReportValidated validated) {
        return new ArrayList<>(validated.getFindings().stream().map(Finding::getRule).toList());
    }

}
