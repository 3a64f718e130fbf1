package io.nianbao.watch;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Waits for a condition, polling, within a generous bound. */
final class Eventually {

    private Eventually() {
    }

    static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime() < deadline).as("waited " + timeout + " for " + what).isTrue();
            Thread.sleep(100);
        }
    }
}
