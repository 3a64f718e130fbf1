package io.nianbao.notify;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.nianbao.core.rules.RuleId;
import io.nianbao.events.Channel;
import io.nianbao.events.NotificationSent;
import io.nianbao.events.ReportValidated;
import io.nianbao.events.Topics;
import io.nianbao.notify.Notification.ReportFindings;
import io.nianbao.notify.DeliveryLog.RoutedReport;
import io.nianbao.notify.NotificationChannel.Outcome;
import io.nianbao.service.PipelineMetrics;
import io.nianbao.service.Poll;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.transaction.support.TransactionOperations;

import java.time.Clock;
import java.time.Instant;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * report.validated → the routed findings to each target, one notification per report and target
 * → notification.sent, one per (recipient, report, channel). A target whose subscription groups
 * its findings ({@link Grouping}) gets them from {@link GroupSender} instead, a group at a time.
 * A target that was sent findings this report resolves is told so (a resolution notice).
 *
 * <p>Exactly once as the inspector sees it: the findings are first claimed in the delivery log
 * (insert-if-absent on inspector, channel, address, report and fingerprint) in one transaction with
 * the report, then the unsettled claims are sent, then settled. A redelivered or replayed event
 * finds its findings settled and sends nothing; a replay with new findings sends only those. The
 * crash between sending and settling is resolved towards sending again (at least once, never
 * lost): the next delivery of the event finds the claims unsettled and resends them, under the
 * same notification id ({@value EmailChannel#NOTIFICATION_ID_HEADER}) so a receiver can drop the
 * copy. The window is one SMTP or HTTP exchange wide.
 *
 * <p>Counts {@value #NOTIFICATIONS} {channel, outcome}: {@code delivered}, {@code dead_lettered}
 * (the channel gave up), {@code retrying} (the channel asked for another attempt later, which
 * {@link RetrySender} makes), {@code throttled} (the receiver takes no more now: again later, not
 * counted as an attempt), {@code failed} (the channel threw: the event is retried, then dead-lettered).
 */
public class Notifier implements Poll.Step<ReportValidated> {

    static final String NOTIFICATIONS = "nianbao.notifications";

    private static final Logger log = LoggerFactory.getLogger(Notifier.class);

    private final Router router;
    private final Subscriptions subscriptions;
    private final DeliveryLog deliveries;
    private final Map<Channel, NotificationChannel> channels;
    private final StreamBridge bridge;
    private final TransactionOperations transactions;
    private final Clock clock;
    private final PipelineMetrics metrics;
    private final MeterRegistry registry;

    public Notifier(Router router, Subscriptions subscriptions, DeliveryLog deliveries, List<NotificationChannel> channels,
                    StreamBridge bridge, TransactionOperations transactions, Clock clock, PipelineMetrics metrics,
                    MeterRegistry registry) {
        this.router = router;
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.channels = channels.stream().collect(Collectors.toMap(NotificationChannel::kind, Function.identity()));
        this.bridge = bridge;
        this.transactions = transactions;
        this.clock = clock;
        this.metrics = metrics;
        this.registry = registry;
    }

    /**
     * The poll's reports are routed on one read of the subscriptions and silences, recorded and
     * claimed in one transaction, and their unsettled claims read in one query; then each report's
     * notifications go out, in the poll's order (the {@link Poll} skeleton around it retries a
     * report that fails, finding its claims made).
     */
    @Override
    public Poll.EventStep<ReportValidated> begin(List<ReportValidated> events) {
        Claimed claimed = claim(events);
        return event -> {
            send(claimed.reports().get(event), claimed);
            return Poll.Pending.DONE;
        };
    }

    /**
     * The poll's reports with their routes, their claims not yet settled (by report, then target)
     * and the resolution notices they owe (by resolving report, then target).
     */
    private record Claimed(Map<ReportValidated, RoutedReport> reports, Map<String, Map<Target, List<StoredFinding>>> pending,
                           Map<String, Map<Target, List<ReportFindings>>> resolutions) {
    }

    /**
     * Routes the reports on one read of the subscriptions and silences, records and claims them,
     * reads what is unsettled and which resolution notices are owed.
     */
    private Claimed claim(List<ReportValidated> events) {
        List<Subscription> all = subscriptions.all();
        Set<Silence> silences = subscriptions.silences();
        Map<ReportValidated, RoutedReport> reports = new IdentityHashMap<>();
        for (ReportValidated event : events) {
            ReportInfo report = ReportInfo.of(event);
            // The same finding twice in one event is one finding.
            List<StoredFinding> findings = List.copyOf(event.getFindings().stream().map(StoredFinding::of)
                    .collect(Collectors.toMap(StoredFinding::fingerprint, f -> f, (a, b) -> a, LinkedHashMap::new)).values());
            reports.put(event, new RoutedReport(report, findings, event.getValidatedAt(),
                    router.route(report, findings, all, silences)));
        }
        List<RoutedReport> inOrder = events.stream().map(reports::get).toList();
        transactions.executeWithoutResult(status -> deliveries.recordAndClaim(inOrder, clock.instant()));
        Set<String> reportIds = inOrder.stream().map(r -> r.report().reportId()).collect(Collectors.toSet());
        return new Claimed(reports, deliveries.pending(reportIds), deliveries.pendingResolutions(reportIds));
    }

    /**
     * Sends the report's unsettled claims, one notification per target routed, and the resolution
     * notices it owes, and takes them out of {@code claimed}: the same report twice in a poll is
     * notified once.
     */
    private void send(RoutedReport routed, Claimed claimed) {
        metrics.reportIn();
        ReportInfo report = routed.report();
        Map<Target, List<StoredFinding>> unsettled = claimed.pending().getOrDefault(report.reportId(), Map.of());
        int sent = 0;
        for (Target target : routed.routes().keySet()) {
            if (unsettled.containsKey(target)) {
                deliver(Notification.of(target, false, List.of(new ReportFindings(report, unsettled.remove(target)))), 1);
                sent++;
            }
        }
        Map<Target, List<ReportFindings>> resolutions = Objects.requireNonNullElse(
                claimed.resolutions().remove(report.reportId()), Map.of());
        if (!resolutions.isEmpty()) {
            Notification.Resolution resolution = new Notification.Resolution(report, routed.findings().stream()
                    .filter(f -> f.rule().equals(RuleId.PUB_LATE.id())).findFirst().orElse(null));
            resolutions.forEach((target, resolved) -> deliver(Notification.ofResolution(target, resolution, resolved), 1));
        }
        log.info("report {} of {}: {} findings, {} targets, {} notifications and {} resolution notices sent", report.reportId(),
                report.agencyId(), routed.findings().size(), routed.routes().size(), sent, resolutions.size());
        metrics.reportOut();
    }

    /**
     * Makes attempt number {@code attempt} at one notification, settles its claims (or leaves them
     * to a later attempt when the channel asks for one), and announces it on notification.sent per
     * report; a resolution notice settles its own claims and is not announced.
     */
    Outcome deliver(Notification notification, int attempt) {
        Target target = notification.target();
        List<ReportFindings> reports = notification.reports();
        NotificationChannel channel = channels.get(target.channel());
        if (channel == null) {
            throw new IllegalStateException("no channel " + target.channel() + " for " + target);
        }
        Outcome outcome;
        try {
            outcome = channel.deliver(notification, attempt);
        } catch (RuntimeException e) {
            count(target, "failed");
            throw e;
        }
        Instant now = clock.instant();
        // Settled before it is announced: an announcement that fails (broker or schema registry away)
        // fails the event, and its retry must not send the notification again; RetrySender
        // announces it later.
        switch (outcome) {
            case Outcome.Delivered delivered -> {
                count(target, "delivered");
                deliveries.settle(notification, DeliveryLog.State.SENT, now);
                if (notification.resolution() == null) {
                    reports.forEach(r -> announce(target, r, now));
                    deliveries.announced(notification, clock.instant());
                }
            }
            case Outcome.DeadLettered deadLettered -> {
                count(target, "dead_lettered");
                deliveries.settle(notification, DeliveryLog.State.DEAD_LETTERED, now);
            }
            case Outcome.RetryAfter retry -> {
                count(target, "retrying");
                if (retriedHere(notification)) {
                    deliveries.retryLater(notification, attempt, retry.delay());
                }
            }
            case Outcome.Throttled throttled -> {
                count(target, "throttled");
                if (retriedHere(notification)) {
                    deliveries.retryLater(notification, attempt - 1, throttled.delay());
                }
            }
        }
        return outcome;
    }

    /**
     * A report's or a digest's notification waits RETRYING for {@link RetrySender}; a group's is
     * rescheduled by {@link GroupSender}; a resolution notice stays pending for the resolving
     * report's next delivery.
     */
    private static boolean retriedHere(Notification notification) {
        return notification.group() == null && notification.resolution() == null;
    }

    private void count(Target target, String outcome) {
        Counter.builder(NOTIFICATIONS).description("Notifications by channel and outcome")
                .tag("channel", target.channel().name()).tag("outcome", outcome).register(registry).increment();
    }

    /**
     * Announces a delivery whose announcement failed after its settlement (the broker or the
     * registry away then): the event's retry found it settled and sent nothing, so no one else will.
     */
    void announceAgain(DeliveryLog.Leased sent) {
        announce(sent.target(), sent.report(), sent.settledAt());
        deliveries.announced(Notification.of(sent.target(), false, List.of(sent.report())), clock.instant());
    }

    private void announce(Target target, ReportFindings entry, Instant sentAt) {
        NotificationSent sent = NotificationSent.newBuilder()
                .setReportId(entry.report().reportId())
                .setAgencyId(entry.report().agencyId())
                .setChannel(target.channel())
                .setRecipient(target.address())
                .setRules(entry.findings().stream().map(StoredFinding::rule).distinct().toList())
                .setFindingCount(entry.findings().size())
                .setSentAt(sentAt)
                .build();
        if (!bridge.send(Topics.NOTIFICATION_SENT.name(), sent)) {
            throw new IllegalStateException("notification.sent did not accept the delivery of report "
                    + entry.report().reportId() + " to " + target.address());
        }
    }
}
