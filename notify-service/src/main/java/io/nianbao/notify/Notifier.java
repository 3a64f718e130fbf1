package io.nianbao.notify;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.nianbao.events.Channel;
import io.nianbao.events.NotificationSent;
import io.nianbao.events.ReportValidated;
import io.nianbao.events.Topics;
import io.nianbao.notify.Notification.ReportFindings;
import io.nianbao.notify.NotificationChannel.Outcome;
import io.nianbao.service.PipelineMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.transaction.support.TransactionOperations;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * report.validated → the routed findings to each target, one notification per report and target
 * → notification.sent, one per (recipient, report, channel).
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
 * (the channel gave up), {@code failed} (the channel threw: the event is retried, then dead-lettered).
 */
public class Notifier {

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

    public void handle(ReportValidated event) {
        metrics.reportIn();
        ReportInfo report = ReportInfo.of(event);
        // The same finding twice in one event is one finding.
        List<StoredFinding> findings = List.copyOf(event.getFindings().stream().map(StoredFinding::of)
                .collect(Collectors.toMap(StoredFinding::fingerprint, f -> f, (a, b) -> a, LinkedHashMap::new)).values());
        Map<Target, Router.Routed> routes = router.route(report, findings, subscriptions.all(), subscriptions.silences());
        transactions.executeWithoutResult(status -> {
            deliveries.record(report, findings, event.getValidatedAt());
            deliveries.claim(report.reportId(), routes, clock.instant());
        });
        int sent = 0;
        Map<Target, List<StoredFinding>> pending = deliveries.pending(report.reportId());
        for (Target target : routes.keySet()) {
            if (pending.containsKey(target)) {
                deliver(target, false, List.of(new ReportFindings(report, pending.get(target))));
                sent++;
            }
        }
        log.info("report {} of {}: {} findings, {} targets, {} notifications sent", report.reportId(),
                report.agencyId(), findings.size(), routes.size(), sent);
        metrics.reportOut();
    }

    /** Sends one notification, settles its claims, and announces it on notification.sent per report. */
    void deliver(Target target, boolean digest, List<ReportFindings> reports) {
        Notification notification = Notification.of(target, digest, reports);
        NotificationChannel channel = channels.get(target.channel());
        if (channel == null) {
            throw new IllegalStateException("no channel " + target.channel() + " for " + target);
        }
        Outcome outcome;
        try {
            outcome = channel.deliver(notification);
        } catch (RuntimeException e) {
            count(target, "failed");
            throw e;
        }
        count(target, outcome == Outcome.DELIVERED ? "delivered" : "dead_lettered");
        Instant now = clock.instant();
        // Settled before it is announced: an announcement that fails (broker or schema registry away)
        // fails the event, and its retry must not send the notification again.
        deliveries.settle(notification, outcome == Outcome.DELIVERED ? DeliveryLog.State.SENT : DeliveryLog.State.DEAD_LETTERED, now);
        if (outcome == Outcome.DELIVERED) {
            reports.forEach(r -> announce(notification, r, now));
        }
    }

    private void count(Target target, String outcome) {
        Counter.builder(NOTIFICATIONS).description("Notifications by channel and outcome")
                .tag("channel", target.channel().name()).tag("outcome", outcome).register(registry).increment();
    }

    private void announce(Notification notification, ReportFindings entry, Instant now) {
        NotificationSent sent = NotificationSent.newBuilder()
                .setReportId(entry.report().reportId())
                .setAgencyId(entry.report().agencyId())
                .setChannel(notification.target().channel())
                .setRecipient(notification.target().address())
                .setRules(entry.findings().stream().map(StoredFinding::rule).distinct().toList())
                .setFindingCount(entry.findings().size())
                .setSentAt(now)
                .build();
        if (!bridge.send(Topics.NOTIFICATION_SENT.name(), sent)) {
            throw new IllegalStateException("notification.sent did not accept notification " + notification.id());
        }
    }
}
