package io.nianbao.notify;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;

/**
 * Sends each digest subscriber, once a day from the configured time, one notification with every
 * finding collected for the digest since the last one. Time comes from the {@link Clock}, so tests
 * move it; the schedule only decides how often to look.
 */
public class DigestSender {

    private static final Logger log = LoggerFactory.getLogger(DigestSender.class);

    private final DeliveryLog deliveries;
    private final Notifier notifier;
    private final NotifyProperties.Digest settings;
    private final Clock clock;

    public DigestSender(DeliveryLog deliveries, Notifier notifier, NotifyProperties properties, Clock clock) {
        this.deliveries = deliveries;
        this.notifier = notifier;
        this.settings = properties.digest();
        this.clock = clock;
    }

    /** Sends the digests that are due now; returns how many. */
    @Scheduled(fixedDelayString = "${nianbao.notify.digest.check-every:PT1M}",
            initialDelayString = "${nianbao.notify.digest.check-every:PT1M}")
    public synchronized int sendDue() {
        ZonedDateTime now = clock.instant().atZone(settings.zone());
        if (now.toLocalTime().isBefore(settings.at())) {
            return 0;
        }
        LocalDate today = now.toLocalDate();
        int sent = 0;
        for (Target target : deliveries.digestTargets()) {
            if (deliveries.lastDigest(target).filter(last -> !last.isBefore(today)).isPresent()) {
                continue;
            }
            notifier.deliver(Notification.of(target, true, deliveries.digestFor(target)), 1);
            deliveries.recordDigest(target, today);
            sent++;
        }
        if (sent > 0) {
            log.info("sent {} daily digests for {}", sent, today);
        }
        return sent;
    }
}
