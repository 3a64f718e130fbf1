package io.nianbao.service;

import org.junit.jupiter.api.Test;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.kafka.event.ConsumerStoppedEvent;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Liveness breaks when a consumer stops for anything but a normal stop, as Spring Kafka reports it. */
class StoppedConsumersTest {

    private final List<Object> published = new ArrayList<>();
    private final StoppedConsumers stopped = new StoppedConsumers(published::add);

    @Test
    void aConsumerStoppedByAnErrorBreaksLiveness() {
        stopped.stopped(new ConsumerStoppedEvent(this, this, ConsumerStoppedEvent.Reason.ERROR));

        assertThat(published).singleElement().isInstanceOfSatisfying(AvailabilityChangeEvent.class,
                event -> assertThat(event.getState()).isEqualTo(LivenessState.BROKEN));
    }

    @Test
    void fencedOrUnauthorizedConsumersBreakItToo() {
        stopped.stopped(new ConsumerStoppedEvent(this, this, ConsumerStoppedEvent.Reason.FENCED));
        stopped.stopped(new ConsumerStoppedEvent(this, this, ConsumerStoppedEvent.Reason.AUTH));

        assertThat(published).hasSize(2);
    }

    @Test
    void aNormalStopDoesNot() {
        stopped.stopped(new ConsumerStoppedEvent(this, this, ConsumerStoppedEvent.Reason.NORMAL));

        assertThat(published).isEmpty();
    }
}
