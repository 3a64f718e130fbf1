package io.nianbao.notify;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.scheduling.annotation.Scheduled;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Makes the next attempt at each notification whose channel asked for one later (a webhook whose
 * receiver failed), once it is due: on a thread of its own, so that a slow or failing receiver
 * holds up neither its report's partition nor the reports behind it. And announces on
 * notification.sent the deliveries whose announcement failed after they were settled. Both live
 * in the delivery log, so they survive a restart, and any instance may take them up.
 */
public class RetrySender {

    /**
     * How long a due retry is this instance's: longer than one attempt takes (a webhook's connect
     * and answer timeouts). Past it, unsettled (the instance gone), another instance takes it.
     */
    static final Duration LEASE = Duration.ofMinutes(5);
    /**
     * How long after its settlement a delivery not yet announced counts as one whose announcement
     * failed: the delivering thread announces it within moments.
     */
    static final Duration ANNOUNCE_AFTER = Duration.ofMinutes(1);

    private static final Logger log = LoggerFactory.getLogger(RetrySender.class);

    private final DeliveryLog deliveries;
    private final Notifier notifier;
    private final Clock clock;

    public RetrySender(DeliveryLog deliveries, Notifier notifier, Clock clock) {
        this.deliveries = deliveries;
        this.notifier = notifier;
        this.clock = clock;
    }

    /**
     * Makes the attempts that are due now, and announces the deliveries whose announcement failed
     * at least {@link #ANNOUNCE_AFTER} ago; returns how many of both.
     */
    @Scheduled(fixedDelayString = "${nianbao.notify.retry-check-every:PT1S}")
    public synchronized int sendDue() {
        List<DeliveryLog.Leased> due = deliveries.leaseDueRetries(LEASE);
        for (DeliveryLog.Leased retry : due) {
            int attempt = retry.attemptsMade() + 1;
            whenItFails(retry, "attempt " + attempt + " at", () -> notifier.deliver(
                    Notification.of(retry.target(), false, List.of(retry.report())), attempt));
        }
        List<DeliveryLog.Leased> unannounced = deliveries.leaseUnannounced(clock.instant().minus(ANNOUNCE_AFTER), LEASE);
        for (DeliveryLog.Leased sent : unannounced) {
            whenItFails(sent, "the announcement of", () -> notifier.announceAgain(sent));
        }
        return due.size() + unannounced.size();
    }

    /** Runs {@code work}; a failure is logged, and its lease running out makes the work due again. */
    private static void whenItFails(DeliveryLog.Leased claims, String what, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            log.warn("{} the notification of report {} to {} failed, again in {}: {}", what,
                    claims.report().report().reportId(), claims.target().address(), LEASE,
                    NestedExceptionUtils.getMostSpecificCause(e).toString());
        }
    }
}
