package io.nianbao.watch.portal;

import io.nianbao.localstack.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class HostPacerTest {

    private static final Instant T0 = Instant.parse("2025-03-01T08:00:00Z");
    private static final Duration WAIT = Duration.ofMinutes(1);

    private final MutableClock clock = new MutableClock(T0, ZoneOffset.UTC);
    private final HostPacer pacer = new HostPacer(clock, Duration.ofSeconds(1), Duration.ofHours(1));

    @Test
    void oneRequestPerHostPerInterval() {
        assertThat(pacer.reserve("a.gov.cn", WAIT)).contains(T0);
        assertThat(pacer.reserve("a.gov.cn", WAIT)).contains(T0.plusSeconds(1));
        assertThat(pacer.reserve("a.gov.cn", WAIT)).contains(T0.plusSeconds(2));
        assertThat(pacer.reserve("b.gov.cn", WAIT)).as("another host has its own turns").contains(T0);
        clock.set(T0.plusSeconds(10));
        assertThat(pacer.reserve("a.gov.cn", WAIT)).contains(T0.plusSeconds(10));
    }

    @Test
    void aCrawlDelayLongerThanTheIntervalIsHonoured() {
        pacer.crawlDelay("a.gov.cn", Duration.ofSeconds(5));
        assertThat(pacer.reserve("a.gov.cn", WAIT)).contains(T0);
        assertThat(pacer.reserve("a.gov.cn", WAIT)).contains(T0.plusSeconds(5));
    }

    @Test
    void retryAfterKeepsRequestsAwayAndTooLongAWaitTakesNoTurn() {
        pacer.reserve("a.gov.cn", WAIT);
        pacer.backOff("a.gov.cn", Duration.ofSeconds(30));
        assertThat(pacer.reserve("a.gov.cn", WAIT)).contains(T0.plusSeconds(30));
        pacer.backOff("a.gov.cn", Duration.ofHours(5));
        assertThat(pacer.reserve("a.gov.cn", WAIT)).as("beyond the longest wait").isEmpty();
        clock.set(T0.plus(Duration.ofMinutes(59)));
        assertThat(pacer.reserve("a.gov.cn", WAIT)).as("capped at the longest back-off").contains(T0.plus(Duration.ofHours(1)));
    }

    @Test
    void withoutRetryAfterTheBackOffDoublesUntilAnAnswer() {
        pacer.backOff("a.gov.cn", null);
        assertThat(pacer.reserve("a.gov.cn", WAIT)).contains(T0.plusSeconds(10));
        pacer.backOff("a.gov.cn", null);
        assertThat(pacer.reserve("a.gov.cn", WAIT)).contains(T0.plusSeconds(20));
        pacer.answered("a.gov.cn");
        clock.set(T0.plusSeconds(100));
        pacer.backOff("a.gov.cn", null);
        assertThat(pacer.reserve("a.gov.cn", WAIT)).contains(T0.plusSeconds(110));
    }

    @Test
    void retryAfterIsSecondsOrAnHttpDate() {
        assertThat(HostPacer.retryAfter("120", T0)).isEqualTo(Duration.ofMinutes(2));
        assertThat(HostPacer.retryAfter("Sat, 01 Mar 2025 08:05:00 GMT", T0)).isEqualTo(Duration.ofMinutes(5));
        assertThat(HostPacer.retryAfter("Sat, 01 Mar 2025 07:05:00 GMT", T0)).isEqualTo(Duration.ZERO);
        assertThat(HostPacer.retryAfter("soon", T0)).isNull();
        assertThat(HostPacer.retryAfter(null, T0)).isNull();
    }
}
