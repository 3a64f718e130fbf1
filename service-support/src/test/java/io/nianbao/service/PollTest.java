package io.nianbao.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import io.nianbao.events.DeadlineCheck;
import io.nianbao.events.RecordsInFlight;
import io.nianbao.events.Topic;
import io.nianbao.events.Topics;
import io.nianbao.localstack.LocalStack;
import io.nianbao.localstack.LocalStackExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The poll skeleton around a step, against a real broker and registry (dead letters are written
 * and waited for). The step's events are deadline checks; a year of 0 makes the step throw, a
 * year of -1 makes what it started fail.
 */
@ExtendWith(LocalStackExtension.class)
class PollTest {

    private final String topic = "poll-test-" + UUID.randomUUID();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<String> handled = new CopyOnWriteArrayList<>();
    private final List<String> awaited = new CopyOnWriteArrayList<>();
    private final List<List<String>> begun = new CopyOnWriteArrayList<>();
    private CrashGuard crashGuard;
    private Polls polls;

    @BeforeEach
    void setUp(LocalStack stack) {
        KafkaClients kafka = new KafkaClients(new NianbaoProperties(new NianbaoProperties.Kafka(stack.bootstrapServers()),
                new NianbaoProperties.SchemaRegistry(stack.schemaRegistryUrl()),
                new NianbaoProperties.Topics(1, (short) 1, 2 * 1024 * 1024)));
        DeadLetters deadLetters = new DeadLetters(new KafkaTemplate<>(kafka.deadLetterProducerFactory()),
                new PipelineMetrics(meters, "test"));
        crashGuard = new CrashGuard("poll-test-" + UUID.randomUUID(), kafka, deadLetters);
        polls = new Polls(crashGuard, deadLetters, new StreamTracing(Tracer.NOOP, Propagator.NOOP));
    }

    @AfterEach
    void tearDown() {
        crashGuard.destroy();
    }

    private Poll.EventStep<DeadlineCheck> begin(List<DeadlineCheck> events) {
        begun.add(events.stream().map(DeadlineCheck::getAgencyId).toList());
        return event -> {
            if (event.getYear() == 0) {
                throw new IllegalStateException("cannot handle " + event.getAgencyId());
            }
            handled.add(event.getAgencyId());
            return () -> {
                if (event.getYear() == -1) {
                    throw new IllegalStateException("the send of " + event.getAgencyId() + " failed");
                }
                awaited.add(event.getAgencyId());
            };
        };
    }

    private ConsumerRecord<?, ?> record(long offset, Object value) {
        return new ConsumerRecord<>(topic, 0, offset, "key", value);
    }

    private static DeadlineCheck check(String agency, int year) {
        return new DeadlineCheck(agency, year);
    }

    private static RecordsInFlight notACheck() {
        return RecordsInFlight.newBuilder().setInstance("x").setFromOffset(0).setToOffset(0).setCrashes(0)
                .setSince(Instant.now()).build();
    }

    /** The records as the binder hands a batch binding its poll, with an acknowledgment that records what it is told. */
    private static Message<?> poll(List<ConsumerRecord<?, ?>> records, RecordedAcknowledgment acknowledgment) {
        MessageBuilder<List<ConsumerRecord<?, ?>>> message = MessageBuilder.withPayload(records)
                .setHeader(KafkaHeaders.RAW_DATA, records);
        if (acknowledgment != null) {
            message.setHeader(KafkaHeaders.ACKNOWLEDGMENT, acknowledgment);
        }
        return message.build();
    }

