package io.nianbao.ingest.fetch;

import io.nianbao.ingest.Incoming;
import io.nianbao.ingest.IngestProperties;
import io.nianbao.ingest.Portal;
import io.nianbao.ingest.intake.IntakeRejection;
import io.nianbao.ingest.intake.ReceivedDocument;
import com.sun.net.httpserver.HttpServer;
import io.nianbao.service.outbound.OutboundHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A download is written to disk as it comes and deleted when done with; its deadline covers the
 * whole fetch and is enforced by aborting it, however slowly the server sends.
 */
class DocumentFetcherTest {

    private static final long MAX = 1024 * 1024;
    private static final byte[] DOCUMENT = new byte[100 * 1024];
    private static final Duration DEADLINE = Duration.ofSeconds(2);
    private static final Portal PORTAL = new Portal("p", "", List.of("*"), List.of("127.0.0.1"), null, false);

    @TempDir
    Path incomingDir;
    private HttpServer site;
    private Incoming incoming;
    private DocumentFetcher fetcher;

    @BeforeEach
    void start() throws IOException {
        site = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        site.setExecutor(Executors.newCachedThreadPool());
        site.createContext("/", exchange -> {
            switch (exchange.getRequestURI().getPath()) {
                case "/sized" -> {
                    exchange.sendResponseHeaders(200, DOCUMENT.length);
                    exchange.getResponseBody().write(DOCUMENT);
                }
                case "/chunked" -> {
                    exchange.sendResponseHeaders(200, 0);
                    exchange.getResponseBody().write(DOCUMENT);
                }
                // A byte every 200 ms for a minute at most: far past the deadline, then it ends by itself.
                case "/trickle" -> {
                    exchange.sendResponseHeaders(200, 0);
                    OutputStream body = exchange.getResponseBody();
                    try {
                        for (int i = 0; i < 300; i++) {
                            body.write('x');
                            body.flush();
                            Thread.sleep(200);
                        }
                    } catch (IOException | InterruptedException aborted) {
                        // the fetcher hung up: what the test wants
                    }
                }
                default -> exchange.sendResponseHeaders(404, -1);
            }
            exchange.close();
        });
        site.start();
        IngestProperties properties = new IngestProperties(DataSize.ofBytes(MAX), DataSize.ofBytes(MAX), DataSize.ofBytes(MAX),
                Duration.ofMinutes(2), incomingDir, DataSize.ofBytes(MAX), Duration.ofMinutes(5),
                new IngestProperties.Fetch(Duration.ofSeconds(5), DEADLINE, 5), null, null, List.of());
        incoming = new Incoming(properties);
        fetcher = new DocumentFetcher(properties, incoming, new OutboundHttp(true, "nianbao-test"));
    }

    @AfterEach
    void stop() throws Exception {
        fetcher.destroy();
        incoming.destroy();
        site.stop(0);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + site.getAddress().getPort() + path;
    }

    @Test
    void aDocumentIsWrittenToAFileDeletedWhenItIsClosed() throws IOException {
        for (String path : List.of("/sized", "/chunked")) {
            Path file;
            try (ReceivedDocument fetched = fetcher.fetch(url(path), PORTAL, MAX)) {
                assertThat(fetched.size()).isEqualTo(DOCUMENT.length);
                assertThat(fetched.bytes()).isEqualTo(DOCUMENT);
                assertThat(fetched.fileName()).isEqualTo(path.substring(1));
                file = ((ReceivedDocument.OnDisk) fetched).file();
                assertThat(file).exists();
            }
            assertThat(file).doesNotExist();
        }
    }

    @Test
    @Timeout(60)
    void aServerTricklingItsBodyIsCutOffAtTheDeadlineAndLeavesNoFile() throws IOException {
        long start = System.nanoTime();
        assertThatThrownBy(() -> fetcher.fetch(url("/trickle"), PORTAL, MAX))
                .isInstanceOfSatisfying(IntakeRejection.class, refused -> {
                    assertThat(refused.rejected().reason()).isEqualTo("FETCH_FAILED");
                    assertThat(refused.rejected().message()).contains("下载超过" + DEADLINE.toSeconds() + "秒未完成，已中止");
                });
        // Aborted, not drained: the server would have sent for a minute.
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(50));
        assertThat(downloads()).isEmpty();
    }

    @Test
    void aDownloadFoundTooLargeOnTheWayLeavesNoFile() throws IOException {
        assertThatThrownBy(() -> fetcher.fetch(url("/chunked"), PORTAL, DOCUMENT.length - 1))
                .isInstanceOf(IntakeRejection.class).hasMessageContaining(String.valueOf(DOCUMENT.length - 1));
        assertThatThrownBy(() -> fetcher.fetch(url("/sized"), PORTAL, DOCUMENT.length - 1))
                .isInstanceOf(IntakeRejection.class).hasMessageContaining("TOO_LARGE");
        assertThat(downloads()).isEmpty();
    }

    private List<Path> downloads() throws IOException {
        try (Stream<Path> files = Files.walk(incomingDir)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
