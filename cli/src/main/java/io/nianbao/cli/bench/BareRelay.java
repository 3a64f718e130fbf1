package io.nianbao.cli.bench;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The limit of this machine for the pipeline's shape: four hops, each a bare consumer and producer
 * that forward records unchanged (topics relay.0 → relay.4), like the four services between
 * report.published and notification.sent but doing no work.
 */
final class BareRelay implements AutoCloseable {

    static final int HOPS = 4;

    private final List<Thread> hops = new ArrayList<>();
    private volatile boolean running = true;

    BareRelay(String bootstrapServers, String runId) {
        for (int hop = 0; hop < HOPS; hop++) {
            String from = topic(hop);
            String to = topic(hop + 1);
            Thread thread = Thread.ofPlatform().name("relay-" + hop).start(() -> forward(bootstrapServers, runId, from, to));
            hops.add(thread);
        }
    }

    static String topic(int index) {
        return "relay." + index;
    }

    private void forward(String bootstrapServers, String runId, String from, String to) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "relay-" + runId + "-" + from,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer());
             KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                     ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(), new ByteArraySerializer())) {
            consumer.subscribe(List.of(from));
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    producer.send(new ProducerRecord<>(to, record.key(), record.value()));
                }
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        for (Thread hop : hops) {
            hop.join();
        }
    }
}
