package io.nianbao.service;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.nianbao.events.Topic;
import io.nianbao.events.TopicClient;
import io.nianbao.localstack.LocalStack;
import io.nianbao.localstack.LocalStackExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.kafka.core.KafkaTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The crash guard against a real broker and registry. A consumer instance "dies" here as a
 * handler that throws an Error (never caught, so the range it wrote stays, as after a kill -9 or
 * an OutOfMemoryError); the instance that takes over is a new guard (a new process id).
 */
@ExtendWith(LocalStackExtension.class)
class CrashGuardTest {

    private final String group = "crash-guard-test-" + UUID.randomUUID();
    private final String topic = "crash-guard-" + UUID.randomUUID();
    private final TopicPartition partition = new TopicPartition(topic, 0);
    private final List<CrashGuard> guards = new ArrayList<>();
    private LocalStack stack;
    private KafkaClients kafka;
    private DeadLetters deadLetters;

    /** What a dying consumer's thread throws: an Error, as the OutOfMemoryError that ends a process. */
    private static final class Death extends Error {
    }

    @BeforeEach
    void setUp(LocalStack stack) {
        this.stack = stack;
        kafka = new KafkaClients(new NianbaoProperties(new NianbaoProperties.Kafka(stack.bootstrapServers()),
                new NianbaoProperties.SchemaRegistry(stack.schemaRegistryUrl()),
                new NianbaoProperties.Topics(1, (short) 1, 2 * 1024 * 1024)));
        deadLetters = new DeadLetters(new KafkaTemplate<>(kafka.deadLetterProducerFactory()),
                new PipelineMetrics(new SimpleMeterRegistry(), "test"));
    }

    @AfterEach
    void tearDown() {
        guards.forEach(CrashGuard::destroy);
    }

    /** A new consumer process that was just given the partition. */
    private CrashGuard newInstance() {
        CrashGuard guard = new CrashGuard(group, kafka, deadLetters);
        guard.assigned(List.of(partition));
        guards.add(guard);
        return guard;
    }

    private List<ConsumerRecord<?, ?>> poll(long from, long to) {
        return LongStream.rangeClosed(from, to).<ConsumerRecord<?, ?>>mapToObj(offset -> new ConsumerRecord<>(topic, 0, offset,
                "agency", ("record " + offset).getBytes(StandardCharsets.UTF_8))).toList();
    }

    /** Handles a poll with a guard, dying on {@code killer}; returns the slices handled. */
    private List<List<Long>> handle(CrashGuard guard, List<ConsumerRecord<?, ?>> poll, long killer) {
        List<List<Long>> slices = new ArrayList<>();
        try {
            guard.handleInSlices(poll, setAside -> { }, slice -> {
                slices.add(slice.stream().map(ConsumerRecord::offset).toList());
                if (slice.stream().anyMatch(r -> r.offset() == killer)) {
                    throw new Death();
                }
                return true;
            });
        } catch (Death died) {
            // the process is gone
        }
        return slices;
    }

    @Test
    void aPollWithoutDeathsIsHandledWhole() {
        assertThat(handle(newInstance(), poll(0, 4), -1)).containsExactly(List.of(0L, 1L, 2L, 3L, 4L));
    }

    @Test
    void afterADeathThePollIsHandledOneAtATimeAndASecondDeathSetsTheKillerAside() throws Exception {
        assertThat(handle(newInstance(), poll(10, 14), 12)).containsExactly(List.of(10L, 11L, 12L, 13L, 14L));

        // The next instance takes the same records one at a time and dies on the killer again.
        assertThat(handle(newInstance(), poll(10, 14), 12)).containsExactly(List.of(10L), List.of(11L), List.of(12L));

        // The third sets it aside unhandled, with its bytes and the reason, and handles the rest.
        assertThat(handle(newInstance(), poll(12, 14), -1)).containsExactly(List.of(13L), List.of(14L));
        ConsumerRecord<String, byte[]> deadLetter = deadLetterOf(12);
        assertThat(new String(deadLetter.value(), StandardCharsets.UTF_8)).isEqualTo("record 12");
        assertThat(new String(deadLetter.headers().lastHeader("kafka_dlt-exception-message").value(), StandardCharsets.UTF_8))
                .startsWith(CrashGuard.CRASHED_CONSUMER + ": record " + topic + "-0@12 was in progress at 2 deaths");
    }

    /**
     * A suspect handled well on its own, then the process dies on the next suspect before the
     * poll's offsets are committed: both come again, and only the killer counts a second death.
     */
    @Test
    void aSuspectHandledWellIsNotBlamedForTheNextOnesDeath() {
        TopicPartition other = new TopicPartition(topic, 1);
        ConsumerRecord<?, ?> innocent = new ConsumerRecord<>(topic, 0, 50L, "a", "innocent".getBytes(StandardCharsets.UTF_8));
        ConsumerRecord<?, ?> killer = new ConsumerRecord<>(topic, 1, 60L, "b", "killer".getBytes(StandardCharsets.UTF_8));
        List<ConsumerRecord<?, ?>> poll = List.of(innocent, killer);
        CrashGuard first = newInstance();
        first.assigned(List.of(other));
        handle(first, poll, 60);
        CrashGuard second = newInstance();
        second.assigned(List.of(other));
        assertThat(handle(second, poll, 60)).containsExactly(List.of(50L), List.of(60L));

        CrashGuard third = newInstance();
        third.assigned(List.of(other));
        assertThat(handle(third, poll, -1)).as("the innocent handled, the killer set aside").containsExactly(List.of(50L));
    }

