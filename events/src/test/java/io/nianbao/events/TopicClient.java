package io.nianbao.events;

import io.nianbao.events.serde.ConfluentAvroDeserializer;
import io.nianbao.events.serde.ConfluentAvroSerializer;
import io.nianbao.events.serde.SchemaRegistryClient;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Publishes to and reads the pipeline's topics from outside the services, by their {@link Topics}
 * entry and in the services' own wire format: what tests put in and look for. Reading takes a
 * topic from its beginning, committed records only, as the services read it, without a consumer
 * group; {@link #follow} keeps reading.
 */
public final class TopicClient implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(200);

    private final String bootstrapServers;
    private final ConfluentAvroSerializer serializer;
    private final ConfluentAvroDeserializer deserializer;
    private final KafkaProducer<String, byte[]> producer;

    public TopicClient(String bootstrapServers, String schemaRegistryUrl) {
        this.bootstrapServers = bootstrapServers;
        SchemaRegistryClient registry = SchemaRegistryClient.shared(schemaRegistryUrl);
        this.serializer = new ConfluentAvroSerializer(registry);
        this.deserializer = new ConfluentAvroDeserializer(registry);
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                // Records published together wait for each other and leave as one batch per partition
                // (publishing flushes, so none waits this long): a consumer gets them in one poll.
                ProducerConfig.LINGER_MS_CONFIG, 5_000,
                // A record as large as a topic takes with the broker's defaults: the producer's own limit is a little lower.
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 2 * 1024 * 1024),
                new StringSerializer(), new ByteArraySerializer());
    }

    /** The value in the topic's wire format (Confluent framing, its schema registered). */
    public <V extends SpecificRecord> byte[] serialize(Topic<V> topic, V value) {
        return serializer.serialize(topic.name(), value);
    }

    /** Publishes one value and waits until the broker has it. */
    public <V extends SpecificRecord> void publish(Topic<V> topic, String key, V value) {
        publishBytes(topic.name(), key, List.of(serialize(topic, value)));
    }

    /** Publishes values as given (another format, or a poison record), in order, and waits until the broker has them. */
    public void publishBytes(String topic, String key, List<byte[]> values) {
        publishRecords(values.stream().map(value -> new ProducerRecord<>(topic, key, value)).toList());
    }

    /**
     * Publishes records as built (with headers, or to a given partition), in order, and waits until
     * the broker has them. Those of one partition leave together, in one batch as far as the
     * producer's batch size allows.
     */
    public void publishRecords(List<ProducerRecord<String, byte[]>> records) {
        List<Future<RecordMetadata>> sends = new ArrayList<>(records.size());
        for (ProducerRecord<String, byte[]> record : records) {
            sends.add(producer.send(record));
        }
        producer.flush();
        for (int i = 0; i < sends.size(); i++) {
            try {
                sends.get(i).get();
            } catch (ExecutionException e) {
                throw new IllegalStateException(records.get(i).topic() + " did not take a record", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while publishing to " + records.get(i).topic(), e);
            }
        }
    }

    /** Publishes a value in a transaction that is then aborted: on the topic, but no reader of committed records sees it. */
    public <V extends SpecificRecord> void publishAborted(Topic<V> topic, String key, V value) {
        try (KafkaProducer<String, byte[]> transactional = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "aborted-" + UUID.randomUUID()),
                new StringSerializer(), new ByteArraySerializer())) {
            transactional.initTransactions();
            transactional.beginTransaction();
            transactional.send(new ProducerRecord<>(topic.name(), key, serialize(topic, value)));
            transactional.flush();
            transactional.abortTransaction();
        }
    }

    /** The records on the topic now, from its beginning, as bytes. */
    public List<ConsumerRecord<String, byte[]>> raw(String topic) {
        return read(topic, Duration.ZERO);
    }

    /**
     * The records on the topic, from its beginning, once no record has come for {@code quiet}: for
     * "nothing more", where a writer may still have records on their way when a test knows it is
     * done (one that does not wait for the broker before it goes on).
     */
    public List<ConsumerRecord<String, byte[]>> rawOnceQuiet(String topic, Duration quiet) {
        return read(topic, quiet);
    }

    /**
     * Reads the topic from its beginning to its end, then on until no record has come for
     * {@code quiet}. A topic that does not exist has nothing on it; it is looked for again until
     * {@code quiet} has passed, as a writer's first record creates it.
     */
    private List<ConsumerRecord<String, byte[]>> read(String topic, Duration quiet) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), new ByteArrayDeserializer())) {
            long lastNews = System.nanoTime();
            List<TopicPartition> partitions = partitionsOf(consumer, topic);
            while (partitions.isEmpty() && System.nanoTime() - lastNews < quiet.toNanos()) {
                try {
                    Thread.sleep(POLL.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while reading " + topic, e);
                }
                partitions = partitionsOf(consumer, topic);
            }
            if (partitions.isEmpty()) {
                return List.of();
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())
                    || System.nanoTime() - lastNews < quiet.toNanos()) {
                ConsumerRecords<String, byte[]> polled = consumer.poll(POLL);
                if (!polled.isEmpty()) {
                    polled.forEach(records::add);
                    lastNews = System.nanoTime();
                }
            }
            return records;
        }
    }

    private static List<TopicPartition> partitionsOf(KafkaConsumer<?, ?> consumer, String topic) {
        return consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
    }

    /** The record's value as the topic's type; null for a record of another type or format. */
    public <V extends SpecificRecord> V value(Topic<V> topic, ConsumerRecord<String, byte[]> record) {
        SpecificRecord value;
        try {
            value = deserializer.deserialize(record.topic(), record.value());
        } catch (RuntimeException notOurs) {
            return null;
        }
        return topic.valueType().isInstance(value) ? topic.valueType().cast(value) : null;
    }

    /** The topic's values on it now that match (records of another type or format left out). */
    public <V extends SpecificRecord> List<V> values(Topic<V> topic, Predicate<V> matching) {
        return values(topic, raw(topic.name()), matching);
    }

    /** The topic's values that match, once no record has come for {@code quiet} (see {@link #rawOnceQuiet}). */
    public <V extends SpecificRecord> List<V> valuesOnceQuiet(Topic<V> topic, Predicate<V> matching, Duration quiet) {
        return values(topic, rawOnceQuiet(topic.name(), quiet), matching);
    }

    private <V extends SpecificRecord> List<V> values(Topic<V> topic, List<ConsumerRecord<String, byte[]>> records,
                                                      Predicate<V> matching) {
        return records.stream().map(record -> value(topic, record)).filter(Objects::nonNull).filter(matching).toList();
    }

    /** Reads until some value matches, or the timeout passes (then the empty list). */
    public <V extends SpecificRecord> List<V> await(Topic<V> topic, Predicate<V> matching, Duration timeout) throws InterruptedException {
        return await(topic, matching, 1, timeout);
    }

    /** Reads until at least {@code count} values match, or the timeout passes (then those there are). */
    public <V extends SpecificRecord> List<V> await(Topic<V> topic, Predicate<V> matching, int count, Duration timeout)
            throws InterruptedException {
        return until(() -> values(topic, matching), count, timeout);
    }

    /** Reads until some record of the topic matches, or the timeout passes (then the empty list). */
    public List<ConsumerRecord<String, byte[]>> awaitRaw(String topic, Predicate<ConsumerRecord<String, byte[]>> matching,
                                                         Duration timeout) throws InterruptedException {
        return awaitRaw(topic, matching, 1, timeout);
    }

    /** Reads until at least {@code count} records of the topic match, or the timeout passes (then those there are). */
    public List<ConsumerRecord<String, byte[]>> awaitRaw(String topic, Predicate<ConsumerRecord<String, byte[]>> matching,
                                                         int count, Duration timeout) throws InterruptedException {
        return until(() -> raw(topic).stream().filter(matching).toList(), count, timeout);
    }

    private static <T> List<T> until(Supplier<List<T>> read, int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<T> found = read.get();
        while (found.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(POLL.toMillis());
            found = read.get();
        }
        return found;
    }

    /**
     * Follows the topics from their beginning in a thread of its own until closed, handing each
     * value to {@code each} as it comes (committed records only; records of another type or format
     * left out). A consumer group of its own, committing nothing, takes up a topic created after it
     * started within seconds.
     */
    public Following follow(List<Topic<?>> topics, Consumer<SpecificRecord> each) {
        return new Following(topics, each);
    }

    /** A {@link #follow} under way: closing it ends it. */
    public final class Following implements AutoCloseable {

        private final KafkaConsumer<String, byte[]> consumer;
        private final Thread thread;
        private volatile boolean running = true;

        private Following(List<Topic<?>> topics, Consumer<SpecificRecord> each) {
            Map<String, Topic<?>> byName = topics.stream().collect(Collectors.toMap(Topic::name, topic -> topic));
            consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ConsumerConfig.GROUP_ID_CONFIG, "follow-" + UUID.randomUUID(),
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                    ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                    ConsumerConfig.METADATA_MAX_AGE_CONFIG, 2000),
                    new StringDeserializer(), new ByteArrayDeserializer());
            consumer.subscribe(byName.keySet());
            thread = Thread.ofPlatform().name("follow-" + String.join(",", byName.keySet())).daemon()
                    .start(() -> run(byName, each));
        }

        private void run(Map<String, Topic<?>> byName, Consumer<SpecificRecord> each) {
            try {
                while (running) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                        SpecificRecord value = value(byName.get(record.topic()), record);
                        if (value != null) {
                            each.accept(value);
                        }
                    }
                }
            } catch (WakeupException closing) {
                // close() ends the loop
            } finally {
                consumer.close(CloseOptions.timeout(Duration.ofSeconds(2)));
            }
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            consumer.wakeup();
            thread.join(Duration.ofSeconds(5));
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
