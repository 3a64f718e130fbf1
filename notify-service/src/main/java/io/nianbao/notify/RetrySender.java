package io.nianbao.notify;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.scheduling.annotation.Scheduled;

import java.time.Duration;
import java.util.List;

/**
 * Makes the next attempt at each notification whose channel asked for one later (a webhook whose
 * receiver failed), once it is due: on a thread of its own, so that a slow or failing receiver
 * holds up neither its report's partition nor the reports behind it. The retries live in the
 * delivery log (state RETRYING), so they survive a restart, and any instance may make them.
 */
public class RetrySender {

    /**
     * How long a due retry is this instance's: longer than one attempt takes (a webhook's connect
     * and answer timeouts). Past it, unsettled (the instance gone), another instance takes it.
     */
    static final Duration LEASE = Duration.ofMinutes(5);

    private static final Logger log = LoggerFactory.getLogger(RetrySender.class);

    private final DeliveryLog deliveries;
    private final Notifier notifier;

    public RetrySender(DeliveryLog deliveries, Notifier notifier) {
        this.deliveries = deliveries;
        this.notifier = notifier;
    }

    /** Makes the attempts that are due now; returns how many. */
    @Scheduled(fixedDelayString = "${nianbao.notify.retry-check-every:PT1S}")
    public synchronized int sendDue() {
        List<DeliveryLog.Retry> due = deliveries.leaseDueRetries(LEASE);
        for (DeliveryLog.Retry retry : due) {
            try {
                notifier.deliver(retry.target(), false, List.of(retry.report()), retry.attemptsMade() + 1);
            } catch (RuntimeException e) {
                // Its lease runs out and it is due again: the database or the broker may be back by then.
                log.warn("attempt {} at the notification of report {} to {} failed, again in {}: {}", retry.attemptsMade() + 1,
                        retry.report().report().reportId(), retry.target().address(), LEASE,
                        NestedExceptionUtils.getMostSpecificCause(e).toString());
            }
        }
        return due.size();
    }
}
