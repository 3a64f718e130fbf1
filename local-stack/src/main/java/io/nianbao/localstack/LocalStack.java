package io.nianbao.localstack;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The embedded default stack: a single-node Kafka broker and an Apicurio schema registry (its
 * Confluent-compatible API), each a child JVM on 127.0.0.1, with data and logs under one folder
 * ({@code kafka/}, {@code registry/}, and per child a {@code .log} and a {@code .pid}). Data is kept across
 * restarts on the same folder. A shutdown hook stops the children if {@link #close()} is never called.
 */
public final class LocalStack implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(LocalStack.class.getName());

    private final Path dataDir;
    private final Duration startupTimeout;
    private volatile KafkaBroker broker;
    private volatile SchemaRegistry registry;
    private final StopOnExit stopper;

    private LocalStack(Path dataDir, KafkaBroker broker, SchemaRegistry registry, Duration startupTimeout) {
        this.dataDir = dataDir;
        this.startupTimeout = startupTimeout;
        this.broker = broker;
        this.registry = registry;
        this.stopper = new StopOnExit("local-stack", this::stopChildren);
    }

    /** Starts the stack on free ports with the defaults of {@link Builder}. */
    public static LocalStack start(Path dataDir) throws IOException {
        return builder(dataDir).start();
    }

    public static Builder builder(Path dataDir) {
        return new Builder(dataDir);
    }

    /** For Kafka clients' {@code bootstrap.servers}, e.g. {@code 127.0.0.1:39092}. */
    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    /** Base URL of the Confluent-compatible registry API, e.g. {@code http://127.0.0.1:38081/apis/ccompat/v7}. */
    public String schemaRegistryUrl() {
        return registry.url();
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Waits for both children at once, so each one's measured startup time is its own. */
    private void awaitReady(Duration timeout) throws IOException {
        ExecutorService waiters = Executors.newVirtualThreadPerTaskExecutor();
        try {
            Future<Void> kafka = waiters.submit(() -> {
                broker.awaitReady(timeout);
                return null;
            });
            Future<Void> schemaRegistry = waiters.submit(() -> {
                registry.awaitReady(timeout);
                return null;
            });
            kafka.get();
            schemaRegistry.get();
        } catch (ExecutionException e) {
            close();
            throw e.getCause() instanceof IOException io ? io : new IOException("local stack failed to start", e);
        } catch (InterruptedException e) {
            close();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while the local stack started");
        } finally {
            waiters.shutdownNow();
        }
        LOG.log(System.Logger.Level.INFO, "local stack ready: kafka {0}, schema registry {1}, data {2}",
                bootstrapServers(), schemaRegistryUrl(), dataDir);
    }

    /** Stops the broker (SIGTERM, as in a rolling restart); {@link #startBroker()} brings it back. */
    public synchronized void stopBroker() {
        ChildProcess.stopAll(List.of(broker.process()));
        LOG.log(System.Logger.Level.INFO, "kafka stopped");
    }

    /** Starts the stopped broker again on the same port and data folder, and waits until it serves. */
    public synchronized void startBroker() throws IOException {
        broker = broker.restart();
        broker.awaitReady(startupTimeout);
    }

    /** Stops the schema registry (SIGTERM); {@link #startRegistry()} brings it back. */
    public synchronized void stopRegistry() {
        ChildProcess.stopAll(List.of(registry.process()));
        LOG.log(System.Logger.Level.INFO, "schema registry stopped");
    }

    /** Starts the stopped registry again on the same port and data (schema ids kept), and waits until it answers. */
    public synchronized void startRegistry() throws IOException {
        registry = registry.restart();
        registry.awaitReady(startupTimeout);
    }

    /** Memory and CPU of the broker and the registry now. */
    public List<ProcessSample> sample() {
        return List.of(broker.process().sample(), registry.process().sample());
    }

    /** The child processes, for tests that check none survives {@link #close()}. */
    List<ProcessHandle> processes() {
        return List.of(broker.process().handle(), registry.process().handle());
    }

    /** Stops both children (SIGTERM, up to 20 s grace, then kill). Idempotent. */
    @Override
    public void close() {
        stopper.close();
    }

    private void stopChildren() {
        ChildProcess.stopAll(List.of(broker.process(), registry.process()));
        LOG.log(System.Logger.Level.INFO, "local stack stopped ({0})", dataDir);
    }

    /** Options; ports default to free ones chosen at start. */
    public static final class Builder {
        private final Path dataDir;
        private int kafkaPort;
        private int registryPort;
        private int partitions = 6;
        private Duration startupTimeout = Duration.ofSeconds(90);

        private Builder(Path dataDir) {
            this.dataDir = dataDir.toAbsolutePath();
        }

        public Builder kafkaPort(int port) {
            this.kafkaPort = port;
            return this;
        }

        public Builder registryPort(int port) {
            this.registryPort = port;
            return this;
        }

        /** Partitions of auto-created topics (broker {@code num.partitions}), 6 by default. */
        public Builder partitions(int partitions) {
            this.partitions = partitions;
            return this;
        }

        /** Per child, from its launch; 90 s by default (two cold JVMs on two cores). */
        public Builder startupTimeout(Duration timeout) {
            this.startupTimeout = timeout;
            return this;
        }

        /** Launches both children at once and waits for both; on failure stops whatever started. */
        public LocalStack start() throws IOException {
            Files.createDirectories(dataDir);
            SchemaRegistry.quarkusRunJar(); // fail fast, before launching anything, if not unpacked
            KafkaBroker broker = KafkaBroker.launch(dataDir, orFree(kafkaPort), partitions);
            SchemaRegistry registry;
            try {
                registry = SchemaRegistry.launch(dataDir, orFree(registryPort));
            } catch (IOException | RuntimeException e) {
                ChildProcess.stopAll(List.of(broker.process()));
                throw e;
            }
            LocalStack stack = new LocalStack(dataDir, broker, registry, startupTimeout);
            stack.awaitReady(startupTimeout);
            return stack;
        }

        private static int orFree(int port) throws IOException {
            return port > 0 ? port : FreePorts.loopback();
        }
    }
}
