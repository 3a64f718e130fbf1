package io.nianbao.ingest;

import io.nianbao.events.serde.ConfluentAvroSerializer;
import io.nianbao.events.serde.SchemaRegistryClient;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/** The broker and registry ingest-service's own state lives in (seen ids, statuses), beside its bindings. */
record Broker(String bootstrapServers, String schemaRegistryUrl, int partitions, short replicationFactor) {

    /** Creates the topics that do not exist yet, with the pipeline's partitions and replication. */
    void ensureTopics(Collection<String> names, Map<String, String> configs) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            for (String name : names) {
                try {
                    admin.createTopics(List.of(new NewTopic(name, partitions, replicationFactor).configs(configs)))
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

    KafkaProducer<String, SpecificRecord> producer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                // The ledger's entries are not waited for: the instance's threads share a request every 10 ms.
                ProducerConfig.LINGER_MS_CONFIG, 10),
                new StringSerializer(), new ConfluentAvroSerializer(SchemaRegistryClient.shared(schemaRegistryUrl)));
    }

    /** Reads {@code topics} from {@code from} (null: the beginning) on, in a thread of its own. */
    TopicFollower follow(String name, Collection<String> topics, Instant from, Consumer<SpecificRecord> handler) {
        return new TopicFollower(name, bootstrapServers, SchemaRegistryClient.shared(schemaRegistryUrl), topics, from, handler);
    }
}
