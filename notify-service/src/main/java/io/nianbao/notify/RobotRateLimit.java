package io.nianbao.notify;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The vendors' rates, per robot, kept by this instance: a message is sent only when the robot's
 * last minute (and last second, where the vendor counts seconds) leaves room for it, so that a
 * burst never passes them; after the robot said it was throttled, nothing until that ends.
 * Counted on the monotonic clock in nanoseconds, as the robots count real time whatever the
 * service's clock says.
 */
final class RobotRateLimit {

    private static final long MINUTE = Duration.ofMinutes(1).toNanos();
    private static final long SECOND = Duration.ofSeconds(1).toNanos();

    private final LongSupplier nanoTime;
    /** Guarded by this: when each robot's messages of the last minute were sent, oldest first. */
    private final Map<String, Deque<Long>> sent = new HashMap<>();
    /** Guarded by this: until when a robot refuses everything. */
    private final Map<String, Long> blockedUntil = new HashMap<>();

    RobotRateLimit(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** Takes a place for one message to the robot now, and returns zero; or how long until there is one. */
    synchronized Duration reserve(String robot, RobotVendor vendor) {
        long now = nanoTime.getAsLong();
        Long blocked = blockedUntil.get(robot);
        if (blocked != null && blocked - now > 0) {
            return Duration.ofNanos(blocked - now);
        }
        Deque<Long> times = sent.computeIfAbsent(robot, r -> new ArrayDeque<>());
        while (!times.isEmpty() && now - times.peekFirst() >= MINUTE) {
            times.removeFirst();
        }
        long wait = 0;
        if (times.size() >= vendor.perMinute()) {
            wait = times.peekFirst() + MINUTE - now;
        }
        if (vendor.perSecond() > 0 && times.size() >= vendor.perSecond()) {
            // Oldest first: the perSecond-th newest tells whether the last second is full, and when it frees.
            long oldestOfLastSecond = times.stream().skip(times.size() - vendor.perSecond()).findFirst().orElseThrow();
            if (now - oldestOfLastSecond < SECOND) {
                wait = Math.max(wait, oldestOfLastSecond + SECOND - now);
            }
        }
        if (wait > 0) {
            return Duration.ofNanos(wait);
        }
        times.addLast(now);
        return Duration.ZERO;
    }

    /** The robot said it takes nothing for {@code duration}. */
    synchronized void blockFor(String robot, Duration duration) {
        blockedUntil.put(robot, nanoTime.getAsLong() + duration.toNanos());
    }
}
