package io.nianbao.localstack;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.errors.GroupIdNotFoundException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The four nianbao services every report passes and ocr-service (scans only), each its own JVM
 * ({@code <service>/target/<service>-exec.jar}), and watch-service when asked ({@link #startWatch}),
 * pointed at a {@link LocalStack} and an SMTP server; notify-service also gets a {@link LocalPostgres}
 * of its own (under {@code <dataDir>/postgres}). A service instance is ready when a new member has
 * joined its consumer group (it consumes), and for ingest-service also when its HTTP API answers.
 * Tests may scale a service out ({@link #addInstance}) and crash and restart an instance ({@link Instance}).
 */
public final class ServiceFleet implements AutoCloseable {

    /** The services every report passes through, in flow order. */
    public static final List<String> SERVICES = List.of("ingest-service", "parse-service", "validate-service", "notify-service");
    /** Started with them: only the documents parse-service cannot read as text pass it. */
    public static final String OCR_SERVICE = "ocr-service";
    /** Started on demand ({@link #startWatch}): it needs columns to read. */
    public static final String WATCH_SERVICE = "watch-service";
    /** The API key of ingest's portal {@code watch} (ops/portals.example.yaml holds its SHA-256 too). */
    public static final String WATCH_PORTAL_KEY = "watch-portal-key";

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(180);
    /** A Spring Boot log line of level WARN or ERROR. */
    private static final Pattern PROBLEM = Pattern.compile("^\\S+\\s+(WARN|ERROR) ");

    /** One process of a service: {@code <service>} for the first, {@code <service>-2}, … for more. */
    public final class Instance {
        private final String service;
        private final String name;
        private final int port;
        private ChildProcess process;
        /** The command it was launched with (its heap among it). */
        private List<String> command;

        private Instance(String service, String name, int port) {
            this.service = service;
            this.name = name;
            this.port = port;
        }

        public String service() {
            return service;
        }

        /** SIGKILL (Process.destroyForcibly): no shutdown, nothing flushed or committed; waits until it is gone. */
        public synchronized void kill() {
            process.kill();
        }

        /** Starts the killed or stopped instance again with the same arguments and port, and waits until it is ready. */
        public void start() throws IOException {
            Set<String> before = members(service);
            synchronized (this) {
                process = process.restart(command);
            }
            awaitReady(List.of(this), Map.of(service, before));
        }

        /**
         * Starts the killed or exited instance again with another heap ({@code -Xmx64m}), without
         * waiting for it to be ready: for a test of what such an instance dies on. {@link #start()}
         * brings back its own heap.
         */
        public synchronized void startWithHeap(String heapOptions) throws IOException {
            List<String> other = new ArrayList<>(command.stream()
                    .filter(arg -> !arg.startsWith("-Xmx") && !arg.startsWith("-Xms") && !arg.startsWith("-XX:NewRatio")).toList());
            other.addAll(0, List.of(heapOptions.split(" ")));
            process = process.restart(other);
        }

        /** Waits until the process has exited: its exit code, or empty when it still runs after {@code timeout}. */
        public OptionalInt awaitExit(Duration timeout) throws InterruptedException {
            return process().awaitExit(timeout);
        }

        private synchronized ChildProcess process() {
            return process;
        }

        /** The instance's log (stdout and stderr, across restarts). */
        public Path log() {
            return dataDir.resolve(name + ".log");
        }
    }

    private final List<Instance> instances = new CopyOnWriteArrayList<>();
    private final Map<String, String> common;
    private final String bootstrapServers;
    private final Path dataDir;
    private final LocalPostgres postgres;
    private final StopOnExit stopper;

    private ServiceFleet(Map<String, String> common, LocalStack stack, LocalPostgres postgres) {
        this.common = common;
        this.bootstrapServers = stack.bootstrapServers();
        this.dataDir = stack.dataDir();
        this.postgres = postgres;
        this.stopper = new StopOnExit("service-fleet", () -> {
            ChildProcess.stopAll(instances.stream().map(Instance::process).toList());
            postgres.close();
        });
    }

    /**
     * Starts the four services and ocr-service at once and waits until all are ready.
     *
     * @param smtpHost       the SMTP server notify-service mails through
     * @param extraArguments further Spring properties for every service, e.g. {@code nianbao.notify.inspectors}
     */
    public static ServiceFleet start(LocalStack stack, String smtpHost, int smtpPort, Map<String, String> extraArguments)
            throws IOException {
        Map<String, String> common = new LinkedHashMap<>();
        common.put("nianbao.kafka.bootstrap-servers", stack.bootstrapServers());
        common.put("nianbao.schema-registry.url", stack.schemaRegistryUrl());
        common.put("nianbao.documents.dir", stack.dataDir().resolve("documents").toString());
        common.put("spring.mail.host", smtpHost);
        common.put("spring.mail.port", Integer.toString(smtpPort));
        common.putAll(extraArguments);
        ServiceFleet fleet = new ServiceFleet(common, stack, LocalPostgres.start(stack.dataDir().resolve("postgres")));
        try {
            List<String> started = new ArrayList<>(SERVICES);
            started.add(OCR_SERVICE);
            Map<String, Set<String>> before = new LinkedHashMap<>();
            for (String service : started) {
                before.put(service, fleet.members(service));
            }
            for (String service : started) {
                fleet.launch(service);
            }
            fleet.awaitReady(fleet.instances, before);
            return fleet;
        } catch (IOException | RuntimeException e) {
            fleet.close();
            throw e;
        }
    }

    /**
     * Starts watch-service (its consumer group is its name), reading the columns the arguments give
     * ({@code nianbao.watch.columns[i].…}), uploading to this fleet's ingest, and waits until it is ready.
     */
    public Instance startWatch(Map<String, String> arguments) throws IOException {
        Set<String> before = members(WATCH_SERVICE);
        Instance watch = launch(WATCH_SERVICE, arguments);
        awaitReady(List.of(watch), Map.of(WATCH_SERVICE, before));
        return watch;
    }

    /** The first instance of {@code service}. */
    public Instance instance(String service) {
        return instances.stream().filter(i -> i.service.equals(service)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no instance of " + service));
    }

    /** Starts one more instance of {@code service} (same arguments, its own port) and waits until it is ready. */
    public Instance addInstance(String service) throws IOException {
        Set<String> before = members(service);
        Instance added = launch(service);
        awaitReady(List.of(added), Map.of(service, before));
        return added;
    }

    /** Base URL of the first ingest-service, e.g. {@code http://127.0.0.1:40123}. */
    public String ingestUrl() {
        return "http://127.0.0.1:" + instance("ingest-service").port;
    }

    /** The first notify-service's inbox page for inspectors, e.g. {@code http://127.0.0.1:40124/inbox}. */
    public String inboxUrl() {
        return "http://127.0.0.1:" + instance("notify-service").port + "/inbox";
    }

    /** Memory and CPU of each instance now, in {@link #SERVICES} order, ocr-service, then added instances. */
    public List<ProcessSample> sample() {
        return instances.stream().map(i -> i.process().sample()).toList();
    }

    private Instance launch(String service) throws IOException {
        return launch(service, Map.of());
    }

    private Instance launch(String service, Map<String, String> own) throws IOException {
        long running = instances.stream().filter(i -> i.service.equals(service)).count();
        boolean web = service.equals("ingest-service") || service.equals("notify-service");
        Instance instance = new Instance(service, running == 0 ? service : service + "-" + (running + 1),
                web ? FreePorts.loopback() : 0);
        Map<String, String> arguments = new LinkedHashMap<>(common);
        arguments.putAll(own);
        arguments.put("server.port", Integer.toString(instance.port));
        if (service.equals("ingest-service")) {
            // The demo portal (PortalClient): SHA-256 of its key "demo-portal-key", any agency.
            arguments.putIfAbsent("nianbao.ingest.portals[0].id", "demo-portal");
            arguments.putIfAbsent("nianbao.ingest.portals[0].key-sha256",
                    "9bdc095594e27a33d12a48fd6ed8d3b3a4bb7abc6219b82867f2b5660b13be90");
            arguments.putIfAbsent("nianbao.ingest.portals[0].agencies[0]", "*");
            // watch-service's portal: its records on report.published, and its uploads with the key WATCH_PORTAL_KEY.
            arguments.putIfAbsent("nianbao.ingest.portals[1].id", "watch");
            arguments.putIfAbsent("nianbao.ingest.portals[1].key-sha256", "ccb70b5500f49759b996bd32eaea7d4d3712ce3458f2f1cc87ee33c929f47679");
            arguments.putIfAbsent("nianbao.ingest.portals[1].agencies[0]", "*");
        }
        if (service.equals("watch-service")) {
            // The demo's and the tests' portals are local servers; reports too large for a record go to this fleet's ingest.
            arguments.put("nianbao.outbound.allow-loopback", "true");
            arguments.put("nianbao.watch.ingest.url", ingestUrl());
            arguments.put("nianbao.watch.ingest.api-key", WATCH_PORTAL_KEY);
        }
        if (service.equals("notify-service")) {
            arguments.put("spring.datasource.url", postgres.createDatabase("notify"));
            arguments.put("spring.datasource.username", LocalPostgres.USER);
            arguments.putIfAbsent("nianbao.notify.inbox-url", "http://127.0.0.1:" + instance.port + "/inbox");
        }
        if (service.equals("validate-service")) {
            // Kafka Streams locks its state folder: one per instance.
            arguments.put("nianbao.validate.state-dir", dataDir.resolve(instance.name).resolve("state").toString());
        }
        Path jar = SchemaRegistry.nianbaoHome().resolve(service).resolve("target").resolve(service + "-exec.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run ./mvnw package -DskipTests first");
        }
        List<String> command = new ArrayList<>(serviceJvmArgs(service, Runtime.version().feature()));
        command.addAll(List.of("-Dorg.apache.avro.SERIALIZABLE_PACKAGES=io.nianbao.events", "-jar", jar.toString()));
        arguments.forEach((key, value) -> command.add("--" + key + "=" + value));
        // An earlier fleet on the same stack keeps its log as <name>.log.1.
        if (Files.exists(instance.log())) {
            Files.move(instance.log(), dataDir.resolve(instance.name + ".log.1"), StandardCopyOption.REPLACE_EXISTING);
        }
        instance.command = command;
        instance.process = ChildProcess.startJava(instance.name, command, dataDir.resolve(instance.name), instance.log());
        instances.add(instance);
        return instance;
    }

    /**
     * A thread that reads a file into a heap array in one call (a stored 17 MB document) is lent a
     * direct buffer of that size, which the JDK then keeps for the thread: parse-service's three
     * threads had kept ~50 MB beside their heap after large PDFs. Larger buffers are now freed.
     */
    static final String NIO_BUFFER_CACHE_LIMIT = "-Djdk.nio.maxCachedBufferSize=262144";

    /**
     * An OutOfMemoryError on any thread ends the process: a consumer thread that died of one had
     * left the process up, ready to no one and consuming nothing. Restarted, the service finds
     * the record it died on in flight (CrashGuard).
     */
    static final String EXIT_ON_OUT_OF_MEMORY = "-XX:+ExitOnOutOfMemoryError";

    /** validate-service's RocksDB loads a JNI library: allowed, not warned about (JDK 24+) or refused later. */
    static final String NATIVE_ACCESS = "--enable-native-access=ALL-UNNAMED";

    /**
     * JVM settings of a service run by {@code java} of the given feature release (children run with
     * this JVM's binary). Four services share a two-core machine with the broker (README,
     * Performance, has the figures):
     * <ul>
     * <li>C1 only: on two cores C2 compiled for most of a 10,000-report run, which then went no
     *     faster (50 vs 51 reports/s), cost 55–80 MB resident each and 17 s more at startup;
     * <li>the serial collector, and a heap that starts at 64 MB (without {@code -Xms} it starts at
     *     1/64 of the machine's memory, the whole ceiling on 24 GB) and gives back what a collection
     *     frees beyond 30%;
     * <li>a heap ceiling that is the peak under load: the serial collector grows the old generation
     *     to its ceiling before it collects it. ~40 MB is live after a 20,000-report burst; with
     *     256 MB the old generations reached ~130 MB and the services 300–343 MB resident, with
     *     112 MB (96 MB for validate, whose RocksDB cache and write buffers take 32 MB outside the
     *     heap) 266–285 MB, at the same rate and collection time. ingest gets 120 MB, three quarters
     *     of it old generation (a third is young by default): over a year it keeps ~27 MB more
     *     live (200,000 seen report ids and 100,000 statuses), with which a 112 MB heap of the
     *     default shape spent a quarter of a 20,000-report burst in full collections;
     * <li>from JDK 22 glibc's freed memory is returned every 10 s; from 25 objects have 8-byte headers.
     * </ul>
     * The container images keep the tiered compilers: on more cores and over days C2 pays back.
     */
    static List<String> serviceJvmArgs(String service, int javaFeature) {
        List<String> args = new ArrayList<>(List.of("-XX:TieredStopAtLevel=1", "-Xms64m"));
        args.addAll(List.of(heapOptions(service).split(" ")));
        args.addAll(List.of("-XX:+UseSerialGC", "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30", "-Xss512k",
                EXIT_ON_OUT_OF_MEMORY, NIO_BUFFER_CACHE_LIMIT, NATIVE_ACCESS));
        if (javaFeature >= 22) {
            args.add("-XX:TrimNativeHeapInterval=10000");
        }
        if (javaFeature >= 25) {
            args.add("-XX:+UseCompactObjectHeaders");
        }
        return args;
    }

    /**
     * A service's heap ceiling, and for ingest the share of its old generation (above); the container
     * images are built with the same (docker-compose.yml).
     */
    public static String heapOptions(String service) {
        return switch (service) {
            case "ingest-service" -> "-Xmx120m -XX:NewRatio=3";
            case "validate-service", "watch-service" -> "-Xmx96m";
            // A 200 dpi page's detector input and probability map are ~80 MB of arrays; the models' memory is native.
            case "ocr-service" -> "-Xmx384m";
            default -> "-Xmx112m";
        };
    }

    /**
     * The last {@code perInstance} WARN and ERROR lines (with the exception line after each) of every
     * instance's log, for a failing test to show why without the logs at hand, as on a CI server.
     */
    public String recentProblems(int perInstance) {
        StringBuilder problems = new StringBuilder();
        for (Instance instance : instances) {
            List<String> lines;
            try {
                lines = Files.readAllLines(instance.log());
            } catch (IOException | UncheckedIOException e) {
                lines = List.of("(log unreadable: " + e.getMessage() + ")");
            }
            List<String> found = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                if (PROBLEM.matcher(lines.get(i)).find()) {
                    String next = i + 1 < lines.size() && !lines.get(i + 1).isBlank() ? " | " + lines.get(i + 1) : "";
                    found.add(abbreviate(lines.get(i) + next));
                }
            }
            problems.append("\n--- ").append(instance.name).append(" (").append(found.size()).append(" WARN/ERROR lines, ")
                    .append(instance.log()).append(")");
            found.subList(Math.max(0, found.size() - perInstance), found.size()).forEach(line -> problems.append("\n").append(line));
        }
        return problems.toString();
    }

    private static String abbreviate(String line) {
        return line.length() <= 400 ? line : line.substring(0, 400) + "…";
    }

    /** Waits, instance by instance, for a member of its group not among {@code before}, and for ingest its HTTP health. */
    private void awaitReady(List<Instance> starting, Map<String, Set<String>> before) throws IOException {
        try (Admin admin = admin();
             HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build()) {
            for (Instance instance : starting) {
                HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + instance.port + "/actuator/health"))
                        .timeout(Duration.ofSeconds(2)).build();
                boolean web = instance.service.equals("ingest-service");
                instance.process().awaitReady(STARTUP_TIMEOUT, () -> {
                    Set<String> members = members(admin, instance.service);
                    members.removeAll(before.get(instance.service));
                    return !members.isEmpty()
                            && (!web || http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
                });
            }
        }
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /** The member ids of the service's consumer group now (a killed member stays until its session expires). */
    private Set<String> members(String group) throws IOException {
        try (Admin admin = admin()) {
            return members(admin, group);
        } catch (Exception e) {
            throw new IOException("cannot describe consumer group " + group, e);
        }
    }

    private static Set<String> members(Admin admin, String group) throws Exception {
        ConsumerGroupDescription description;
        try {
            description = admin.describeConsumerGroups(List.of(group)).all().get(5, TimeUnit.SECONDS).get(group);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return new HashSet<>();
            }
            throw e;
        }
        return description == null ? new HashSet<>()
                : description.members().stream().map(MemberDescription::consumerId).collect(Collectors.toCollection(HashSet::new));
    }

    /** Stops every instance (SIGTERM, then kill after a grace period), then PostgreSQL. Idempotent. */
    @Override
    public void close() {
        stopper.close();
    }
}
