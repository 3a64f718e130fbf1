package io.nianbao.cli.bench;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Sends keyed records to a first topic and times when each key first shows up on a last topic —
 * the same measurement for the pipeline and for the bare relay, so the two can be compared — and,
 * when asked, on the topics between, so the latency can be split into hops.
 */
final class Measurement {

    private final String bootstrapServers;

    Measurement(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * @param topics    where records are sent first, the topics between whose arrivals split the
     *                  latency into hops (read as a read_committed consumer sees them), and the last
     * @param records   key → value bytes, sent in map order
     * @param perSecond sending rate; 0 sends as fast as the producer accepts
     */
    Run run(List<String> topics, Map<String, byte[]> records, double perSecond, Duration timeout)
            throws InterruptedException {
        return runGroups(topics, List.of(records), perSecond, timeout).getFirst();
    }

    /**
     * As {@link #run}, for groups of records sent one group after the other in one stream (a burst
     * of scans, then text reports): a {@link Run} per group, each timed on its own keys alone.
     * Returns when the records of every group arrived, or at the timeout.
     */
    List<Run> runGroups(List<String> topics, List<Map<String, byte[]>> groups, double perSecond, Duration timeout)
            throws InterruptedException {
        Map<String, byte[]> records = new LinkedHashMap<>();
        groups.forEach(group -> group.forEach((key, value) -> {
            if (records.put(key, value) != null) {
                throw new IllegalArgumentException("key " + key + " is in two groups: a key is timed once");
            }
        }));
        String firstTopic = topics.getFirst();
        String lastTopic = topics.getLast();
        Map<String, Map<String, Long>> arrivals = new ConcurrentHashMap<>();
        topics.forEach(topic -> arrivals.put(topic, new ConcurrentHashMap<>()));
        Map<String, Long> arrivedAt = arrivals.get(lastTopic);
        AtomicReference<Exception> sendFailure = new AtomicReference<>();
        AtomicInteger failedSends = new AtomicInteger();
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> downstream = topics.subList(1, topics.size());
        Map<TopicPartition, Long> ends = endOffsets(downstream);
        // Reading in its own thread: polling between sends would pace the sender instead of the pipeline.
        Thread reader = Thread.ofPlatform().name("bench-reader").start(() -> {
            try (KafkaConsumer<String, byte[]> end = consumer(downstream, ends)) {
                while (arrivedAt.size() < records.size() && sendFailure.get() == null && System.nanoTime() < deadline) {
                    for (ConsumerRecord<String, byte[]> record : end.poll(Duration.ofMillis(100))) {
                        if (records.containsKey(record.key())) {
                            arrivals.get(record.topic()).putIfAbsent(record.key(), System.currentTimeMillis());
                        }
                    }
                }
            }
        });
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(), new ByteArraySerializer())) {
            long intervalNanos = perSecond > 0 ? (long) (1e9 / perSecond) : 0;
            long next = System.nanoTime();
            for (Map.Entry<String, byte[]> record : records.entrySet()) {
                if (intervalNanos > 0) {
                    LockSupport.parkNanos(next - System.nanoTime());
                    next += intervalNanos;
                }
                arrivals.get(firstTopic).put(record.getKey(), System.currentTimeMillis());
                producer.send(new ProducerRecord<>(firstTopic, record.getKey(), record.getValue()), (sent, exception) -> {
                    if (exception != null) {
                        failedSends.incrementAndGet();
                        sendFailure.compareAndSet(null, exception);
                    }
                });
            }
        }
        reader.join();
        if (sendFailure.get() != null) {
            throw new IllegalStateException(failedSends.get() + " of " + records.size() + " records could not be sent to "
                    + firstTopic, sendFailure.get());
        }
        return groups.stream().map(group -> runOf(topics, arrivals, group.keySet())).toList();
    }

    /** The run of {@code keys} alone: from the first of them sent to the last arrived. */
    private static Run runOf(List<String> topics, Map<String, Map<String, Long>> allArrivals, Set<String> keys) {
        Map<String, Map<String, Long>> arrivals = new HashMap<>();
        allArrivals.forEach((topic, times) -> arrivals.put(topic, times.entrySet().stream()
                .filter(e -> keys.contains(e.getKey())).collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue))));
        Map<String, Long> sentAt = arrivals.get(topics.getFirst());
        Map<String, Long> arrivedAt = arrivals.get(topics.getLast());
        long first = sentAt.values().stream().mapToLong(Long::longValue).min().orElse(0);
        long last = arrivedAt.values().stream().mapToLong(Long::longValue).max().orElse(first);
        List<Run.Hop> hops = topics.size() <= 2 ? List.of() : IntStream.range(1, topics.size())
                .mapToObj(i -> new Run.Hop(topics.get(i - 1), topics.get(i),
                        between(arrivals.get(topics.get(i - 1)), arrivals.get(topics.get(i)))))
                .toList();
        return new Run(keys.size(), arrivedAt.size(), (last - first) / 1000.0, between(sentAt, arrivedAt), hops);
    }

    /** Latencies of the keys seen at both points. */
    private static Latencies between(Map<String, Long> from, Map<String, Long> to) {
        return Latencies.of(to.entrySet().stream().filter(e -> from.containsKey(e.getKey()))
                .mapToLong(e -> e.getValue() - from.get(e.getKey())).toArray());
    }

    /**
     * Where the topics end now, as a read_committed reader sees them (topics not created yet have
     * no entry): the run's records all come after.
     */
    private Map<TopicPartition, Long> endOffsets(List<String> topics) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Set<String> existing = admin.listTopics().names().get();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(topics.stream().filter(existing::contains).toList()).allTopicNames().get().values()
                    .forEach(topic -> topic.partitions().forEach(partition ->
                            latest.put(new TopicPartition(topic.name(), partition.partition()), OffsetSpec.latest())));
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get()
                    .forEach((partition, offset) -> ends.put(partition, offset.offset()));
            return ends;
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read where " + topics + " end", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading where " + topics + " end", e);
        }
    }

    /**
     * Reads committed records only (what the next stage sees), from {@code ends}, where the topics
     * ended before the run (the map is consumed): earlier runs' records (tens of thousands after a
     * burst, documents included) would otherwise be read first and make this run's first records
     * look late. A partition created since is read from its start.
     */
    private KafkaConsumer<String, byte[]> consumer(List<String> topics, Map<TopicPartition, Long> ends) {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                // The last topic may not exist yet (the first run creates it): notice it within a
                // second, not at the next five-minute metadata refresh.
                ConsumerConfig.METADATA_MAX_AGE_CONFIG, 1000,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000), new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(topics, new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                // Once: a later rebalance (a topic created meanwhile) resumes where reading was.
                for (TopicPartition partition : partitions) {
                    Long end = ends.remove(partition);
                    if (end != null) {
                        consumer.seek(partition, end);
                    }
                }
            }

            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            }
        });
        return consumer;
    }
}
