package io.nianbao.service;

import io.nianbao.events.serde.ConfluentAvroDeserializer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Reads every partition of some topics (no consumer group: each instance sees everything) and
 * hands each decoded record to a handler, from a start time or the beginning, until closed
 * ({@link KafkaClients#follow}).
 * Records it cannot decode are logged and skipped: this is a view, not the processing path.
 */
public final class TopicFollower implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TopicFollower.class);
    static final int FETCH_MAX_BYTES = 4 * 1024 * 1024;

    private final String name;
    private final KafkaConsumer<String, byte[]> consumer;
    private final ConfluentAvroDeserializer avro;
    private final Collection<String> topics;
    private final Instant from;
    private final Consumer<SpecificRecord> handler;
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private final Thread thread;
    private volatile boolean running = true;

    TopicFollower(String name, KafkaConsumer<String, byte[]> consumer, ConfluentAvroDeserializer avro, Collection<String> topics,
                  Instant from, Consumer<SpecificRecord> handler) {
        this.name = name;
        this.consumer = consumer;
        this.avro = avro;
        this.topics = topics;
        this.from = from;
        this.handler = handler;
        this.thread = Thread.ofPlatform().name("follow-" + name).daemon().start(this::run);
    }

    /** Waits until everything that was in the topics when reading began has been handled. */
    public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        return caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void run() {
        try {
            List<TopicPartition> partitions = topics.stream().flatMap(topic -> partitionsOf(topic).stream()).toList();
            consumer.assign(partitions);
            seekToStart(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    handle(record);
                }
                if (caughtUp.getCount() > 0 && end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue())) {
                    log.info("{}: caught up on {} partitions of {}", name, partitions.size(), topics);
                    caughtUp.countDown();
                }
            }
        } catch (WakeupException closing) {
            // close() ends the loop
        } catch (RuntimeException e) {
            log.error("following {} stopped", topics, e);
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    /** Waits for a topic just created to show up in the consumer's metadata. */
    private List<TopicPartition> partitionsOf(String topic) {
        for (int attempt = 0; ; attempt++) {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic);
            if (!partitions.isEmpty() || attempt == 100) {
                return partitions.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + topic, e);
            }
        }
    }

    private void seekToStart(List<TopicPartition> partitions) {
        if (from == null) {
            consumer.seekToBeginning(partitions);
            return;
        }
        Map<TopicPartition, OffsetAndTimestamp> offsets = consumer.offsetsForTimes(
                partitions.stream().collect(Collectors.toMap(p -> p, p -> from.toEpochMilli())));
        offsets.forEach((partition, offset) -> {
            if (offset == null) {
                consumer.seekToEnd(List.of(partition));
            } else {
                consumer.seek(partition, offset.offset());
            }
        });
    }

    private void handle(ConsumerRecord<String, byte[]> record) {
        try {
            if (record.value() != null) {
                handler.accept(avro.deserialize(record.topic(), record.value()));
            }
        } catch (RuntimeException e) {
            log.warn("{}: skipped {}-{}@{}: {}", name, record.topic(), record.partition(), record.offset(), e.toString());
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(Duration.ofSeconds(5));
    }
}
