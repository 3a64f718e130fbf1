package io.nianbao.ingest;

import com.sun.net.httpserver.HttpServer;
import io.nianbao.service.DocumentMemory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.util.unit.DataSize;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A download holds its share of the document memory from its start until the document is done with. */
class DocumentFetcherMemoryTest {

    private static final long MAX = 1024 * 1024;
    private static final byte[] DOCUMENT = new byte[100 * 1024];
    private static final Portal PORTAL = new Portal("p", "", List.of("*"), List.of("127.0.0.1"), null, false);

    private final DocumentMemory memory = new DocumentMemory(DataSize.ofBytes(MAX));
    private final ExecutorService otherThread = Executors.newSingleThreadExecutor();
    private HttpServer site;
    private DocumentFetcher fetcher;

    @BeforeEach
    void start() throws IOException {
        site = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        site.createContext("/", exchange -> {
            switch (exchange.getRequestURI().getPath()) {
                case "/sized" -> exchange.sendResponseHeaders(200, DOCUMENT.length);
                case "/chunked" -> exchange.sendResponseHeaders(200, 0);
                default -> exchange.sendResponseHeaders(404, -1);
            }
            if (exchange.getResponseCode() == 200) {
                exchange.getResponseBody().write(DOCUMENT);
            }
            exchange.close();
        });
        site.start();
        IngestProperties properties = new IngestProperties(DataSize.ofBytes(MAX), DataSize.ofBytes(MAX), DataSize.ofBytes(MAX),
                Duration.ofMinutes(5), new IngestProperties.Fetch(Duration.ofSeconds(5), Duration.ofSeconds(30), 5, true),
                null, null, List.of());
        fetcher = new DocumentFetcher(properties, memory);
    }

    @AfterEach
    void stop() throws Exception {
        otherThread.shutdownNow();
        fetcher.destroy();
        site.stop(0);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + site.getAddress().getPort() + path;
    }

    @Test
    void aDocumentOfAnnouncedLengthHoldsThatLengthUntilClosed() {
        try (DocumentFetcher.Fetched fetched = fetcher.fetch(url("/sized"), PORTAL, MAX)) {
            assertThat(fetched.bytes()).hasSize(DOCUMENT.length);
            assertThat(memory.freeBytes()).isEqualTo(MAX - DOCUMENT.length);
        }
        assertThat(memory.freeBytes()).isEqualTo(MAX);
    }

    @Test
    void aDocumentOfUnknownLengthHoldsTheLargestAllowed() {
        try (DocumentFetcher.Fetched fetched = fetcher.fetch(url("/chunked"), PORTAL, MAX)) {
            assertThat(fetched.bytes()).hasSize(DOCUMENT.length);
            assertThat(memory.freeBytes()).isZero();
        }
        assertThat(memory.freeBytes()).isEqualTo(MAX);
    }

    @Test
    void aDownloadWaitsWhileOtherDocumentsFillTheMemory() throws Exception {
        DocumentMemory.Hold others = memory.hold(MAX - 1024);
        CompletableFuture<DocumentFetcher.Fetched> download =
                CompletableFuture.supplyAsync(() -> fetcher.fetch(url("/sized"), PORTAL, MAX), otherThread);

        Thread.sleep(300);
        assertThat(download).as("waiting for memory").isNotDone();
        others.close();
        download.get(10, TimeUnit.SECONDS).close();
        assertThat(memory.freeBytes()).isEqualTo(MAX);
    }

    @Test
    void aDownloadFoundTooLargeOnTheWayGivesItsShareBack() {
        assertThatThrownBy(() -> fetcher.fetch(url("/chunked"), PORTAL, DOCUMENT.length - 1))
                .isInstanceOf(IntakeRejection.class).hasMessageContaining(String.valueOf(DOCUMENT.length - 1));
        assertThat(memory.freeBytes()).isEqualTo(MAX);
    }

    @Test
    @Timeout(10)
    void aDocumentAnnouncedTooLargeIsRefusedWithoutWaitingForMemory() {
        DocumentMemory.Hold everything = memory.hold(MAX);
        assertThatThrownBy(() -> fetcher.fetch(url("/sized"), PORTAL, DOCUMENT.length - 1))
                .isInstanceOf(IntakeRejection.class);
        everything.close();
    }
}
