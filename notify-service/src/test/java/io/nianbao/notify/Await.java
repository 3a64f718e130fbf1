package io.nianbao.notify;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/** Polling for the notify tests: waits for a condition with a bound, never a fixed sleep. */
final class Await {

    private static final Duration POLL = Duration.ofMillis(100);

    /** What a poll reads; it may fail as a request does. */
    @FunctionalInterface
    interface Probe<T> {
        T read() throws Exception;
    }

    private Await() {
    }

    /** Waits until {@code condition} holds; fails, naming {@code what}, after {@code timeout}. */
    static void until(String what, BooleanSupplier condition, Duration timeout) throws Exception {
        until(what, condition::getAsBoolean, done -> done, timeout);
    }

    /**
     * Reads with {@code probe} until {@code done} accepts what it read, and returns that; fails,
     * naming {@code what} and the last reading, after {@code timeout}.
     */
    static <T> T until(String what, Probe<T> probe, Predicate<? super T> done, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = probe.read();
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + ": not within " + timeout + "; last seen: " + last);
            }
            Thread.sleep(POLL);
            last = probe.read();
        }
        return last;
    }
}
