package io.nianbao.notify;

import io.nianbao.events.Severity;
import io.nianbao.notify.Notification.GroupSend;
import io.nianbao.notify.Notification.ReportFindings;
import io.nianbao.notify.NotificationChannel.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.scheduling.annotation.Scheduled;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * Sends the groups that are due ({@link Grouping}): a group's new findings in one notification,
 * the reports with the most errors first, with the group's counts; or, when nothing is new and
 * its repeat interval has passed, a reminder of its findings still open. The groups and their
 * timers live in the delivery log, so a restart or another instance takes them up, and a lease
 * keeps two instances from sending the same group. Time comes from the {@link Clock}, so tests
 * move it; the schedule only decides how often to look.
 */
public class GroupSender {

    private static final Logger log = LoggerFactory.getLogger(GroupSender.class);

    private static final Comparator<ReportFindings> WORST_FIRST = Comparator
            .comparingLong((ReportFindings r) -> r.count(Severity.ERROR)).reversed()
            .thenComparing(Comparator.comparingLong((ReportFindings r) -> r.count(Severity.WARNING)).reversed());

    private final DeliveryLog deliveries;
    private final Notifier notifier;
    private final Duration lease;
    private final Clock clock;

    public GroupSender(DeliveryLog deliveries, Notifier notifier, NotifyProperties properties, Clock clock) {
        this.deliveries = deliveries;
        this.notifier = notifier;
        this.lease = properties.grouping().lease();
        this.clock = clock;
    }

    /** Sends the groups due now; returns how many notifications went out. */
    @Scheduled(fixedDelayString = "${nianbao.notify.grouping.check-every:PT1S}")
    public synchronized int sendDue() {
        Instant now = clock.instant();
        int sent = 0;
        for (DeliveryLog.DueGroup group : deliveries.leaseDueGroups(now, lease)) {
            try {
                sent += send(group, now) ? 1 : 0;
            } catch (RuntimeException e) {
                log.warn("the notification of group {} to {} failed, again in {}: {}", group.key(), group.target().address(),
                        lease, NestedExceptionUtils.getMostSpecificCause(e).toString());
            }
        }
        return sent;
    }

    private boolean send(DeliveryLog.DueGroup group, Instant now) {
        List<ReportFindings> fresh = deliveries.newInGroup(group);
        boolean reminder = fresh.isEmpty();
        Instant repeatAt = group.repeat() == null || group.lastSentAt() == null ? null : group.lastSentAt().plus(group.repeat());
        if (reminder && (repeatAt == null || repeatAt.isAfter(now))) {
            deliveries.groupIdle(group, repeatAt, now);
            return false;
        }
        List<ReportFindings> content = reminder ? deliveries.openInGroup(group) : fresh;
        if (content.isEmpty()) {
            deliveries.groupIdle(group, null, now);
            return false;
        }
        Notification notification = Notification.ofGroup(group.target(), group.key(), group.sentCount(),
                new GroupSend(group.title(), reminder), content.stream().sorted(WORST_FIRST).toList());
        int attempt = group.attempts() + 1;
        return switch (notifier.deliver(notification, attempt)) {
            case Outcome.Delivered delivered -> {
                deliveries.groupSent(group, now);
                log.info("group {} to {}: {} reports, {} findings sent{}", group.key(), group.target().address(),
                        content.size(), notification.findingCount(), reminder ? " again as a reminder" : "");
                yield true;
            }
            case Outcome.DeadLettered deadLettered -> {
                deliveries.groupSent(group, now);
                yield false;
            }
            case Outcome.RetryAfter retry -> {
                deliveries.groupRetry(group, now.plus(retry.delay()), attempt);
                yield false;
            }
            case Outcome.Throttled throttled -> {
                deliveries.groupRetry(group, now.plus(throttled.delay()), group.attempts());
                yield false;
            }
        };
    }
}
