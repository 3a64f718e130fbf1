package io.nianbao.ingest;

import io.nianbao.events.Topic;
import io.nianbao.events.Topics;
import io.nianbao.events.serde.ConfluentAvroSerializer;
import io.nianbao.events.serde.SchemaRegistryClient;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.ProducerFactory;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * The broker and registry of ingest-service's own producers and state (report.ingested, seen ids,
 * statuses), beside its bindings.
 */
public record Broker(String bootstrapServers, String schemaRegistryUrl, int partitions, short replicationFactor) {

    /** Creates the topics that do not exist yet, as {@link Topics} defines them, with the pipeline's replication. */
    public void ensureTopics(Collection<Topic<?>> topics) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            for (Topic<?> topic : topics) {
                String name = topic.name();
                Map<String, String> configs = topic.compacted()
                        ? Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT) : Map.of();
                int count = topic.partitions() > 0 ? topic.partitions() : partitions;
                try {
                    admin.createTopics(List.of(new NewTopic(name, count, replicationFactor).configs(configs)))
                            .all().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + name, e.getCause());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        }
    }

    /**
     * A producer acknowledged by all replicas, idempotent; {@code lingerMs}: how long a send waits
     * for others to share its produce request.
     */
    public KafkaProducer<String, SpecificRecord> producer(int lingerMs) {
        return new KafkaProducer<>(producerConfigs(lingerMs));
    }

    /** The same producer, for a {@link org.springframework.kafka.core.KafkaTemplate}. */
    ProducerFactory<String, SpecificRecord> producerFactory(int lingerMs) {
        return new DefaultKafkaProducerFactory<>(producerConfigs(lingerMs));
    }

    private Map<String, Object> producerConfigs(int lingerMs) {
        return Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ConfluentAvroSerializer.class,
                "schema.registry.url", schemaRegistryUrl,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, lingerMs);
    }

    /** Reads {@code topics} from {@code from} (null: the beginning) on, in a thread of its own. */
    public TopicFollower follow(String name, Collection<String> topics, Instant from, Consumer<SpecificRecord> handler) {
        return new TopicFollower(name, bootstrapServers, SchemaRegistryClient.shared(schemaRegistryUrl), topics, from, handler);
    }
}
