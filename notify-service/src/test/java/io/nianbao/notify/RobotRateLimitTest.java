package io.nianbao.notify;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class RobotRateLimitTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final RobotRateLimit rates = new RobotRateLimit(now::get);

    private void pass(Duration time) {
        now.addAndGet(time.toNanos());
    }

    @Test
    void twentyMessagesAMinuteThenTheTwentyFirstWaitsForTheFirstToBeAMinuteOld() {
        for (int i = 0; i < 20; i++) {
            assertThat(rates.reserve("r", RobotVendor.DINGTALK)).as("message " + (i + 1)).isZero();
            pass(Duration.ofSeconds(1));
        }
        assertThat(rates.reserve("r", RobotVendor.DINGTALK)).isEqualTo(Duration.ofSeconds(40));
        assertThat(rates.reserve("other", RobotVendor.DINGTALK)).as("another robot counts apart").isZero();

        pass(Duration.ofSeconds(40));
        assertThat(rates.reserve("r", RobotVendor.DINGTALK)).isZero();
        assertThat(rates.reserve("r", RobotVendor.DINGTALK)).as("the second is a minute old a second later")
                .isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void feishuAlsoCountsFiveASecond() {
        for (int i = 0; i < 5; i++) {
            assertThat(rates.reserve("f", RobotVendor.FEISHU)).isZero();
        }
        assertThat(rates.reserve("f", RobotVendor.FEISHU)).isEqualTo(Duration.ofSeconds(1));
        pass(Duration.ofSeconds(1));
        assertThat(rates.reserve("f", RobotVendor.FEISHU)).isZero();
    }

    @Test
    void aRobotThatSaidItIsThrottledGetsNothingUntilThatEnds() {
        rates.blockFor("r", Duration.ofMinutes(10));
        pass(Duration.ofMinutes(9));
        assertThat(rates.reserve("r", RobotVendor.DINGTALK)).isEqualTo(Duration.ofMinutes(1));
        pass(Duration.ofMinutes(1));
        assertThat(rates.reserve("r", RobotVendor.DINGTALK)).isZero();
    }
}
