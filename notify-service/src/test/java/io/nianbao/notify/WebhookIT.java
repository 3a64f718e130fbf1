package io.nianbao.notify;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.nianbao.events.AgencyLevel;
import io.nianbao.events.Channel;
import io.nianbao.events.NotificationSent;
import io.nianbao.events.ReportValidated;
import io.nianbao.localstack.LocalStack;
import io.nianbao.localstack.LocalStackExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.nianbao.events.Severity.ERROR;
import static io.nianbao.events.Severity.WARNING;
import static io.nianbao.notify.NotifyHarness.finding;
import static io.nianbao.notify.NotifyHarness.report;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Webhooks against a receiving HTTP server on 127.0.0.1 that checks the signature as a real
 * receiver would, and one that keeps failing: retries beside the partition, then the dead-letter topic.
 */
@ExtendWith(LocalStackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhookIT {

    private static final String SECRET = "webhook-secret-for-tests";
    private static final String HOOKED = "hooked@nianbao.test";
    private static final String BROKEN = "broken@nianbao.test";
    private static final String INTERNAL = "internal@nianbao.test";
    private static final Pattern SIGNATURE = Pattern.compile("t=(\\d+),v1=([0-9a-f]{64})");
    private static final Pattern REPORT_ID = Pattern.compile("\"reportId\":\"([^\"]+)\"");

    /** What the good receiver accepted: body and whether its signature checked out. */
    record Received(String body, boolean signatureValid, String notificationId) {
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    /** Attempts at the failing receiver, by report. */
    private final Map<String, AtomicInteger> failedAttempts = new ConcurrentHashMap<>();
    private final String deadLetterTopic = "notification.webhook.dlq." + UUID.randomUUID();
    private HttpServer receiver;
    private NotifyHarness notify;
    private LocalStack stack;

    @BeforeAll
    void start(LocalStack localStack) throws Exception {
        stack = localStack;
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hook", this::receive);
        receiver.createContext("/broken", exchange -> {
            Matcher reportId = REPORT_ID.matcher(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            failedAttempts.computeIfAbsent(reportId.find() ? reportId.group(1) : "?", r -> new AtomicInteger()).incrementAndGet();
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        receiver.start();
        notify = new NotifyHarness("webhook", stack, List.of(HOOKED, BROKEN), Map.of(
                "nianbao.notify.inspectors", "",
                "nianbao.notify.webhook.secret", SECRET,
                "nianbao.notify.webhook.max-attempts", "3",
                // The next attempt an hour away: the test makes it due (makeRetriesDue), and shows
                // meanwhile that the reports behind it are not held up.
                "nianbao.notify.webhook.initial-backoff", "1h",
                "nianbao.notify.webhook.dead-letter-topic", deadLetterTopic,
                // The receiver listens on loopback, which production refuses like any address of our own network.
                "nianbao.outbound.allow-loopback", "true")).start();
        String base = "http://127.0.0.1:" + receiver.getAddress().getPort();
        notify.subscribe(HOOKED, "{\"channel\":\"WEBHOOK\",\"webhookUrl\":\"" + base + "/hook\",\"minSeverity\":\"ERROR\"}");
        notify.subscribe(BROKEN, "{\"channel\":\"WEBHOOK\",\"webhookUrl\":\"" + base + "/broken\"}");
    }

    @AfterAll
    void stop() {
        if (notify != null) {
            notify.close();
        }
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    @Test
    void aSignedPayloadReachesTheReceiverOnceAndAFailingReceiverIsRetriedBesideThePartitionThenDeadLettered()
            throws Exception {
        ReportValidated report = report("r-hook", "hook-agency", "320102", AgencyLevel.GOVERNMENT,
                finding("T3-BALANCE", ERROR, "收支不平衡"),
                finding("TXT-THIN", WARNING, "第五部分内容过少"));
        // The same agency: the same partition, behind the first report; of another year, so that
        // it is not a republication resolving the first one's findings.
        ReportValidated next = ReportValidated.newBuilder(report("r-next", "hook-agency", "320102", AgencyLevel.GOVERNMENT,
                finding("T4-TOTAL", ERROR, "合计不符"))).setYear(2023).build();
        notify.publish(report);
        notify.publish(next);
        notify.awaitCaughtUp();

        assertThat(receivedAbout("r-hook", "r-next")).as("the report behind the failing one went out while its retry waits")
                .extracting(r -> reportIdOf(r.body())).containsExactly("r-hook", "r-next");
        assertThat(receivedAbout("r-hook")).singleElement().satisfies(r -> {
            assertThat(r.signatureValid()).as("HMAC-SHA256 over timestamp and body").isTrue();
            assertThat(r.notificationId()).hasSize(32);
            assertThat(r.body()).contains("\"reportId\":\"r-hook\"", "\"rule\":\"T3-BALANCE\"", "\"inspector\":\"" + HOOKED + "\"",
                    "\"inboxUrl\":\"http://inbox.test/inbox/reports/r-hook\"").doesNotContain("TXT-THIN");
        });
        assertThat(attemptsAtTheFailingReceiver("r-hook")).as("one attempt, the next an hour away").isEqualTo(1);

        for (int made = 1; made < 3; made++) {
            awaitRetrying(made);
            makeRetriesDue();
        }
        ConsumerRecord<String, byte[]> deadLetter = deadLetter("r-hook", "/broken");
        assertThat(attemptsAtTheFailingReceiver("r-hook")).isEqualTo(3);
        assertThat(new String(deadLetter.value(), StandardCharsets.UTF_8)).contains("\"reportId\":\"r-hook\"", "TXT-THIN");
        assertThat(header(deadLetter, "kafka_dlt-exception-message")).isEqualTo("HTTP 503");
        assertThat(header(deadLetter, "nianbao-webhook-url")).endsWith("/broken");
        assertThat(header(deadLetter, "nianbao-attempts")).isEqualTo("3");
        assertThat(deadLetter.key()).isEqualTo("hook-agency");

        List<NotificationSent> sent = notify.sentAbout("r-hook");
        assertThat(sent).singleElement().satisfies(s -> {
            assertThat(s.getChannel()).isEqualTo(Channel.WEBHOOK);
            assertThat(s.getRecipient()).endsWith("/hook");
        });

        notify.publish(report);
        notify.awaitCaughtUp();
        assertThat(receivedAbout("r-hook", "r-next")).as("redelivered event").hasSize(2);
        assertThat(attemptsAtTheFailingReceiver("r-hook")).as("a dead-lettered notification is not retried by a redelivery")
                .isEqualTo(3);
    }

    /**
     * A delivery settled SENT whose announcement on notification.sent failed (the broker or the
     * registry away then; here its record of being announced is taken back): announced once its
     * settlement is a minute old.
     */
    @Test
    void aDeliveryWhoseAnnouncementFailedIsAnnouncedLater() throws Exception {
        notify.publish(report("r-announce", "announce-agency", "320102", AgencyLevel.GOVERNMENT,
                finding("T3-BALANCE", ERROR, "收支不平衡")));
        notify.awaitCaughtUp();
        List<NotificationSent> first = notify.sentAbout("r-announce");
        assertThat(first).singleElement().satisfies(s -> assertThat(s.getRecipient()).endsWith("/hook"));

        int unannounced = notify.bean(JdbcClient.class).sql("update delivery set announced_at = null"
                + " where report_id = 'r-announce' and state = 'SENT'").update();
        assertThat(unannounced).isPositive();
        notify.clock.set(notify.clock.instant().plus(RetrySender.ANNOUNCE_AFTER).plusSeconds(1));

        List<NotificationSent> sent = Await.until("announced again", () -> notify.sentAbout("r-announce"), s -> s.size() >= 2,
                NotifyHarness.WAIT);
        assertThat(sent).as("announced again, as it was").hasSize(2)
                .allSatisfy(s -> assertThat(s).isEqualTo(first.getFirst()));
        assertThat(receivedAbout("r-announce")).as("not sent again").hasSize(1);
    }

    private int attemptsAtTheFailingReceiver(String reportId) {
        AtomicInteger attempts = failedAttempts.get(reportId);
        return attempts == null ? 0 : attempts.get();
    }

    /** What the good receiver accepted about these reports (the tests share it), in order. */
    private List<Received> receivedAbout(String... reportIds) {
        List<String> ids = List.of(reportIds);
        return received.stream().filter(r -> ids.contains(reportIdOf(r.body()))).toList();
    }

    private static String reportIdOf(String body) {
        Matcher reportId = REPORT_ID.matcher(body);
        return reportId.find() ? reportId.group(1) : null;
    }

    /** Waits until every claim of the failing receiver waits for its next attempt, {@code made} made. */
    private void awaitRetrying(int made) throws Exception {
        JdbcClient jdbc = notify.bean(JdbcClient.class);
        Await.until("the failing receiver's claims all waiting after " + made + " attempts", () -> {
            long claims = jdbc.sql("select count(*) from delivery where inspector = :inspector").param("inspector", BROKEN)
                    .query(Long.class).single();
            long waiting = jdbc.sql("select count(*) from delivery where inspector = :inspector and state = 'RETRYING'"
                    + " and attempts = :made").param("inspector", BROKEN).param("made", made).query(Long.class).single();
            return claims > 0 && waiting == claims;
        }, NotifyHarness.WAIT);
    }

    /** An hour passes for the retries: they are due now. */
    private void makeRetriesDue() {
        notify.bean(JdbcClient.class).sql("update delivery set next_attempt_at = now() where state = 'RETRYING'").update();
    }

    private void receive(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String signature = exchange.getRequestHeaders().getFirst("X-Nianbao-Signature");
        Matcher m = signature == null ? null : SIGNATURE.matcher(signature);
        boolean valid = m != null && m.matches()
                && Math.abs(Long.parseLong(m.group(1)) - notify.clock.instant().getEpochSecond()) < 300
                && m.group(2).equals(hmac(m.group(1) + "." + new String(body, StandardCharsets.UTF_8)));
        received.add(new Received(new String(body, StandardCharsets.UTF_8), valid,
                exchange.getRequestHeaders().getFirst("X-Nianbao-Notification-Id")));
        exchange.sendResponseHeaders(valid ? 204 : 401, -1);
        exchange.close();
    }

    private static String hmac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A webhook subscribed while its host resolved elsewhere, now resolving into our own network
     * (here a private address; the API refuses such a subscription now): it is not called, and its
     * payload is dead-lettered at once, with the reason, without retries.
     */
    @Test
    void aWebhookThatResolvesIntoOurOwnNetworkIsNotCalledAndItsPayloadIsDeadLetteredAtOnce() throws Exception {
        notify.bean(Subscriptions.class).create(new Subscription(null, INTERNAL, null, "internal-agency", null, null,
                WARNING, Channel.WEBHOOK, "http://10.0.0.8:9/hook", false, null));
        notify.publish(report("r-internal", "internal-agency", "320102", AgencyLevel.GOVERNMENT,
                finding("T3-BALANCE", ERROR, "收支不平衡")));
        notify.awaitCaughtUp();

        ConsumerRecord<String, byte[]> deadLetter = deadLetter("r-internal", "10.0.0.8:9/hook");
        assertThat(header(deadLetter, "kafka_dlt-exception-message")).isEqualTo("address not allowed: 10.0.0.8 → 10.0.0.8");
        assertThat(header(deadLetter, "nianbao-attempts")).isEqualTo("1");
    }

    /** The first dead letter of the report to the webhook whose URL ends so. */
    private ConsumerRecord<String, byte[]> deadLetter(String reportId, String urlEnd) throws InterruptedException {
        Predicate<ConsumerRecord<String, byte[]>> wanted = record -> new String(record.value(), StandardCharsets.UTF_8)
                .contains("\"reportId\":\"" + reportId + "\"") && header(record, "nianbao-webhook-url").endsWith(urlEnd);
        return notify.topics().awaitRaw(deadLetterTopic, wanted, NotifyHarness.WAIT).stream().findFirst()
                .orElseThrow(() -> new AssertionError("nothing in " + deadLetterTopic));
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
