package io.nianbao.faults;

import io.nianbao.cli.demo.PipelineWatcher;
import io.nianbao.events.ReportValidated;
import io.nianbao.events.TopicClient;
import io.nianbao.localstack.LocalStack;
import io.nianbao.localstack.MailCatcher;
import io.nianbao.localstack.ServiceFleet;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The four services on the shared local stack with a mail catcher, a {@link Trail} of what they
 * wrote, a publisher of report batches and the assertions every fault test ends with: nothing
 * lost, nothing twice.
 */
final class FaultPipeline implements AutoCloseable {

    static final List<String> INSPECTORS = List.of("inspector-a@faults.nianbao", "inspector-b@faults.nianbao");
    /** From the last publication to the last mail, faults included. */
    static final Duration END = Duration.ofSeconds(120);
    /** WARN/ERROR lines of each service log that a failure shows. */
    private static final int PROBLEM_LINES = 6;

    private static final Pattern REPORT_ID = Pattern.compile("报告编号：(\\S+)");
    private static final String NOTIFICATION_ID = "X-Nianbao-Notification-Id";

    private final LocalStack stack;
    private final MailCatcher mail;
    private final ServiceFleet fleet;
    private final TopicClient topics;
    private final Trail trail;

    private FaultPipeline(LocalStack stack, MailCatcher mail, ServiceFleet fleet) {
        this.stack = stack;
        this.mail = mail;
        this.fleet = fleet;
        this.topics = new TopicClient(stack.bootstrapServers(), stack.schemaRegistryUrl());
        this.trail = new Trail(topics);
    }

    static FaultPipeline start(LocalStack stack) throws IOException {
        MailCatcher mail = MailCatcher.start();
        try {
            return new FaultPipeline(stack, mail, ServiceFleet.start(stack, mail.host(), mail.smtpPort(), Map.of(
                    "nianbao.notify.inspectors", String.join(",", INSPECTORS),
                    // A killed instance's partitions move after 10 s instead of 45 (validate-service has 10 s of its own).
                    "spring.cloud.stream.kafka.binder.consumer-properties.session.timeout.ms", "10000",
                    "spring.cloud.stream.kafka.binder.consumer-properties.heartbeat.interval.ms", "3000")));
        } catch (IOException | RuntimeException e) {
            mail.close();
            throw e;
        }
    }

    LocalStack stack() {
        return stack;
    }

    MailCatcher mail() {
        return mail;
    }

    ServiceFleet fleet() {
        return fleet;
    }

    Trail trail() {
        return trail;
    }

    /** Starts publishing a batch of {@code count} reports at {@code perSecond} (see {@link Batch}). */
    Batch publish(String tag, int count, int perSecond) {
        return Batch.publish(topics, tag + "-" + UUID.randomUUID().toString().substring(0, 8), count, perSecond);
    }

    /** Waits until {@code progress} reaches {@code atLeast}: the moment to inject a fault mid-batch. */
    void awaitProgress(String what, LongSupplier progress, long atLeast) throws InterruptedException {
        assertThat(Trail.await(() -> progress.getAsLong() >= atLeast, END))
                .as(() -> "%s: %d of the batch within %s (got %d)%s".formatted(what, atLeast, END, progress.getAsLong(),
                        recentProblems())).isTrue();
    }

    /** What the services logged as WARN or ERROR lately: the part of a failure message that says why. */
    String recentProblems() {
        return fleet.recentProblems(PROBLEM_LINES);
    }

