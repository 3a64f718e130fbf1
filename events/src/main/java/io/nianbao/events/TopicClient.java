package io.nianbao.events;

import io.nianbao.events.serde.ConfluentAvroDeserializer;
import io.nianbao.events.serde.ConfluentAvroSerializer;
import io.nianbao.events.serde.SchemaRegistryClient;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Publishes to and reads the pipeline's topics from outside the services, by their {@link Topics}
 * entry and in the services' own wire format: what tests put in and look for, without a consumer
 * group. Reading takes what is on the topic now, from its beginning (committed records only, as
 * the services read them).
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
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
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
        List<Future<?>> sends = new ArrayList<>(values.size());
        for (byte[] value : values) {
            sends.add(producer.send(new ProducerRecord<>(topic, key, value)));
        }
        for (Future<?> send : sends) {
            try {
                send.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException(topic + " did not take a record", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while publishing to " + topic, e);
            }
        }
    }

    /** The records on the topic now, from its beginning, as bytes. */
    public List<ConsumerRecord<String, byte[]>> raw(String topic) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                consumer.poll(POLL).forEach(records::add);
            }
            return records;
        }
    }

    /** The topic's values on it now that match (records of another type or format left out). */
    public <V extends SpecificRecord> List<V> values(Topic<V> topic, Predicate<V> matching) {
        List<V> out = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : raw(topic.name())) {
            SpecificRecord value;
            try {
                value = deserializer.deserialize(topic.name(), record.value());
            } catch (RuntimeException notOurs) {
                continue;
            }
            if (topic.valueType().isInstance(value) && matching.test(topic.valueType().cast(value))) {
                out.add(topic.valueType().cast(value));
            }
        }
        return out;
    }

    /** Reads until some value matches, or the timeout passes (then the empty list). */
    public <V extends SpecificRecord> List<V> await(Topic<V> topic, Predicate<V> matching, Duration timeout) throws InterruptedException {
        return untilFound(() -> values(topic, matching), timeout);
    }

    /** Reads until some record of the topic matches, or the timeout passes (then the empty list). */
    public List<ConsumerRecord<String, byte[]>> awaitRaw(String topic, Predicate<ConsumerRecord<String, byte[]>> matching,
                                                         Duration timeout) throws InterruptedException {
        return untilFound(() -> raw(topic).stream().filter(matching).toList(), timeout);
    }

    private static <T> List<T> untilFound(Supplier<List<T>> read, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<T> found = read.get();
        while (found.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(POLL.toMillis());
            found = read.get();
        }
        return found;
    }

    @Override
    public void close() {
        producer.close();
    }
}
