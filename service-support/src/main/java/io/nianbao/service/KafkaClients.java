package io.nianbao.service;

import io.nianbao.events.Topic;
import io.nianbao.events.Topics;
import io.nianbao.events.serde.ConfluentAvroDeserializer;
import io.nianbao.events.serde.ConfluentAvroSerde;
import io.nianbao.events.serde.ConfluentAvroSerializer;
import io.nianbao.events.serde.SchemaRegistryClient;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.ProducerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * Every Kafka client, serde and topic a service makes itself. The bindings' clients and topics are
 * the binders' (nianbao-stream.yaml); a service makes its own only where a binding cannot serve,
 * and says why where it asks for one here. All share the service's broker address and one schema
 * registry client (one cache of schema ids).
 */
public final class KafkaClients {

    private static final String WIRE_FORMAT_REGISTRY_URL = "schema.registry.url";

    private final String bootstrapServers;
    private final String registryUrl;
    private final SchemaRegistryClient registry;
    private final NianbaoProperties.Topics topics;

    public KafkaClients(NianbaoProperties nianbao) {
        this.bootstrapServers = nianbao.kafka().bootstrapServers();
        this.registryUrl = nianbao.schemaRegistry().url();
        // The process's client of the registry: the serdes the binders build from a class name share it too.
        this.registry = SchemaRegistryClient.shared(registryUrl);
        this.topics = nianbao.topics();
    }

    /**
     * A producer of our Avro events, acknowledged by all replicas, idempotent; {@code lingerMs}:
     * how long a send waits for others to share its produce request.
     */
    public KafkaProducer<String, SpecificRecord> producer(int lingerMs) {
        return new KafkaProducer<>(producerConfigs(lingerMs), new StringSerializer(), new ConfluentAvroSerializer(registry));
    }

    /** The same producer, for a {@link org.springframework.kafka.core.KafkaTemplate}. */
    public ProducerFactory<String, SpecificRecord> producerFactory(int lingerMs) {
        return new DefaultKafkaProducerFactory<>(producerConfigs(lingerMs), StringSerializer::new,
                () -> new ConfluentAvroSerializer(registry));
    }

    /**
     * A transactional producer of our Avro events: what it sends in a transaction is read together
     * or not at all, and a producer started later with the same {@code transactionalId} fences this
     * one (watch-service: one id per partition of its state, so a column's previous owner cannot
     * write once another took it over).
     */
    public KafkaProducer<String, SpecificRecord> transactionalProducer(String transactionalId) {
        Map<String, Object> configs = new HashMap<>(producerConfigs(0));
        configs.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        return new KafkaProducer<>(configs, new StringSerializer(), new ConfluentAvroSerializer(registry));
    }

    /** The producer of dead letters: a record's bytes or event back as they were, records up to the DLQs' limit. */
    ProducerFactory<Object, Object> deadLetterProducerFactory() {
        Map<String, Object> configs = new HashMap<>(producerConfigs(0));
        configs.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, topics.deadLetterMaxBytes());
        configs.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        configs.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, DeadLetterSerializer.class);
        return new DefaultKafkaProducerFactory<>(configs);
    }

    private Map<String, Object> producerConfigs(int lingerMs) {
        return Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                // For the serializers Spring Kafka configures (with the client's settings).
                WIRE_FORMAT_REGISTRY_URL, registryUrl,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, lingerMs);
    }

    /** A Kafka Streams serde of our events in the wire format, for what the binder does not serde itself (a store). */
    public <T extends SpecificRecord> ConfluentAvroSerde<T> serde() {
        return new ConfluentAvroSerde<>(registry);
    }

    /** A reader of our Avro events without a consumer group: it assigns itself partitions and commits nothing. */
    KafkaConsumer<String, SpecificRecord> reader() {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ConfluentAvroDeserializer(registry));
    }

    /**
     * A member of the consumer group {@code group}, for a service that shares work by the group's
     * partitions outside a binding: it reads committed records only and commits no offsets (what
     * it reads it reads from where it seeks).
     */
    public KafkaConsumer<String, SpecificRecord> groupMember(String group) {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ConfluentAvroDeserializer(registry));
    }

    /**
     * Reads every partition of {@code followed} from {@code from} (null: the beginning) on, in a
     * thread of its own, each instance all of it (no consumer group): a view of the topics kept in
     * memory, which a binding (one group, its share of the partitions) cannot give.
     */
    public TopicFollower follow(String name, Collection<Topic<?>> followed, Instant from, Consumer<SpecificRecord> handler) {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false,
                // A view may lag by a quarter second: fetching whatever arrived, record by record,
                // cost a fifth of ingest-service's CPU under load (JFR).
                ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 64 * 1024,
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 250,
                // A fetch response is one buffer in the heap: catching up on 30 partitions of
                // events whose documents travel inline (up to 512 KB each) would otherwise take
                // 30 MB at a time, and as much again in the records copied out of it.
                ConsumerConfig.FETCH_MAX_BYTES_CONFIG, TopicFollower.FETCH_MAX_BYTES,
                ConsumerConfig.CLIENT_ID_CONFIG, name + "-" + ProcessHandle.current().pid()),
                new StringDeserializer(), new ByteArrayDeserializer());
        return new TopicFollower(name, consumer, new ConfluentAvroDeserializer(registry),
                followed.stream().map(Topic::name).toList(), from, handler);
    }

    /** An admin client whose requests give up after {@code timeout}. */
    Admin admin(Duration timeout) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis()));
    }

    /**
     * Creates the topics that do not exist yet, as {@link Topics} defines them, with the pipeline's
     * partitions and replication: those a service writes or reads outside its bindings, which the
     * binder would not create. A compacted topic rolls its segments hourly, so that compaction,
     * which never touches the active segment, keeps it small.
     */
    public void ensureTopics(Collection<Topic<?>> wanted) {
        try (Admin admin = admin(Duration.ofSeconds(30))) {
            for (Topic<?> topic : wanted) {
                Map<String, String> configs = topic.compacted() ? Map.of(
                        TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                        TopicConfig.SEGMENT_MS_CONFIG, Long.toString(Duration.ofHours(1).toMillis())) : Map.of();
                int partitions = topic.partitions() > 0 ? topic.partitions() : topics.partitions();
                try {
                    admin.createTopics(List.of(new NewTopic(topic.name(), partitions, topics.replicationFactor())
                            .configs(configs))).all().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + topic.name(), e.getCause());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        }
    }

    /** The settings of the topics the service creates. */
    NianbaoProperties.Topics topicSettings() {
        return topics;
    }
}
