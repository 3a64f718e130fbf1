package io.nianbao.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalStackExtension.class)
class LocalStackTest {

    private static final String SCHEMA_JSON = "application/vnd.schemaregistry.v1+json";

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void producesAndConsumesThroughTheBroker(LocalStack stack) throws Exception {
        String topic = "local-stack-roundtrip";
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "k", "年报 2024")).get();
        }
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "local-stack-test",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<String, String>> received = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (received.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(received::add);
            }
            assertThat(received).singleElement()
                    .satisfies(record -> assertThat(record.value()).isEqualTo("年报 2024"));
            // Auto-created topics take the broker default of 6 partitions.
            assertThat(consumer.partitionsFor(topic)).hasSize(6);
        }
    }

    @Test
    void registryListsSubjectsAndRegistersAvroSchemas() throws Exception {
        String url = LocalStackExtension.stack().schemaRegistryUrl();
        assertThat(get(url + "/subjects").statusCode()).isEqualTo(200);

        HttpResponse<String> registered = send("POST", url + "/subjects/report-value/versions",
                schemaBody("{\"name\":\"title\",\"type\":\"string\"}"));
        assertThat(registered.statusCode()).isEqualTo(200);
        assertThat(registered.body()).matches("\\{\"id\":\\d+}");
        assertThat(get(url + "/subjects").body()).contains("\"report-value\"");
    }

    @Test
    void backwardCompatibilityRefusesANewRequiredField(LocalStack stack) throws Exception {
        String subject = stack.schemaRegistryUrl() + "/subjects/compat-value";
        assertThat(send("POST", subject + "/versions", schemaBody("{\"name\":\"title\",\"type\":\"string\"}"))
                .statusCode()).isEqualTo(200);
        assertThat(send("PUT", stack.schemaRegistryUrl() + "/config/compat-value",
                "{\"compatibility\":\"BACKWARD\"}").statusCode()).isEqualTo(200);

        HttpResponse<String> refused = send("POST", subject + "/versions", schemaBody(
                "{\"name\":\"title\",\"type\":\"string\"},{\"name\":\"year\",\"type\":\"int\"}"));
        // Apicurio answers 409 (as Confluent does), with error_code 409 in the body.
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("\"error_code\":409");

        assertThat(send("POST", subject + "/versions", schemaBody(
                "{\"name\":\"title\",\"type\":\"string\"},{\"name\":\"year\",\"type\":\"int\",\"default\":0}"))
                .statusCode()).isEqualTo(200);
    }

    /** A registration body: an Avro record schema with the given fields, as an escaped JSON string. */
    private static String schemaBody(String fields) {
        String schema = "{\"type\":\"record\",\"name\":\"Report\",\"namespace\":\"test\",\"fields\":[" + fields + "]}";
        return "{\"schema\":\"" + schema.replace("\"", "\\\"") + "\"}";
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String method, String url, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", SCHEMA_JSON)
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