    @Test
    void recordsAfterTheRangeOfTheDeadInstanceAreNoSuspects() {
        handle(newInstance(), poll(20, 22), 21);

        assertThat(handle(newInstance(), poll(23, 25), -1)).containsExactly(List.of(23L, 24L, 25L));
    }

    @Test
    void aHandlerThatThrowsIsAliveAndLeavesNoSuspects() {
        CrashGuard alive = newInstance();
        assertThatThrownBy(() -> alive.handleInSlices(poll(30, 32), setAside -> { }, slice -> {
            throw new IllegalStateException("the broker is away");
        })).isInstanceOf(IllegalStateException.class);

        // A rebalance gives the partition to another instance: no death is counted.
        assertThat(handle(newInstance(), poll(30, 32), -1)).containsExactly(List.of(30L, 31L, 32L));
    }

    @Test
    void theSameInstanceTakingItsOwnPollAgainCountsNoDeath() {
        CrashGuard guard = newInstance();
        handle(guard, poll(40, 42), -1);
        guard.assigned(List.of(partition));

        assertThat(handle(guard, poll(40, 42), -1)).containsExactly(List.of(40L, 41L, 42L));
    }

    @Test
    void aConsumerOfOneRecordAtATimeWritesOncePerStrideAndSetsAsideAtTheSecondDeath() {
        CrashGuard first = newInstance();
        assertThat(first.handle(topic, 0, 100, () -> { })).isTrue();
        // 100 .. 100 + STRIDE - 1 are in flight with that one write; the instance dies on 105.
        assertThat(dies(() -> first.handle(topic, 0, 105, () -> {
            throw new Death();
        }))).isTrue();

        CrashGuard second = newInstance();
        // A suspect: handled under a range of its own, and this instance dies on it too.
        assertThat(dies(() -> second.handle(topic, 0, 105, () -> {
            throw new Death();
        }))).isTrue();

        CrashGuard third = newInstance();
        List<Long> handled = new ArrayList<>();
        assertThat(third.handle(topic, 0, 105, () -> handled.add(105L))).as("set aside").isFalse();
        assertThat(third.handle(topic, 0, 106, () -> handled.add(106L))).isTrue();
        assertThat(handled).containsExactly(106L);
    }

    @Test
    void aSuspectIsHandledAloneInTheProcess() throws Exception {
        handle(newInstance(), poll(200, 201), 201);
        CrashGuard next = newInstance();
        TopicPartition other = new TopicPartition(topic, 1);
        next.assigned(List.of(other));
        java.util.concurrent.CountDownLatch suspectRunning = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch releaseSuspect = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicBoolean overlapped = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicBoolean suspectInProgress = new java.util.concurrent.atomic.AtomicBoolean();
        Thread suspects = Thread.ofPlatform().start(() -> next.handleInSlices(poll(200, 201), setAside -> { }, slice -> {
            suspectInProgress.set(true);
            suspectRunning.countDown();
            try {
                releaseSuspect.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            suspectInProgress.set(false);
            return true;
        }));
        assertThat(suspectRunning.await(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        Thread normal = Thread.ofPlatform().start(() -> next.handleInSlices(List.of(new ConsumerRecord<>(topic, 1, 0L, "a", "x")),
                setAside -> { }, slice -> {
                    overlapped.compareAndSet(false, suspectInProgress.get());
                    return true;
                }));
        // The normal poll waits for the suspect: it is not running while the suspect is.
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!next.othersWaiting() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(next.othersWaiting()).as("the normal poll waits for the suspect").isTrue();
        releaseSuspect.countDown();
        suspects.join(60_000);
        normal.join(60_000);
        assertThat(overlapped).as("a record handled while a suspect was in progress").isFalse();
    }

    private static boolean dies(Runnable handling) {
        try {
            handling.run();
            return false;
        } catch (Death died) {
            return true;
        }
    }

    private ConsumerRecord<String, byte[]> deadLetterOf(long offset) throws InterruptedException {
        try (TopicClient topics = new TopicClient(stack.bootstrapServers(), stack.schemaRegistryUrl())) {
            return topics.awaitRaw(Topic.dlqOf(topic), r -> new String(r.value(), StandardCharsets.UTF_8).equals("record " + offset),
                    Duration.ofSeconds(60)).stream().findFirst()
                    .orElseThrow(() -> new AssertionError("no dead letter of offset " + offset + " in " + Topic.dlqOf(topic)));
        }
    }
}
