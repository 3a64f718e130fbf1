package io.nianbao.e2e;

import io.nianbao.cli.demo.DemoReport;
import io.nianbao.cli.demo.DemoReports;
import io.nianbao.cli.demo.PipelineWatcher;
import io.nianbao.cli.demo.PortalClient;
import io.nianbao.localstack.MailCatcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pipeline against what production runs: Apache Kafka, Confluent Schema Registry (its root URL,
 * not Apicurio's ccompat path) and PostgreSQL in containers, the four services as processes from
 * their jars, as in docker-compose.yml. Skipped where there is no Docker.
 */
@Testcontainers(disabledWithoutDocker = true)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContainersPipelineIT {

    private static final String INSPECTOR = "inspector@containers.nianbao";
    private static final Duration STARTUP = Duration.ofSeconds(180);
    private static final Duration PIPELINE = Duration.ofSeconds(90);
    private static final Network NETWORK = Network.newNetwork();

    @Container
    private static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.1")
            .withNetwork(NETWORK).withListener("kafka:19092");

    @Container
    private static final GenericContainer<?> REGISTRY = new GenericContainer<>("confluentinc/cp-schema-registry:7.9.0")
            .withNetwork(NETWORK).dependsOn(KAFKA)
            .withEnv("SCHEMA_REGISTRY_HOST_NAME", "schema-registry")
            .withEnv("SCHEMA_REGISTRY_LISTENERS", "http://0.0.0.0:8081")
            .withEnv("SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS", "PLAINTEXT://kafka:19092")
            .withEnv("SCHEMA_REGISTRY_SCHEMA_COMPATIBILITY_LEVEL", "backward")
            .withExposedPorts(8081)
            .waitingFor(Wait.forHttp("/subjects").forStatusCode(200));

    @Container
    private static final PostgreSQLContainer POSTGRES = new PostgreSQLContainer("postgres:17");

    @TempDir
    private Path dataDir;

    private MailCatcher mail;
    private final Map<String, Process> services = new LinkedHashMap<>();
    private final Map<String, Integer> ports = new LinkedHashMap<>();

    @BeforeAll
    void startServices() throws Exception {
        mail = MailCatcher.start();
        String registryUrl = registryUrl();
        Map<String, String> common = Map.of(
                "nianbao.kafka.bootstrap-servers", KAFKA.getBootstrapServers(),
                "nianbao.schema-registry.url", registryUrl,
                "nianbao.documents.dir", dataDir.resolve("documents").toString());
        for (String service : List.of("ingest-service", "parse-service", "validate-service", "notify-service")) {
            Map<String, String> arguments = new LinkedHashMap<>(common);
            int port = freePort();
            arguments.put("server.port", Integer.toString(port));
            switch (service) {
                case "ingest-service" -> {
                    arguments.put("nianbao.ingest.portals[0].id", "demo-portal");
                    arguments.put("nianbao.ingest.portals[0].key-sha256",
                            "9bdc095594e27a33d12a48fd6ed8d3b3a4bb7abc6219b82867f2b5660b13be90");
                    arguments.put("nianbao.ingest.portals[0].agencies[0]", "*");
                }
                case "notify-service" -> {
                    arguments.put("spring.datasource.url", POSTGRES.getJdbcUrl());
                    arguments.put("spring.datasource.username", POSTGRES.getUsername());
                    arguments.put("spring.datasource.password", POSTGRES.getPassword());
                    arguments.put("spring.mail.host", mail.host());
                    arguments.put("spring.mail.port", Integer.toString(mail.smtpPort()));
                    arguments.put("nianbao.notify.inspectors", INSPECTOR);
                }
                default -> { }
            }
            ports.put(service, port);
            services.put(service, launch(service, arguments));
        }
        for (String service : services.keySet()) {
            awaitReady(service);
        }
    }

    @AfterAll
    void stopServices() {
        services.values().forEach(Process::destroy);
        services.values().forEach(process -> process.onExit().join());
        if (mail != null) {
            mail.close();
        }
    }

    @Test
    void aDefectiveReportReachesTheInspectorThroughTheConfluentRegistry() throws Exception {
        DemoReport defective = DemoReports.samples().get(1);
        DemoReport report = new DemoReport("containers", "containers-" + UUID.randomUUID(), defective.agencyName(),
                defective.level(), defective.publishedOn(), defective.fileName(), defective.document());
        PortalClient.Answer answer = new PortalClient("http://127.0.0.1:" + ports.get("ingest-service")).publish(report);
        assertThat(answer.status()).as(answer.message()).isEqualTo(202);

        try (PipelineWatcher watcher = new PipelineWatcher(KAFKA.getBootstrapServers(), registryUrl())) {
            assertThat(watcher.awaitEnd(List.of(answer.reportId()), PIPELINE)).as("reached notify-service").isTrue();
        }
        assertThat(mail.waitForMessages(1, PIPELINE)).as("mail to the inspector").singleElement()
                .satisfies(m -> assertThat(m.text()).contains("报告编号：" + answer.reportId(), "[T3-BALANCE]"));
    }

    private static String registryUrl() {
        return "http://" + REGISTRY.getHost() + ":" + REGISTRY.getMappedPort(8081);
    }

    /** Like ServiceFleet: the service's -exec.jar in a JVM of its own, with the heap the services run with. */
    private Process launch(String service, Map<String, String> arguments) throws IOException {
        Path jar = Path.of(System.getProperty("nianbao.home"), service, "target", service + "-exec.jar");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=io.nianbao.events",
                "-jar", jar.toString()));
        arguments.forEach((key, value) -> command.add("--" + key + "=" + value));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dataDir.resolve(service + ".log").toFile()).start();
    }

    /** Ready when /actuator/health/readiness says UP: broker and registry reachable. */
    private void awaitReady(String service) throws InterruptedException {
        URI readiness = URI.create("http://127.0.0.1:" + ports.get(service) + "/actuator/health/readiness");
        long deadline = System.nanoTime() + STARTUP.toNanos();
        try (HttpClient http = HttpClient.newHttpClient()) {
            while (System.nanoTime() < deadline) {
                assertThat(services.get(service).isAlive()).as(service + " running (see " + service + ".log)").isTrue();
                try {
                    if (http.send(HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(5)).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(1000);
            }
        }
        throw new AssertionError(service + " not ready after " + STARTUP);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
