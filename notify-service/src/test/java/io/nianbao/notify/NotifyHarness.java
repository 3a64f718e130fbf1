package io.nianbao.notify;

import io.nianbao.events.AgencyLevel;
import io.nianbao.events.Finding;
import io.nianbao.events.NotificationSent;
import io.nianbao.events.ReportValidated;
import io.nianbao.events.Responsibility;
import io.nianbao.events.Severity;
import io.nianbao.events.Topic;
import io.nianbao.events.TopicClient;
import io.nianbao.events.Topics;
import io.nianbao.localstack.LocalPostgres;
import io.nianbao.localstack.LocalStack;
import io.nianbao.localstack.MailCatcher;
import io.nianbao.localstack.MutableClock;
import io.nianbao.service.NianbaoServices;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * notify-service as a Spring context in the test JVM against the real broker and registry of
 * {@link io.nianbao.localstack.LocalStackExtension}, a real PostgreSQL (one server per JVM, a
 * database per harness) and a real SMTP server. Each harness reads its own input topic, so test
 * classes do not see each other's events; every inbox user's password is {@value #PASSWORD}.
 */
final class NotifyHarness implements AutoCloseable {

    static final String PASSWORD = "jiancha-2025";
    static final Duration WAIT = Duration.ofSeconds(60);
    /**
     * How long a topic must bring nothing more before what is on it counts as all: the service
     * announces on notification.sent without waiting for the broker, so an announcement may still
     * be on its way when the service has caught up.
     */
    private static final Duration QUIET = Duration.ofSeconds(3);

    private static LocalPostgres postgres;

    final MutableClock clock = new MutableClock(Instant.parse("2025-03-01T01:00:00Z"), ZoneOffset.UTC);
    final MailCatcher mail = MailCatcher.start();
    final String topic;
    private final LocalStack stack;
    private final String databaseUrl;
    private final Map<String, String> properties;
    private final TopicClient topics;
    private ConfigurableApplicationContext context;
    private String group;

    /** @param properties further properties of the service, e.g. its configured inspectors */
    NotifyHarness(String name, LocalStack stack, List<String> users, Map<String, String> properties) {
        NianbaoServices.allowAvroEventClasses();
        this.stack = stack;
        this.topic = "report.validated." + name;
        this.databaseUrl = postgres().createDatabase("notify_" + name.replace('-', '_') + "_" + ProcessHandle.current().pid());
        this.topics = new TopicClient(stack.bootstrapServers(), stack.schemaRegistryUrl());
        Map<String, String> all = new LinkedHashMap<>(properties);
        String hash = new BCryptPasswordEncoder(4).encode(PASSWORD);
        for (int i = 0; i < users.size(); i++) {
            all.put("nianbao.notify.users[" + i + "].username", users.get(i));
            all.put("nianbao.notify.users[" + i + "].password-hash", hash);
        }
        this.properties = all;
    }

    /** One PostgreSQL server for the whole test JVM, stopped by its shutdown hook. */
    private static synchronized LocalPostgres postgres() {
        if (postgres == null) {
            try {
                postgres = LocalPostgres.start(Path.of("target", "postgres", "run-" + ProcessHandle.current().pid()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return postgres;
    }

    /** The PostgreSQL server of the test JVM, e.g. to stop it for a while. */
    LocalPostgres database() {
        return postgres();
    }

    /** Starts the service with a new consumer group: it reads its topic from the beginning. */
    NotifyHarness start() {
        group = "notify-test-" + UUID.randomUUID();
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--nianbao.kafka.bootstrap-servers=" + stack.bootstrapServers(),
                "--nianbao.schema-registry.url=" + stack.schemaRegistryUrl(),
                "--spring.datasource.url=" + databaseUrl,
                "--spring.datasource.username=" + LocalPostgres.USER,
                "--spring.mail.host=" + mail.host(),
                "--spring.mail.port=" + mail.smtpPort(),
                "--spring.cloud.stream.bindings.notifyInspectors-in-0.destination=" + topic,
                "--spring.cloud.stream.bindings.notifyInspectors-in-0.group=" + group,
                "--nianbao.notify.digest.check-every=PT1H",
                "--nianbao.notify.inbox-url=http://inbox.test/inbox"));
        properties.forEach((key, value) -> args.add("--" + key + "=" + value));
        context = new SpringApplicationBuilder(NotifyServiceApplication.class)
                .initializers(ctx -> ctx.getBeanFactory().registerSingleton("clock", clock))
                .run(args.toArray(String[]::new));
        return this;
    }

    /** Stops the service, as a crash or a deployment would; {@link #start()} brings it back on the same database. */
    void stop() {
        if (context != null) {
            context.close();
            context = null;
        }
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
    }

    /** The client of the broker and registry, e.g. to read a topic of the test's own. */
    TopicClient topics() {
        return topics;
    }

    /** Publishes a report to the service's own input topic, in report.validated's format. */
    void publish(ReportValidated report) {
        topics.publishBytes(topic, report.getAgencyId(), List.of(topics.serialize(Topics.VALIDATED, report)));
    }

    /** Waits until the service's consumer group has committed every record of its topic. */
    void awaitCaughtUp() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()))) {
            Await.until("group " + group + " caught up with " + topic, () -> caughtUp(admin), done -> done, WAIT);
        }
    }

    private boolean caughtUp(Admin admin) throws Exception {
        Set<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic)
                .partitions().stream().map(p -> new TopicPartition(topic, p.partition())).collect(Collectors.toSet());
        Map<TopicPartition, Long> ends = new LinkedHashMap<>();
        admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                .all().get().forEach((p, info) -> ends.put(p, info.offset()));
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get();
        return ends.entrySet().stream().allMatch(e -> e.getValue() == 0
                || (committed.get(e.getKey()) != null && committed.get(e.getKey()).offset() >= e.getValue()));
    }

    /** Mails received so far whose recipients include {@code address}. */
    List<MailCatcher.Mail> mailsTo(String address) {
        return mail.receivedMessages().stream().filter(m -> m.recipients().contains(address)).toList();
    }

    /** Publishes bytes that are not a report, as a broken producer would. */
    void publishBytes(String key, byte[] value) {
        topics.publishBytes(topic, key, List.of(value));
    }

    /** The notification.sent events about a report, read from the beginning of the topic once it is quiet. */
    List<NotificationSent> sentAbout(String reportId) {
        return topics.valuesOnceQuiet(Topics.NOTIFICATION_SENT, sent -> sent.getReportId().equals(reportId), QUIET);
    }

    /** The records of the service's dead-letter topic, as written, read once the topic is quiet. */
    List<ConsumerRecord<String, byte[]>> deadLetters() {
        return topics.rawOnceQuiet(Topic.dlqOf(topic), QUIET);
    }

    /** Sends a JSON request to the service's API as {@code user}; returns status and body. */
    HttpResponse<String> api(String user, String method, String path, String json) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }

    /** Creates a subscription through the API and checks it was accepted. */
    void subscribe(String inspector, String json) throws IOException, InterruptedException {
        HttpResponse<String> response = api(inspector, "POST", "/api/v1/subscriptions", json);
        if (response.statusCode() != 201) {
            throw new IllegalStateException("subscription refused: " + response.statusCode() + " " + response.body());
        }
    }

    @Override
    public void close() {
        stop();
        topics.close();
        mail.close();
    }

    static ReportValidated report(String reportId, String agencyId, String regionCode, AgencyLevel level, Finding... findings) {
        return ReportValidated.newBuilder()
                .setReportId(reportId)
                .setAgencyId(agencyId)
                .setAgencyName(agencyId + "人民政府")
                .setAgencyLevel(level)
                .setRegionCode(regionCode)
                .setYear(2024)
                .setPublishedOn("2025-01-20")
                .setFindings(List.of(findings))
                .setValidatedAt(Instant.parse("2025-03-01T00:00:00Z"))
                .build();
    }

    static Finding finding(String rule, Severity severity, String message) {
        return finding(rule, severity, Responsibility.AGENCY, message);
    }

    static Finding finding(String rule, Severity severity, Responsibility responsibility, String message) {
        return Finding.newBuilder()
                .setRule(rule)
                .setSeverity(severity)
                .setResponsibility(responsibility)
                .setLocation("三.total")
                .setMessage(message)
                .setEvidence(message)
                .build();
    }
}
