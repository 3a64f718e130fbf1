package io.nianbao.ingest;

import io.nianbao.events.serde.ConfluentAvroDeserializer;
import io.nianbao.events.serde.SchemaRegistryClient;
import io.nianbao.localstack.LocalStack;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Reads what is on a topic now, from the beginning, without a consumer group. */
final class TopicReader {

    private final LocalStack stack;
    private final ConfluentAvroDeserializer avro;

    TopicReader(LocalStack stack) {
        this.stack = stack;
        this.avro = new ConfluentAvroDeserializer(SchemaRegistryClient.shared(stack.schemaRegistryUrl()));
    }

    List<ConsumerRecord<String, byte[]>> raw(String topic) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    /** The decoded values of type {@code type} on the topic now that match. */
    <T> List<T> values(String topic, Class<T> type, Predicate<T> matching) {
        return raw(topic).stream().map(r -> avro.deserialize(topic, r.value()))
                .filter(type::isInstance).map(type::cast).filter(matching).toList();
    }

    /** Polls until some value matches, or the timeout passes (then the empty list). */
    <T> List<T> await(String topic, Class<T> type, Predicate<T> matching, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<T> found = values(topic, type, matching);
        while (found.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(200);
            found = values(topic, type, matching);
        }
        return found;
    }
}