    /**
     * Waits until every report of the batch has been validated and, when a finding is a WARNING or
     * an ERROR, mailed to every inspector; then asserts nothing was lost and nothing arrived twice:
     * no report rejected, one mail per report and inspector and none for the others, and, when
     * {@code parsedOnce}, exactly one committed record per report on report.parsed. A crash of
     * notify-service between sending a mail and settling it may resend that very notification
     * (same notification id, see notify-service's README): tolerated when {@code notifyMayResend}.
     *
     * @return the mails of the batch (report id → inspector → mails)
     */
    Map<String, Map<String, List<MailCatcher.Mail>>> assertNothingLostNothingTwice(Batch batch, boolean parsedOnce,
                                                                                 boolean notifyMayResend) throws Exception {
        batch.awaitPublished(END);
        boolean ended = Trail.await(() -> {
            Map<String, Map<String, List<MailCatcher.Mail>>> mails = mailsByReportAndInspector();
            return batch.agencies().stream().allMatch(agency -> reachedInspectors(agency, mails));
        }, END);
        // Late copies, if any, arrive within a redelivery.
        Thread.sleep(2000);
        Map<String, Map<String, List<MailCatcher.Mail>>> mails = mailsByReportAndInspector();
        List<String> missing = batch.agencies().stream().filter(agency -> !reachedInspectors(agency, mails)).toList();
        assertThat(missing).as(() -> "reports of %s not validated or not mailed within %s (ended: %s)%s".formatted(
                batch.size(), END, ended, recentProblems())).isEmpty();
        assertThat(batch.agencies().stream().filter(agency -> trail.rejected(agency) != null).toList())
                .as("rejected reports").isEmpty();

        Map<String, Integer> wrongMailCounts = new LinkedHashMap<>();
        Map<String, Set<String>> resentUnderAnotherId = new LinkedHashMap<>();
        for (String agency : batch.agencies()) {
            ReportValidated validated = trail.validated(agency);
            String reportId = validated.getReportId();
            int expected = PipelineWatcher.mailWorthy(validated) ? 1 : 0;
            for (String inspector : INSPECTORS) {
                List<MailCatcher.Mail> received = mails.getOrDefault(reportId, Map.of()).getOrDefault(inspector, List.of());
                Set<String> ids = received.stream().map(m -> m.headers().get(NOTIFICATION_ID)).collect(Collectors.toSet());
                if (ids.size() > 1) {
                    resentUnderAnotherId.put(reportId + " → " + inspector, ids);
                }
                boolean tolerated = notifyMayResend && expected == 1 && ids.size() == 1;
                if (received.size() != expected && !(tolerated && received.size() > 1)) {
                    wrongMailCounts.put(reportId + " → " + inspector, received.size());
                }
            }
        }
        assertThat(resentUnderAnotherId).as("notifications with more than one notification id").isEmpty();
        assertThat(wrongMailCounts).as("mails per report and inspector that are not the one expected (0 when no finding"
                + " is a WARNING or ERROR)").isEmpty();
        if (parsedOnce) {
            Map<String, Integer> notOnce = batch.agencies().stream().map(trail::reportId)
                    .filter(id -> trail.parsedCount(id) != 1)
                    .collect(Collectors.toMap(id -> id, trail::parsedCount));
            assertThat(notOnce).as("reports without exactly one committed record on report.parsed").isEmpty();
        }
        return mails;
    }

    /** Validated, and mailed to every inspector when it has a WARNING or an ERROR. */
    private boolean reachedInspectors(String agency, Map<String, Map<String, List<MailCatcher.Mail>>> mails) {
        ReportValidated validated = trail.validated(agency);
        return validated != null && (!PipelineWatcher.mailWorthy(validated)
                || mails.getOrDefault(validated.getReportId(), Map.of()).keySet().containsAll(INSPECTORS));
    }

    private Map<String, Map<String, List<MailCatcher.Mail>>> mailsByReportAndInspector() {
        Map<String, Map<String, List<MailCatcher.Mail>>> byReport = new LinkedHashMap<>();
        for (MailCatcher.Mail received : mail.receivedMessages()) {
            Matcher id = REPORT_ID.matcher(received.text());
            while (id.find()) {
                for (String recipient : received.recipients()) {
                    byReport.computeIfAbsent(id.group(1), r -> new LinkedHashMap<>())
                            .computeIfAbsent(recipient, r -> new ArrayList<>()).add(received);
                }
            }
        }
        return byReport;
    }

    /**
     * Writes bytes that are not our Avro to {@code topic}, padded to {@code size} bytes (a short
     * text if smaller); returns them.
     */
    byte[] injectPoison(String topic, int size) {
        byte[] text = ("poison " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        byte[] poison = Arrays.copyOf(text, Math.max(text.length, size));
        topics.publishBytes(topic, "poison-agency", List.of(poison));
        return poison;
    }

    /** The record of {@code topic} whose value is {@code value}, waiting up to {@link #END}; null if none came. */
    ConsumerRecord<String, byte[]> awaitRecord(String topic, byte[] value) throws InterruptedException {
        return awaitRecord(topic, record -> Arrays.equals(record.value(), value));
    }

    /** The first record of {@code topic} keyed by the agency, waiting up to {@link #END}; null if none came. */
    ConsumerRecord<String, byte[]> awaitRecordOf(String topic, String agencyId) throws InterruptedException {
        return awaitRecord(topic, record -> agencyId.equals(record.key()));
    }

    private ConsumerRecord<String, byte[]> awaitRecord(String topic, Predicate<ConsumerRecord<String, byte[]>> wanted)
            throws InterruptedException {
        return topics.awaitRaw(topic, wanted, END).stream().findFirst().orElse(null);
    }

    /** Services first; the stack belongs to the extension. */
    @Override
    public void close() throws InterruptedException {
        trail.close();
        topics.close();
        fleet.close();
        mail.close();
    }
}
