package io.nianbao.service;

import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.messaging.MessageHandlingException;
import org.springframework.messaging.support.GenericMessage;
import org.springframework.util.backoff.BackOffExecution;

import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLettersTest {

    /** A batch is never given up (that would dead-letter its good records): a day of retries, still going. */
    @Test
    void aBatchIsRetriedForEverAtMostAMinuteApart() {
        BackOffExecution retries = DeadLetters.UNTIL_THE_BATCH_GOES_THROUGH.start();

        long[] intervals = LongStream.range(0, 24 * 60 + 10).map(i -> retries.nextBackOff()).toArray();

        assertThat(intervals).doesNotContain(BackOffExecution.STOP);
        assertThat(intervals[0]).isEqualTo(1_000);
        assertThat(LongStream.of(intervals).max().orElseThrow()).isEqualTo(60_000);
    }

    @Test
    void theReasonDeadLetteredIsTheListenersOwnFailureNotTheWrappersAroundIt() {
        IllegalStateException own = new IllegalStateException("cannot mail notification n-1 to ops@nianbao..test");
        ListenerExecutionFailedException wrapped = new ListenerExecutionFailedException("Listener failed",
                new MessageHandlingException(new GenericMessage<>("poll"), "error occurred in message handler",
                        new BatchListenerFailedException("cannot notify", own, 3)));

        assertThat(DeadLetters.reasonOf(wrapped)).isSameAs(own);
        assertThat(DeadLetters.reasonOf(own)).isSameAs(own);
    }
}