    private double deadLetters() {
        Counter counter = meters.find(PipelineMetrics.DEAD_LETTERS).tag("topic", Topic.dlqOf(topic)).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void retryingBeginsOnceHandlesEachEventInOrderAndWaitsForWhatTheyStartedAfterwards() {
        polls.retrying(Topics.DEADLINE_CHECKS, "test", this::begin).accept(poll(List.of(
                record(0, check("a", 2025)), record(1, notACheck()), record(2, check("b", 2025))), null));

        assertThat(begun).containsExactly(List.of("a", "b"));
        assertThat(handled).containsExactly("a", "b");
        assertThat(awaited).containsExactly("a", "b");
        assertThat(deadLetters()).as("the record of another type").isEqualTo(1);
    }

    @Test
    void retryingNamesTheFirstRecordThatFailedAfterWaitingForEverySendStarted() {
        Poll<DeadlineCheck> poll = polls.retrying(Topics.DEADLINE_CHECKS, "test", this::begin);
        List<ConsumerRecord<?, ?>> records = List.of(record(10, check("a", 2025)), record(11, check("b", -1)),
                record(12, check("c", 0)), record(13, check("d", 2025)));

        assertThatThrownBy(() -> poll.accept(poll(records, null)))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, e -> {
                    assertThat(e.getRecord()).isSameAs(records.get(1));
                    assertThat(e.getCause()).hasMessage("the send of b failed");
                });
        assertThat(handled).as("nothing after the record that threw").containsExactly("a", "b");
        assertThat(awaited).containsExactly("a");
        assertThat(deadLetters()).as("the container retries and dead-letters, not the poll").isZero();
    }

    @Test
    void inATransactionARecordThatThrowsIsDeadLetteredAtOnceAndThePollGoesOn() {
        RecordedAcknowledgment acknowledgment = new RecordedAcknowledgment();
        polls.inTransaction(Topics.DEADLINE_CHECKS, "test", this::begin, Duration.ofMinutes(5), event -> {
        }).accept(poll(List.of(record(20, check("a", 2025)), record(21, check("b", 0)), record(22, check("c", 2025))),
                acknowledgment));

        assertThat(handled).containsExactly("a", "c");
        assertThat(awaited).containsExactly("a", "c");
        assertThat(deadLetters()).isEqualTo(1);
        assertThat(acknowledgment.calls).containsExactly("acknowledge");
    }

    @Test
    void inATransactionASendThatFailsFailsThePoll() {
        Poll<DeadlineCheck> poll = polls.inTransaction(Topics.DEADLINE_CHECKS, "test", this::begin, Duration.ofMinutes(5),
                event -> {
                });
        RecordedAcknowledgment acknowledgment = new RecordedAcknowledgment();

        assertThatThrownBy(() -> poll.accept(poll(List.of(record(30, check("a", -1)), record(31, check("b", 2025))),
                acknowledgment))).isInstanceOf(IllegalStateException.class).hasMessage("the send of a failed");
        assertThat(deadLetters()).as("rolled back and retried whole, nothing dead-lettered").isZero();
        assertThat(acknowledgment.calls).isEmpty();
    }

    @Test
    void aPollPastItsTimeBudgetHandlesAtLeastOneRecordAndLeavesTheRestForTheNext() {
        RecordedAcknowledgment acknowledgment = new RecordedAcknowledgment();
        polls.inTransaction(Topics.DEADLINE_CHECKS, "test", this::begin, Duration.ZERO, event -> {
        }).accept(poll(List.of(record(40, check("a", 2025)), record(41, check("b", 2025)), record(42, check("c", 2025))),
                acknowledgment));

        assertThat(handled).containsExactly("a");
        assertThat(awaited).containsExactly("a");
        assertThat(acknowledgment.calls).containsExactly("nack 1");
    }

    @Test
    void aBindingWithATimeBudgetMustAcknowledgeManually() {
        Poll<DeadlineCheck> poll = polls.inTransaction(Topics.DEADLINE_CHECKS, "test", this::begin, Duration.ofSeconds(5),
                event -> {
                });

        assertThatThrownBy(() -> poll.accept(poll(List.of(record(50, check("a", 2025))), null)))
                .hasMessageContaining("ack-mode MANUAL");
        assertThat(handled).isEmpty();
    }

    private static final class RecordedAcknowledgment implements Acknowledgment {
        private final List<String> calls = new ArrayList<>();

        @Override
        public void acknowledge() {
            calls.add("acknowledge");
        }

        @Override
        public void nack(int index, Duration sleep) {
            calls.add("nack " + index);
        }
    }
}
