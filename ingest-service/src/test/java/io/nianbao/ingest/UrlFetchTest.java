package io.nianbao.ingest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.nianbao.core.extract.DocumentImages;
import io.nianbao.events.TopicClient;
import io.nianbao.events.Topics;
import io.nianbao.localstack.LocalStack;
import io.nianbao.localstack.LocalStackExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

import static io.nianbao.ingest.IngestInstance.KEY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fetching by URL from a local server: only possible with loopback allowed, as here (production
 * refuses it, see {@link IngestServiceTest}); every other special-purpose address stays refused.
 */
@ExtendWith(LocalStackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UrlFetchTest {

    private static final byte[] REPORT = "某某局2024年政府信息公开工作年度报告\n一、总体情况\n按网址提交\n".getBytes(StandardCharsets.UTF_8);

    /** A report page whose table is a picture of its own site, beside one of a host its portal has not registered. */
    private static final byte[] PAGE = """
            <html><body><p>某某局2024年政府信息公开工作年度报告</p><p>三、收到和处理政府信息公开申请情况</p>
            <table><tr><td><img src="/images/table.png"></td><td><img src="http://example.com/t.png"></td></tr></table>
            </body></html>""".getBytes(StandardCharsets.UTF_8);
    private static final byte[] TABLE_IMAGE = png();

    private HttpServer portalSite;
    private IngestInstance ingest;
    private TopicClient topics;

    @BeforeAll
    void start(LocalStack stack) throws IOException {
        portalSite = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        portalSite.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            switch (path) {
                case "/files/report.txt" -> {
                    exchange.sendResponseHeaders(200, REPORT.length);
                    exchange.getResponseBody().write(REPORT);
                }
                case "/report.html" -> {
                    exchange.sendResponseHeaders(200, PAGE.length);
                    exchange.getResponseBody().write(PAGE);
                }
                case "/images/table.png" -> {
                    exchange.sendResponseHeaders(200, TABLE_IMAGE.length);
                    exchange.getResponseBody().write(TABLE_IMAGE);
                }
                case "/to-private" -> redirect(exchange, "http://10.0.0.8/files/report.txt");
                case "/to-elsewhere" -> redirect(exchange, "http://example.com/files/report.txt");
                case "/to-report" -> redirect(exchange, "/files/report.txt");
                case "/loop" -> redirect(exchange, "/loop");
                case "/big" -> {
                    exchange.sendResponseHeaders(200, 0); // chunked, no length to check up front
                    byte[] chunk = new byte[64 * 1024];
                    Arrays.fill(chunk, (byte) 'a');
                    for (int i = 0; i < 40; i++) {
                        exchange.getResponseBody().write(chunk);
                    }
                }
                default -> exchange.sendResponseHeaders(404, -1);
            }
            exchange.close();
        });
        portalSite.start();
        ingest = IngestInstance.start(stack, Map.of("nianbao.outbound.allow-loopback", "true"));
        topics = new TopicClient(stack.bootstrapServers(), stack.schemaRegistryUrl());
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().add("Location", location);
        exchange.sendResponseHeaders(302, -1);
    }

    @AfterAll
    void stop() {
        if (topics != null) {
            topics.close();
        }
        if (ingest != null) {
            ingest.close();
        }
        if (portalSite != null) {
            portalSite.stop(0);
        }
    }

    private String url(String path) {
        return "http://127.0.0.1:" + portalSite.getAddress().getPort() + path;
    }

    @Test
    void aDocumentByUrlLeadsToTheSameReportAsTheUpload() throws Exception {
        String agency = IngestInstance.newAgency();
        IngestInstance.Reply fetched = ingest.postJson(KEY, Map.of("agencyId", agency, "year", 2024, "documentUrl", url("/to-report")));
        IngestInstance.Reply uploaded = ingest.upload(KEY, Map.of("agencyId", agency, "year", "2024"), "report.txt", REPORT);

        assertThat(fetched.status()).as(fetched.body().toString()).isEqualTo(202);
        assertThat(uploaded.reportId()).isEqualTo(fetched.reportId());
        assertThat(uploaded.duplicate()).isTrue();
        assertThat(topics.values(Topics.INGESTED, r -> r.getAgencyId().equals(agency)))
                .singleElement().satisfies(r -> {
                    assertThat(r.getFileName()).isEqualTo("report.txt");
                    assertThat(r.getSha256()).isEqualTo(Digests.sha256Hex(REPORT));
                    assertThat(r.getDocumentUrl()).as("the URL the portal gave, before its redirect")
                            .isEqualTo(url("/to-report"));
                });
    }

    @Test
    void aPageIsIngestedWithItsTableImagePutInAndARefetchKeepsItsId() throws Exception {
        String agency = IngestInstance.newAgency();
        Map<String, Object> submission = Map.of("agencyId", agency, "year", 2024, "documentUrl", url("/report.html"));

        IngestInstance.Reply first = ingest.postJson(KEY, submission);
        IngestInstance.Reply again = ingest.postJson(KEY, submission);

        assertThat(first.status()).as(first.body().toString()).isEqualTo(202);
        assertThat(again.reportId()).isEqualTo(first.reportId());
        assertThat(again.duplicate()).isTrue();
        assertThat(topics.values(Topics.INGESTED, r -> r.getAgencyId().equals(agency))).singleElement().satisfies(r -> {
            byte[] document = new byte[r.getDocument().remaining()];
            r.getDocument().duplicate().get(document);
            assertThat(r.getMediaType()).isEqualTo("text/html");
            assertThat(r.getSha256()).as("the digest of the page as stored").isEqualTo(Digests.sha256Hex(document));
            assertThat(DocumentImages.of(document)).singleElement()
                    .satisfies(image -> assertThat(image.render().getWidth()).isEqualTo(200));
        });
    }

    private static byte[] png() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(new BufferedImage(200, 50, BufferedImage.TYPE_BYTE_GRAY), "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    @Test
    void eachRedirectIsCheckedAgain() throws Exception {
        assertRefused(url("/to-private"), 403, "ADDRESS_NOT_ALLOWED");
        assertRefused(url("/to-elsewhere"), 403, "HOST_NOT_ALLOWED");
        assertRefused(url("/loop"), 422, "FETCH_FAILED");
        assertRefused("http://10.0.0.8:1/files/report.txt", 403, "ADDRESS_NOT_ALLOWED");
    }

    @Test
    void sizeAndStatusAreChecked() throws Exception {
        assertRefused(url("/big"), 413, "TOO_LARGE");
        assertRefused(url("/missing"), 422, "FETCH_FAILED");
    }

    private void assertRefused(String documentUrl, int status, String reason) throws Exception {
        IngestInstance.Reply reply = ingest.postJson(KEY, Map.of("agencyId", IngestInstance.newAgency(),
                "documentUrl", documentUrl));
        assertThat(reply.status()).as(documentUrl + " " + reply.body()).isEqualTo(status);
        assertThat(reply.reason()).isEqualTo(reason);
    }
}
