package io.nianbao.service;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.nianbao.events.Topic;
import io.nianbao.events.TopicClient;
import io.nianbao.events.serde.ConfluentAvroDeserializer;
import io.nianbao.localstack.FreePorts;
import io.nianbao.localstack.LocalStack;
import io.nianbao.localstack.LocalStackExtension;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.cloud.stream.binder.ExtendedConsumerProperties;
import org.springframework.cloud.stream.binder.kafka.properties.KafkaConsumerProperties;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.util.backoff.FixedBackOff;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link DeadLetters} on a real listener container, set up as the binder sets up a batch binding
 * without a transaction (ingest-service, notify-service), against a real broker.
 */
@ExtendWith(LocalStackExtension.class)
class DeadLettersContainerTest {

    /** The binding's retries: three attempts a second apart, then the DLQ. */
    private static final FixedBackOff BINDING_BACK_OFF = new FixedBackOff(1000, 2);

    /**
     * A record whose schema cannot be fetched (the registry away) is retried beyond the binding's
     * attempts and not dead-lettered. Its undecodable reason once reached the container inside a
     * DeserializationException, which Spring Kafka classifies as never worth retrying: the record
     * went to the DLQ at once, back-off or not.
     */
    @Test
    void aRecordUndecodableWhileTheRegistryIsAwayIsRetriedPastTheBindingsAttemptsAndNotDeadLettered(LocalStack stack)
            throws Exception {
        String topic = "registry-away-" + UUID.randomUUID();
        AtomicInteger attempts = new AtomicInteger();
        DefaultKafkaProducerFactory<Object, Object> producers = new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
        DeadLetters deadLetters = new DeadLetters(new KafkaTemplate<>(producers), new PipelineMetrics(new SimpleMeterRegistry(), "test"));
        KafkaMessageListenerContainer<String, SpecificRecord> container = container(stack, topic, unreachableRegistry(),
                (BatchMessageListener<String, SpecificRecord>) poll -> poll.forEach(record -> {
                    attempts.incrementAndGet();
                    try {
                        deadLetters.deadLetterUnexpected(record, Object.class);
                    } catch (RuntimeException e) {
                        throw new BatchListenerFailedException("cannot handle " + record.offset(), e, record);
                    }
                }));
        ExtendedConsumerProperties<KafkaConsumerProperties> batchBinding = new ExtendedConsumerProperties<>(new KafkaConsumerProperties());
        batchBinding.setBatchMode(true);
        deadLetters.configure(container, topic, "test", null, BINDING_BACK_OFF, batchBinding);
        byte[] confluentWireFormat = ByteBuffer.allocate(9).put((byte) 0).putInt(4242).array();
        container.start();
        try (TopicClient topics = new TopicClient(stack.bootstrapServers(), stack.schemaRegistryUrl())) {
            topics.publishBytes(topic, "agency", List.of(confluentWireFormat));

            // Past the binding's three attempts (two seconds): an outage's waits (1, 2, 4 s …) go on.
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (attempts.get() <= 3 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }

            assertThat(attempts.get()).as("attempts").isGreaterThan(3);
            assertThat(topics.rawOnceQuiet(Topic.dlqOf(topic), Duration.ofSeconds(5))).as("dead-lettered").isEmpty();
        } finally {
            container.stop();
            producers.destroy();
        }
    }

    private static KafkaMessageListenerContainer<String, SpecificRecord> container(LocalStack stack, String topic, String registryUrl,
                                                                           BatchMessageListener<String, SpecificRecord> listener) {
        DefaultKafkaConsumerFactory<String, SpecificRecord> consumers = new DefaultKafkaConsumerFactory<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + topic,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                "schema.registry.url", registryUrl),
                new StringDeserializer(), new ErrorHandlingDeserializer<>(new ConfluentAvroDeserializer()));
        ContainerProperties properties = new ContainerProperties(topic);
        properties.setMessageListener(listener);
        return new KafkaMessageListenerContainer<>(consumers, properties);
    }

    private static String unreachableRegistry() throws IOException {
        return "http://127.0.0.1:" + FreePorts.loopback() + "/apis/ccompat/v7";
    }
}
