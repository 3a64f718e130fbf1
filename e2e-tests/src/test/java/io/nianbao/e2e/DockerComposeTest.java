package io.nianbao.e2e;

import io.nianbao.events.Topic;
import io.nianbao.events.Topics;
import io.nianbao.localstack.ServiceFleet;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml (not run here: no Docker engine) kept consistent with the services'
 * configuration: the variables it sets are the ones they read, ports, registry and broker, topics,
 * heap options.
 */
class DockerComposeTest {

    private static final Path HOME = Path.of(System.getProperty("nianbao.home"));
    private static final List<String> SERVICES = List.of("ingest-service", "parse-service", "ocr-service", "validate-service", "notify-service");
    /** Scaled with --scale: no host port and no container name, which would collide. */
    private static final Set<String> SCALED = Set.of("parse-service", "ocr-service", "validate-service");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*):");
    private static final Pattern PORT_DEFAULT = Pattern.compile("port: \\$\\{PORT:(\\d+)}");

    private final Map<String, Object> compose = yaml(HOME.resolve("docker-compose.yml"));
    private final Map<String, Object> services = map(compose.get("services"));

    @Test
    void everyVariableAServiceIsGivenIsOneItReads() throws IOException {
        String shared = Files.readString(HOME.resolve("service-support/src/main/resources/nianbao-stream.yaml"));
        for (String service : SERVICES) {
            Set<String> read = placeholders(shared + applicationYaml(service));
            assertThat(environment(service).keySet()).as(service + " environment").isSubsetOf(read);
        }
    }

    @Test
    void portsAreTheServicesDefaultsAndScaledServicesPublishNone() throws IOException {
        for (String service : SERVICES) {
            Matcher port = PORT_DEFAULT.matcher(applicationYaml(service));
            assertThat(port.find()).as(service + " server.port: ${PORT:…}").isTrue();
            assertThat(environment(service).get("PORT")).as(service + " PORT").isEqualTo(port.group(1));
            List<Object> published = list(map(services.get(service)).get("ports"));
            published.forEach(mapping -> assertThat(mapping.toString()).as(service + " ports").endsWith(":" + port.group(1)));
            if (SCALED.contains(service)) {
                assertThat(published).as(service + " publishes no host port").isEmpty();
                assertThat(map(services.get(service))).as(service).doesNotContainKey("container_name");
            }
        }
    }

    /**
     * The containers' heaps are sized as the embedded default's, whose figures the README gives;
     * they end on an OutOfMemoryError as the embedded services do, and listen on their network.
     */
    @Test
    void imagesAreBuiltWithTheHeapOptionsOfTheEmbeddedDefault() throws IOException {
        assertThat(Files.readString(HOME.resolve("Dockerfile"))).contains("JAVA_TOOL_OPTIONS=\"${HEAP_OPTIONS} ")
                .contains("-XX:+ExitOnOutOfMemoryError", "NIANBAO_BIND_ADDRESS=0.0.0.0").doesNotContain("MaxRAMPercentage");
        for (String service : SERVICES) {
            Map<String, Object> build = map(map(services.get(service)).get("build"));
            assertThat(map(build.get("args"))).as(service + " build args")
                    .containsEntry("SERVICE", service)
                    .containsEntry("HEAP_OPTIONS", ServiceFleet.heapOptions(service));
        }
    }

    @Test
    void healthchecksAskForReadiness() {
        for (String service : SERVICES) {
            assertThat(map(services.get(service)).get("healthcheck").toString()).as(service).contains("/actuator/health/readiness");
        }
    }

    @Test
    void brokerAndRegistryAreTheComposeServices() {
        Map<String, Object> registry = environment("schema-registry");
        URI registryUrl = URI.create(environment("parse-service").get("NIANBAO_SCHEMA_REGISTRY_URL").toString());
        assertThat(services).containsKey(registryUrl.getHost());
        assertThat(registry.get("SCHEMA_REGISTRY_LISTENERS").toString()).endsWith(":" + registryUrl.getPort());

        String broker = environment("parse-service").get("NIANBAO_KAFKA_BOOTSTRAP_SERVERS").toString();
        assertThat(environment("kafka").get("KAFKA_ADVERTISED_LISTENERS").toString()).endsWith("//" + broker);
        for (String service : SERVICES) {
            assertThat(environment(service)).as(service)
                    .containsEntry("NIANBAO_SCHEMA_REGISTRY_URL", registryUrl.toString())
                    .containsEntry("NIANBAO_KAFKA_BOOTSTRAP_SERVERS", broker);
        }
    }

    @Test
    void notifyReachesTheComposeDatabase() {
        Map<String, Object> postgres = environment("postgres");
        Map<String, Object> notify = environment("notify-service");
        assertThat(notify.get("NIANBAO_DATABASE_URL").toString()).isEqualTo("jdbc:postgresql://postgres:5432/" + postgres.get("POSTGRES_DB"));
        assertThat(notify).containsEntry("NIANBAO_DATABASE_USER", postgres.get("POSTGRES_USER"))
                .containsEntry("NIANBAO_DATABASE_PASSWORD", postgres.get("POSTGRES_PASSWORD"));
    }

    @Test
    void everyBoundTopicIsAPipelineTopic() throws IOException {
        // The flow's topics, and watch.status: not of the flow (keyed by column), bound by notify-service.
        Set<String> topics = Stream.concat(Topics.ALL.stream(), Stream.of(Topics.WATCH_STATUS)).map(Topic::name)
                .collect(Collectors.toSet());
        for (String service : SERVICES) {
            Map<String, Object> bindings = map(path(yaml(serviceYaml(service)), "spring", "cloud", "stream", "bindings"));
            assertThat(bindings).as(service + " bindings").isNotEmpty();
            for (Object binding : bindings.values()) {
                Arrays.stream(map(binding).get("destination").toString().split(","))
                        .forEach(topic -> assertThat(topics).as(service + " binds " + topic).contains(topic.strip()));
            }
        }
    }

    private Map<String, Object> environment(String service) {
        return map(map(services.get(service)).get("environment"));
    }

    private static Path serviceYaml(String service) {
        return HOME.resolve(service).resolve("src/main/resources/application.yaml");
    }

    private static String applicationYaml(String service) throws IOException {
        return Files.readString(serviceYaml(service));
    }

    private static Set<String> placeholders(String yaml) {
        Set<String> names = new HashSet<>();
        Matcher matcher = PLACEHOLDER.matcher(yaml);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    private static Map<String, Object> yaml(Path file) {
        try {
            return new Yaml().load(Files.readString(file));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object path(Map<String, Object> yaml, String... keys) {
        Object node = yaml;
        for (String key : keys) {
            node = map(node).get(key);
        }
        return node;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        return node == null ? Map.of() : (Map<String, Object>) node;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object node) {
        return node == null ? List.of() : (List<Object>) node;
    }
}
