package io.nianbao.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

/**
 * Launches Apicurio Registry (unpacked by the build under {@code <nianbao.home>/.stack}) in a
 * child JVM and waits until its Confluent-compatible API answers.
 */
final class SchemaRegistry {

    private final ChildProcess process;
    private final String url;

    private SchemaRegistry(ChildProcess process, String url) {
        this.process = process;
        this.url = url;
    }

    static SchemaRegistry launch(Path dataDir, int port) throws IOException {
        Path jar = quarkusRunJar();
        Path dir = dataDir.resolve("registry").toAbsolutePath();
        ChildProcess process = ChildProcess.startJava("schema-registry", ChildProcess.stackJvmArgs(
                "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.http.port=" + port,
                // The management interface cannot be disabled; by default it binds 0.0.0.0:9000.
                "-Dquarkus.management.host=127.0.0.1",
                "-Dquarkus.management.port=0",
                // Kafka keeps records across restarts, so the schema ids they carry must persist too.
                "-Dapicurio.datasource.url=jdbc:h2:file:" + dir.resolve("db"),
                // 20 pooled connections by default: pointless for one local client.
                "-Dapicurio.datasource.jdbc.initial-size=2",
                "-Dapicurio.datasource.jdbc.min-size=2",
                // Native libraries and the Vert.x cache are extracted here, not in the shared /tmp.
                "-Djava.io.tmpdir=" + Files.createDirectories(dir.resolve("tmp")),
                "-jar", jar.toString()),
                dir, dataDir.resolve("registry.log"));
        return new SchemaRegistry(process, "http://127.0.0.1:" + port + "/apis/ccompat/v7");
    }

    void awaitReady(Duration timeout) throws IOException {
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build()) {
            HttpRequest subjects = HttpRequest.newBuilder(URI.create(url + "/subjects"))
                    .timeout(Duration.ofSeconds(2)).build();
            process.awaitReady(timeout,
                    () -> http.send(subjects, HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
        }
    }

    ChildProcess process() {
        return process;
    }

    /** The same registry again, on its port and H2 files (so it keeps schema ids): this one must have been stopped. */
    SchemaRegistry restart() throws IOException {
        return new SchemaRegistry(process.restart(), url);
    }

    String url() {
        return url;
    }

    /** {@code <nianbao.home>/.stack/apicurio-registry-<version>/quarkus-run.jar}, checked to exist. */
    static Path quarkusRunJar() {
        Path jar = nianbaoHome().resolve(".stack")
                .resolve("apicurio-registry-" + apicurioVersion()).resolve("quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("Apicurio Registry is not unpacked at " + jar
                    + ": run ./mvnw -pl local-stack -am package (or set -Dnianbao.home to the checkout)");
        }
        return jar;
    }

    /** System property nianbao.home, else the nearest folder above the working dir holding mvnw. */
    static Path nianbaoHome() {
        String home = System.getProperty("nianbao.home");
        if (home != null && !home.isBlank()) {
            return Path.of(home);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("mvnw"))) {
                return dir;
            }
        }
        throw new IllegalStateException("Cannot find the nianbao checkout: set -Dnianbao.home");
    }

    private static String apicurioVersion() {
        Properties props = new Properties();
        try (InputStream in = SchemaRegistry.class.getResourceAsStream("local-stack.properties")) {
            props.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return props.getProperty("apicurio.version");
    }
}
