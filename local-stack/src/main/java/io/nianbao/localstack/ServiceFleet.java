package io.nianbao.localstack;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The four nianbao services, each its own JVM ({@code <service>/target/<service>-exec.jar}),
 * pointed at a {@link LocalStack} and an SMTP server; notify-service also gets a {@link LocalPostgres}
 * of its own (under {@code <dataDir>/postgres}). A service is ready when its consumer group
 * has members (it consumes), and for ingest-service also when its HTTP API answers.
 */
public final class ServiceFleet implements AutoCloseable {

    public static final List<String> SERVICES = List.of("ingest-service", "parse-service", "validate-service", "notify-service");

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(120);

    private final List<ChildProcess> processes;
    private final int ingestPort;
    private final int notifyPort;
    private final StopOnExit stopper;

    private ServiceFleet(List<ChildProcess> processes, LocalPostgres postgres, int ingestPort, int notifyPort) {
        this.processes = processes;
        this.ingestPort = ingestPort;
        this.notifyPort = notifyPort;
        this.stopper = new StopOnExit("service-fleet", () -> {
            ChildProcess.stopAll(processes);
            postgres.close();
        });
    }

    /**
     * Starts the four services at once and waits until all are ready.
     *
     * @param smtpHost       the SMTP server notify-service mails through
     * @param extraArguments further Spring properties for every service, e.g. {@code nianbao.notify.inspectors}
     */
    public static ServiceFleet start(LocalStack stack, String smtpHost, int smtpPort, Map<String, String> extraArguments)
            throws IOException {
        int ingestPort = ChildProcess.freePort();
        int notifyPort = ChildProcess.freePort();
        Map<String, String> common = new LinkedHashMap<>();
        common.put("nianbao.kafka.bootstrap-servers", stack.bootstrapServers());
        common.put("nianbao.schema-registry.url", stack.schemaRegistryUrl());
        common.put("nianbao.documents.dir", stack.dataDir().resolve("documents").toString());
        common.put("spring.mail.host", smtpHost);
        common.put("spring.mail.port", Integer.toString(smtpPort));
        common.putAll(extraArguments);
        List<ChildProcess> started = new ArrayList<>();
        LocalPostgres postgres = LocalPostgres.start(stack.dataDir().resolve("postgres"));
        try {
            for (String service : SERVICES) {
                Map<String, String> arguments = new LinkedHashMap<>(common);
                arguments.put("server.port", switch (service) {
                    case "ingest-service" -> Integer.toString(ingestPort);
                    case "notify-service" -> Integer.toString(notifyPort);
                    default -> "0";
                });
                if (service.equals("ingest-service")) {
                    // The demo portal (PortalClient): SHA-256 of its key "demo-portal-key", any agency.
                    arguments.putIfAbsent("nianbao.ingest.portals[0].id", "demo-portal");
                    arguments.putIfAbsent("nianbao.ingest.portals[0].key-sha256",
                            "9bdc095594e27a33d12a48fd6ed8d3b3a4bb7abc6219b82867f2b5660b13be90");
                    arguments.putIfAbsent("nianbao.ingest.portals[0].agencies[0]", "*");
                }
                if (service.equals("notify-service")) {
                    arguments.put("spring.datasource.url", postgres.createDatabase("notify"));
                    arguments.put("spring.datasource.username", LocalPostgres.USER);
                    arguments.putIfAbsent("nianbao.notify.inbox-url", "http://127.0.0.1:" + notifyPort + "/inbox");
                }
                started.add(launch(service, stack.dataDir(), arguments));
            }
            ServiceFleet fleet = new ServiceFleet(started, postgres, ingestPort, notifyPort);
            fleet.awaitReady(stack.bootstrapServers());
            return fleet;
        } catch (IOException | RuntimeException e) {
            ChildProcess.stopAll(started);
            postgres.close();
            throw e;
        }
    }

    /** Base URL of ingest-service, e.g. {@code http://127.0.0.1:40123}. */
    public String ingestUrl() {
        return "http://127.0.0.1:" + ingestPort;
    }

    /** notify-service's inbox page for inspectors, e.g. {@code http://127.0.0.1:40124/inbox}. */
    public String inboxUrl() {
        return "http://127.0.0.1:" + notifyPort + "/inbox";
    }

    /** Memory and CPU of each service now, in {@link #SERVICES} order. */
    public List<ProcessSample> sample() {
        return processes.stream().map(ChildProcess::sample).toList();
    }

    private static ChildProcess launch(String service, Path dataDir, Map<String, String> arguments) throws IOException {
        Path jar = SchemaRegistry.nianbaoHome().resolve(service).resolve("target").resolve(service + "-exec.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run ./mvnw package -DskipTests first");
        }
        List<String> command = new ArrayList<>(List.of(
                // Small heaps and the serial collector: four services share a two-core machine with the broker.
                "-Xmx256m", "-XX:+UseSerialGC", "-Xss512k",
                "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=io.nianbao.events",
                "-jar", jar.toString()));
        arguments.forEach((key, value) -> command.add("--" + key + "=" + value));
        Path dir = dataDir.resolve(service);
        return ChildProcess.startJava(service, command, dir, dataDir.resolve(service + ".log"));
    }

    private void awaitReady(String bootstrapServers) throws IOException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
             HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build()) {
            HttpRequest health = HttpRequest.newBuilder(URI.create(ingestUrl() + "/actuator/health"))
                    .timeout(Duration.ofSeconds(2)).build();
            for (int i = 0; i < SERVICES.size(); i++) {
                String group = SERVICES.get(i);
                boolean web = group.equals("ingest-service");
                processes.get(i).awaitReady(STARTUP_TIMEOUT, () -> hasMembers(admin, group)
                        && (!web || http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200));
            }
        }
    }

    private static boolean hasMembers(Admin admin, String group) throws Exception {
        ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).all()
                .get(2, TimeUnit.SECONDS).get(group);
        return description != null && !description.members().isEmpty();
    }

    /** Stops every service (SIGTERM, then kill after a grace period), then PostgreSQL. Idempotent. */
    @Override
    public void close() {
        stopper.close();
    }
}
