package io.nianbao.ingest.fetch;

import io.nianbao.core.extract.DocumentImage;
import io.nianbao.core.extract.DocumentImages;
import io.nianbao.core.extract.HtmlExtractor;
import io.nianbao.core.extract.ReadingLimits;
import io.nianbao.core.extract.TextDecoder;
import io.nianbao.ingest.Incoming;
import io.nianbao.ingest.IngestProperties;
import io.nianbao.ingest.Portal;
import io.nianbao.ingest.intake.IntakeRejection;
import io.nianbao.ingest.intake.ReceivedDocument;
import com.sun.net.httpserver.HttpServer;
import io.nianbao.service.DocumentMemory;
import io.nianbao.service.outbound.OutboundHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.util.unit.DataSize;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A download is written to disk as it comes and deleted when done with; its deadline covers the
 * whole fetch and is enforced by aborting it, however slowly the server sends. A page is stored
 * with the images of its tables that its portal may fetch put in.
 */
class DocumentFetcherTest {

    private static final long MAX = 1024 * 1024;
    private static final byte[] DOCUMENT = new byte[100 * 1024];
    private static final Duration DEADLINE = Duration.ofSeconds(2);
    private static final Portal PORTAL = new Portal("p", "", List.of("*"), List.of("127.0.0.1"), null, false);

    /** A table published as a picture: 320 × 90 pixels. */
    private static final byte[] TABLE_IMAGE = png(320, 90);
    /**
     * A GBK page whose second table is an image of its own site, beside an image of a host the
     * portal has not registered and one at a private address; its logo stands outside any table.
     */
    private static final byte[] REPORT_PAGE = ("""
            <html><head><meta charset="gbk"><title>某某局2024年政府信息公开工作年度报告</title></head><body>
            <p><img src="images/logo.png">一、总体情况</p>
            <table><tr><td>信息内容</td><td>本年制发件数</td></tr><tr><td>规章</td><td>1</td></tr></table>
            <p>三、收到和处理政府信息公开申请情况</p>
            <table><tr><td><img src='/images/table.png' alt="表三"></td></tr>
            <tr><td><img src=http://example.com/table.png></td><td><img src="http://10.0.0.8/table.png"></td></tr></table>
            <p>五、存在的主要问题及改进情况</p></body></html>
            """).getBytes(Charset.forName("GBK"));
    private static final byte[] PAGE_WITHOUT_TABLE_IMAGES = new String(REPORT_PAGE, Charset.forName("GBK"))
            .replaceAll("<td><img[^>]*>", "<td>").getBytes(Charset.forName("GBK"));
    /** The site's own host and a private address the portal lists: the address policy refuses the latter. */
    private static final Portal PAGE_PORTAL = new Portal("p", "", List.of("*"), List.of("127.0.0.1", "10.0.0.8"), null, false);

    private final List<String> imagesServed = new CopyOnWriteArrayList<>();
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
                case "/report.html" -> {
                    exchange.getResponseHeaders().add("Content-Type", "text/html; charset=GBK");
                    exchange.sendResponseHeaders(200, REPORT_PAGE.length);
                    exchange.getResponseBody().write(REPORT_PAGE);
                }
                case "/no-table-images.html" -> {
                    exchange.sendResponseHeaders(200, PAGE_WITHOUT_TABLE_IMAGES.length);
                    exchange.getResponseBody().write(PAGE_WITHOUT_TABLE_IMAGES);
                }
                case "/images/table.png", "/images/logo.png" -> {
                    imagesServed.add(exchange.getRequestURI().getPath());
                    exchange.sendResponseHeaders(200, TABLE_IMAGE.length);
                    exchange.getResponseBody().write(TABLE_IMAGE);
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
                new IngestProperties.Fetch(Duration.ofSeconds(5), DEADLINE, 5, 20, DataSize.ofMegabytes(4)), null, null, List.of());
        incoming = new Incoming(properties);
        fetcher = new DocumentFetcher(properties, incoming, new OutboundHttp(true, "nianbao-test"),
                new DocumentMemory(DataSize.ofMegabytes(64)));
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

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aPageIsStoredWithTheImagesOfItsTablesPutInAndOnlyThoseItsPortalMayFetch(CapturedOutput log) throws Exception {
        byte[] stored;
        try (ReceivedDocument fetched = fetcher.fetch(url("/report.html"), PAGE_PORTAL, MAX)) {
            stored = fetched.bytes();
            assertThat(fetched.fileName()).isEqualTo("report.html");
        }

        assertThat(imagesServed).as("the logo stands outside the tables").containsExactly("/images/table.png");
        List<DocumentImage> images = DocumentImages.of(stored);
        assertThat(images).singleElement().satisfies(image -> {
            assertThat(image.render().getWidth()).isEqualTo(320);
            assertThat(image.render().getHeight()).isEqualTo(90);
        });
        String page = TextDecoder.decode(stored, true);
        assertThat(page).contains("<img src='data:image/png;base64,", "alt=\"表三\"", "<img src=\"images/logo.png\">",
                "<img src=http://example.com/table.png>", "<img src=\"http://10.0.0.8/table.png\">");
        // The text reads as it did, the image's placeholder after its row.
        List<String> lines = HtmlExtractor.lines(page, ReadingLimits.start());
        assertThat(DocumentImages.withoutPlaceholders(lines))
                .isEqualTo(HtmlExtractor.lines(TextDecoder.decode(REPORT_PAGE, true), ReadingLimits.start()));
        assertThat(lines).contains(DocumentImages.placeholder(0));
        assertThat(log.getOut()).contains("table image http://example.com/table.png", "HOST_NOT_ALLOWED",
                "table image http://10.0.0.8/table.png", "ADDRESS_NOT_ALLOWED");

        try (ReceivedDocument again = fetcher.fetch(url("/report.html"), PAGE_PORTAL, MAX)) {
            assertThat(again.bytes()).as("a refetch stores the same bytes, so the report keeps its id").isEqualTo(stored);
        }
        assertThat(downloads()).isEmpty();
    }

    @Test
    void aPageWithoutTableImagesIsStoredAsFetched() throws IOException {
        try (ReceivedDocument fetched = fetcher.fetch(url("/no-table-images.html"), PAGE_PORTAL, MAX)) {
            assertThat(fetched.bytes()).isEqualTo(PAGE_WITHOUT_TABLE_IMAGES);
        }
        assertThat(imagesServed).isEmpty();
    }

    private static byte[] png(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY), "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private List<Path> downloads() throws IOException {
        try (Stream<Path> files = Files.walk(incomingDir)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
