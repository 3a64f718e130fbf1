package io.nianbao.watch.portal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * When the next request to a host may go: at most one per interval (or the site's Crawl-delay,
 * if longer), and none while the host asked us to back off (429 or 5xx: its Retry-After, else a
 * doubling delay), up to a ceiling. Takes the time from a clock, so it is tested without waiting.
 */
public final class HostPacer {

    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(10);

    private final Clock clock;
    private final Duration interval;
    private final Duration maxBackoff;
    private final Map<String, Host> hosts = new HashMap<>();

    private static final class Host {
        Instant next = Instant.MIN;
        Instant backoffUntil = Instant.MIN;
        Duration crawlDelay = Duration.ZERO;
        int failures;
    }

    public HostPacer(Clock clock, Duration interval, Duration maxBackoff) {
        this.clock = clock;
        this.interval = interval;
        this.maxBackoff = maxBackoff;
    }

    /**
     * Takes the host's next turn if it comes within {@code maxWait}: the instant the request may
     * go. Empty (and no turn taken) when the host's turn is further away: it asked us to back off.
     */
    public synchronized Optional<Instant> reserve(String host, Duration maxWait) {
        Host h = hosts.computeIfAbsent(host, key -> new Host());
        Instant now = clock.instant();
        Instant at = latest(now, h.next, h.backoffUntil);
        if (Duration.between(now, at).compareTo(maxWait) > 0) {
            return Optional.empty();
        }
        h.next = at.plus(h.crawlDelay.compareTo(interval) > 0 ? h.crawlDelay : interval);
        return Optional.of(at);
    }

    /** The host answered 429 or 5xx; {@code retryAfter} is what it asked, null when it did not say. */
    public synchronized void backOff(String host, Duration retryAfter) {
        Host h = hosts.computeIfAbsent(host, key -> new Host());
        h.failures++;
        Duration delay = retryAfter != null ? retryAfter
                : FIRST_BACKOFF.multipliedBy(1L << Math.min(h.failures - 1, 20));
        h.backoffUntil = clock.instant().plus(delay.compareTo(maxBackoff) > 0 ? maxBackoff : delay);
    }

    /** The host answered normally: the next 429 or 5xx starts from the first delay again. */
    public synchronized void answered(String host) {
        Host h = hosts.get(host);
        if (h != null) {
            h.failures = 0;
        }
    }

    /** The site's robots.txt asks this much time between requests. */
    public synchronized void crawlDelay(String host, Duration delay) {
        hosts.computeIfAbsent(host, key -> new Host()).crawlDelay = delay;
    }

    /** A Retry-After header's delay: seconds, or an HTTP date; null when absent or unreadable. */
    public static Duration retryAfter(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.strip();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(now, ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return until.isNegative() ? Duration.ZERO : until;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    private static Instant latest(Instant a, Instant b, Instant c) {
        Instant max = a.isAfter(b) ? a : b;
        return max.isAfter(c) ? max : c;
    }
}
