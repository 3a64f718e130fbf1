package io.nianbao.localstack;

import java.io.File;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/** Launches {@link KafkaBrokerMain} in a child JVM and waits until it serves metadata. */
final class KafkaBroker {

    private final ChildProcess process;
    private final String bootstrapServers;

    private KafkaBroker(ChildProcess process, String bootstrapServers) {
        this.process = process;
        this.bootstrapServers = bootstrapServers;
    }

    static KafkaBroker launch(Path dataDir, int port, int partitions) throws IOException {
        Path dir = dataDir.resolve("kafka");
        Files.createDirectories(dir);
        int controllerPort = FreePorts.loopback();
        Properties props = new Properties();
        props.putAll(Map.ofEntries(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", "1"),
                Map.entry("controller.quorum.voters", "1@127.0.0.1:" + controllerPort),
                Map.entry("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort),
                Map.entry("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port),
                Map.entry("controller.listener.names", "CONTROLLER"),
                Map.entry("inter.broker.listener.name", "PLAINTEXT"),
                Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"),
                Map.entry("log.dirs", dir.resolve("data").toAbsolutePath().toString()),
                Map.entry("num.partitions", Integer.toString(partitions)),
                // On, so a producer may write before any consumer or binder has created the topic.
                Map.entry("auto.create.topics.enable", "true"),
                Map.entry("offsets.topic.replication.factor", "1"),
                Map.entry("transaction.state.log.replication.factor", "1"),
                Map.entry("transaction.state.log.min.isr", "1"),
                Map.entry("share.coordinator.state.topic.replication.factor", "1"),
                Map.entry("share.coordinator.state.topic.min.isr", "1"),
                // Tests join consumer groups often; the default 3 s delay only slows them.
                Map.entry("group.initial.rebalance.delay.ms", "0"),
                // The default 128 MB dedupe buffer for compacted topics would fill half the small heap.
                Map.entry("log.cleaner.dedupe.buffer.size", Integer.toString(16 * 1024 * 1024))));
        Path config = dir.resolve("server.properties");
        try (Writer writer = Files.newBufferedWriter(config, StandardCharsets.UTF_8)) {
            props.store(writer, "Written by LocalStack at each start");
        }
        ChildProcess process = ChildProcess.startJava("kafka", ChildProcess.stackJvmArgs(
                "-cp", absoluteClassPath(),
                KafkaBrokerMain.class.getName(), config.toAbsolutePath().toString()),
                dir, dataDir.resolve("kafka.log"));
        return new KafkaBroker(process, "127.0.0.1:" + port);
    }

    /** This JVM's class path; relative entries made absolute since the child runs in another folder. */
    private static String absoluteClassPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator));
    }

    void awaitReady(Duration timeout) throws IOException {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.RECONNECT_BACKOFF_MS_CONFIG, 50,
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 200))) {
            process.awaitReady(timeout, () -> !admin.describeCluster(new DescribeClusterOptions().timeoutMs(1000))
                    .nodes().get().isEmpty());
        }
    }

    ChildProcess process() {
        return process;
    }

    /** The same broker again, on its ports and data: this one must have been stopped. */
    KafkaBroker restart() throws IOException {
        return new KafkaBroker(process.restart(), bootstrapServers);
    }

    String bootstrapServers() {
        return bootstrapServers;
    }
}
