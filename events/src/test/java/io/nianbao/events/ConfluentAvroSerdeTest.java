package io.nianbao.events;

import io.nianbao.events.serde.ConfluentAvroDeserializer;
import io.nianbao.events.serde.ConfluentAvroSerializer;
import io.nianbao.events.serde.SchemaRegistryClient;
import io.nianbao.events.serde.SchemaRegistryException;
import io.nianbao.localstack.LocalStack;
import io.nianbao.localstack.LocalStackExtension;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The serde and registry client against a real Kafka broker and a real (Apicurio, Confluent API) registry. */
@ExtendWith(LocalStackExtension.class)
class ConfluentAvroSerdeTest {

    private static LocalStack stack;
    private static SchemaRegistryClient registry;

    @BeforeAll
    static void connect(LocalStack localStack) {
        stack = localStack;
        registry = new SchemaRegistryClient(stack.schemaRegistryUrl());
    }

    @Test
    void writesTheConfluentWireFormatAndReadsItBack() {
        ReportRejected rejected = rejection("agency-wire");
        ConfluentAvroSerializer serializer = new ConfluentAvroSerializer(registry);
        byte[] bytes = serializer.serialize("wire-test", rejected);

        assertThat(bytes[0]).as("magic byte").isZero();
        int id = ByteBuffer.wrap(bytes, 1, 4).getInt();
        assertThat(registry.schemaById(id)).isEqualTo(ReportRejected.getClassSchema());
        assertThat(new ConfluentAvroDeserializer(registry).deserialize("wire-test", bytes)).isEqualTo(rejected);
    }

    @Test
    void registersUnderTopicValueSubjectWithBackwardCompatibility() {
        new ConfluentAvroSerializer(registry).serialize("compat-test", rejection("agency-compat"));

        assertThat(registry.compatibility("compat-test-value")).isEqualTo("BACKWARD");
    }

    @Test
    void registryRefusesAnIncompatibleChange() {
        String subject = "evolution-" + UUID.randomUUID() + "-value";
        Schema v1 = SchemaBuilder.record("Probe").namespace("io.nianbao.test").fields()
                .requiredString("agencyId").endRecord();
        Schema compatible = SchemaBuilder.record("Probe").namespace("io.nianbao.test").fields()
                .requiredString("agencyId").name("note").type().stringType().stringDefault("").endRecord();
        Schema incompatible = SchemaBuilder.record("Probe").namespace("io.nianbao.test").fields()
                .requiredString("agencyId").requiredInt("newRequiredField").endRecord();

        registry.setCompatibility(subject, "BACKWARD");
        int first = registry.register(subject, v1);
        int second = registry.register(subject, compatible);

        assertThat(second).isNotEqualTo(first);
        assertThatThrownBy(() -> registry.register(subject, incompatible))
                .isInstanceOf(SchemaRegistryException.class)
                .satisfies(e -> assertThat(((SchemaRegistryException) e).status()).isEqualTo(409));
    }

    @Test
    void cachesIdsSoASchemaIsRegisteredOnce() {
        SchemaRegistryClient client = new SchemaRegistryClient(stack.schemaRegistryUrl());
        int id = client.register("cache-test-value", ReportRejected.getClassSchema());

        assertThat(client.register("cache-test-value", ReportRejected.getClassSchema())).isEqualTo(id);
        assertThat(client.schemaById(id)).isSameAs(client.schemaById(id));
    }

    @Test
    void manyThreadsRegisteringOneSchemaAtOnceAllGetItsId() throws Exception {
        SchemaRegistryClient client = new SchemaRegistryClient(stack.schemaRegistryUrl());
        String subject = "burst-" + UUID.randomUUID() + "-value";
        try (var threads = java.util.concurrent.Executors.newFixedThreadPool(32)) {
            List<java.util.concurrent.Future<Integer>> ids = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                ids.add(threads.submit(() -> client.register(subject, ReportRejected.getClassSchema())));
            }
            int first = ids.getFirst().get();
            for (var id : ids) {
                assertThat(id.get()).isEqualTo(first);
            }
        }
    }

    /** Producer threads of one process share a client; other processes have their own. All set a new subject's level at once. */
    @Test
    void manyProducersAndProcessesConfiguringANewSubjectAtOnceAllSucceed() throws Exception {
        String topic = "first-use-" + UUID.randomUUID();
        SchemaRegistryClient thisProcess = new SchemaRegistryClient(stack.schemaRegistryUrl());
        try (var threads = java.util.concurrent.Executors.newFixedThreadPool(16)) {
            List<java.util.concurrent.Future<byte[]>> serialized = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                SchemaRegistryClient client = i % 2 == 0 ? thisProcess : new SchemaRegistryClient(stack.schemaRegistryUrl());
                serialized.add(threads.submit(() -> new ConfluentAvroSerializer(client).serialize(topic, rejection("agency-first"))));
            }
            for (var bytes : serialized) {
                assertThat(bytes.get()).isNotEmpty();
            }
        }
        assertThat(registry.compatibility(topic + "-value")).isEqualTo("BACKWARD");
    }

    @Test
    void refusesBytesThatAreNotTheWireFormat() {
        ConfluentAvroDeserializer deserializer = new ConfluentAvroDeserializer(registry);

        assertThatThrownBy(() -> deserializer.deserialize("any", "not avro".getBytes()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("magic byte");
    }

    @Test
    void travelsThroughARealBrokerKeyedByAgency() {
        String topic = "roundtrip-" + UUID.randomUUID();
        ReportRejected sent = rejection("agency-42");
        Map<String, Object> serde = Map.of("schema.registry.url", stack.schemaRegistryUrl());
        ConfluentAvroSerializer serializer = new ConfluentAvroSerializer();
        serializer.configure(serde, false);
        try (KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()), new StringSerializer(), serializer)) {
            producer.send(new ProducerRecord<>(topic, sent.getAgencyId(), sent));
        }
        ConfluentAvroDeserializer deserializer = new ConfluentAvroDeserializer();
        deserializer.configure(serde, false);
        List<ConsumerRecord<String, SpecificRecord>> received = new ArrayList<>();
        try (KafkaConsumer<String, SpecificRecord> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "roundtrip",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), deserializer)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (received.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(received::add);
            }
        }
        assertThat(received).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo("agency-42");
            assertThat(record.value()).isEqualTo(sent);
        });
    }

    private static ReportRejected rejection(String agencyId) {
        return ReportRejected.newBuilder()
                .setAgencyId(agencyId)
                .setStage(Stage.INGEST)
                .setReason("EMPTY")
                .setMessage("未收到报告文件，或文件为空")
                .setRejectedAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .build();
    }
}
