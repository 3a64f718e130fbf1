package io.nianbao.localstack;

import java.io.FileReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * Entry point of the broker child process: a single KRaft node (broker and controller).
 * Usage: {@code KafkaBrokerMain <server.properties>}. Formats the storage on first use, then runs
 * until SIGTERM or until its stdin closes (the parent JVM died), so it never outlives the stack.
 */
public final class KafkaBrokerMain {

    private KafkaBrokerMain() {
    }

    public static void main(String[] args) {
        try {
            Properties props = new Properties();
            try (Reader reader = new FileReader(args[0], StandardCharsets.UTF_8)) {
                props.load(reader);
            }
            Path logDir = Path.of(props.getProperty("log.dirs"));
            if (!Files.exists(logDir.resolve("meta.properties"))) {
                int code = StorageTool.execute(
                        new String[] {"format", "-t", Uuid.randomUuid().toString(), "-c", args[0]}, System.out);
                if (code != 0) {
                    throw new IllegalStateException("storage format failed with code " + code);
                }
            }
            KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props), Time.SYSTEM);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.shutdown();
                server.awaitShutdown();
            }, "broker-shutdown"));
            server.startup();
            System.out.println("KafkaBrokerMain: started");
            waitForStdinEof();
            System.exit(0);
        } catch (Throwable e) {
            // Kafka's non-daemon threads would keep a half-started JVM alive: exit explicitly.
            e.printStackTrace();
            Runtime.getRuntime().halt(1);
        }
    }

    private static void waitForStdinEof() throws IOException {
        while (System.in.read() != -1) {
            // Input is ignored; only end-of-stream matters.
        }
    }
}
