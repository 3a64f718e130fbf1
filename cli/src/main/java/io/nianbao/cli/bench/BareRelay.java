package io.nianbao.cli.bench;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
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
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

/**
 * The limit of this machine for the pipeline's shape: four hops, each a bare consumer and producer
 * that forward records unchanged (topics relay.0 → relay.4), like the four services between
 * report.published and notification.sent but doing no work.
 */
final class BareRelay implements AutoCloseable {

    static final int HOPS = 4;

    private final List<Thread> hops = new ArrayList<>();
    private final AtomicReference<Exception> forwardFailure = new AtomicReference<>();
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

    /**
     * Well before the first record, as the services' binders create theirs at startup: records sent
     * at once to a partition created moments before were refused in some runs (the first batch
     * retried after later ones had landed: OutOfOrderSequenceException, then expired).
     */
    static void createTopics(String bootstrapServers) throws InterruptedException, ExecutionException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = IntStream.rangeClosed(0, HOPS).mapToObj(BareRelay::topic)
                    .filter(name -> !existing.contains(name))
                    .map(name -> new NewTopic(name, Optional.empty(), Optional.empty()))
                    .toList();
            admin.createTopics(missing).all().get();
        }
    }

    /** A forward the broker refused: the relay figures would otherwise count it as slow, not lost. */
    Optional<Exception> failure() {
        return Optional.ofNullable(forwardFailure.get());
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
                    producer.send(new ProducerRecord<>(to, record.key(), record.value()), (sent, exception) -> {
                        if (exception != null) {
                            forwardFailure.compareAndSet(null, exception);
                        }
                    });
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
