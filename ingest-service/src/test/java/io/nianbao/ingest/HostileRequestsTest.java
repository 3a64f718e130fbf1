package io.nianbao.ingest;

import io.nianbao.core.extract.HostileDocuments.Hostile;
import io.nianbao.core.extract.HostileDocuments;
import io.nianbao.localstack.LocalStack;
import io.nianbao.localstack.LocalStackExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static io.nianbao.ingest.IngestInstance.KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Requests a hostile or careless portal sends: documents beyond a reading limit, metadata that
 * cannot be right, bodies Spring itself refuses, a body that never ends. Each is refused with a
 * reason code and a Chinese message, and nothing else of the service is held up.
 */
@ExtendWith(LocalStackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileRequestsTest {

    private static final Duration BODY_TIMEOUT = Duration.ofSeconds(3);
    private IngestInstance ingest;

    @BeforeAll
    void start(LocalStack stack) {
        ingest = IngestInstance.start(stack, Map.of(
                "nianbao.ingest.body-timeout", BODY_TIMEOUT.toSeconds() + "s",
                "nianbao.ingest.max-json-size", "64KB"));
    }

    @AfterAll
    void stop() {
        if (ingest != null) {
            ingest.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"pdf-arrays-200000-deep", "pdf-content-flate-bomb", "pdf-object-stream-flate-bomb",
            "html-60000-elements"})
    void aDocumentBeyondAReadingLimitIsRefusedAtOnceNamingTheLimit(String name) throws Exception {
        Hostile hostile = HostileDocuments.named(name);
        IngestInstance.Reply reply = ingest.upload(KEY, Map.of("agencyId", IngestInstance.newAgency()), name, hostile.bytes());
        assertRefused(reply, 422, "TOO_COMPLEX", "文件过于复杂：", hostile.limit());
    }

    @Test
    void metadataThatCannotBeRightIsRefused() throws Exception {
        assertRefused(ingest.postJson(KEY, Map.of("agencyId", IngestInstance.newAgency(), "publishedOn", "2099-01-01", "text", "年度报告")),
                422, "BAD_METADATA", "发布日期不能晚于今天");
        assertRefused(ingest.postJson(KEY, Map.of("agencyId", IngestInstance.AGENCY_PREFIX + "x".repeat(10_000), "text", "年度报告")),
                422, "BAD_METADATA", "机关标识（agencyId）应为1至128个字母");
        assertRefused(ingest.postJson(KEY, Map.of("agencyId", IngestInstance.newAgency(), "regionCode", "junk", "text", "年度报告")),
                422, "BAD_METADATA", "行政区划代码");
        assertRefused(ingest.postJson(KEY, Map.of("agencyId", IngestInstance.newAgency(), "regionCode", "990000", "text", "年度报告")),
                422, "BAD_METADATA", "行政区划代码");
        assertRefused(ingest.postJson(KEY, Map.of("agencyId", IngestInstance.newAgency(), "agencyName", "某局\r\nBcc: x", "text", "年度报告")),
                422, "BAD_METADATA", "机关名称");
        // Right ones pass: a county's code, a township's.
        assertThat(ingest.postJson(KEY, Map.of("agencyId", IngestInstance.newAgency(), "regionCode", "320804", "text", "年度报告")).status())
                .isEqualTo(202);
        assertThat(ingest.postJson(KEY, Map.of("agencyId", IngestInstance.newAgency(), "regionCode", "320804101", "text", "年度报告 乡镇")).status())
                .isEqualTo(202);
    }

    @Test
    void springsOwnRefusalsSpeakTheApisLanguage() throws Exception {
        assertRefused(ingest.upload(KEY, Map.of("agencyId", IngestInstance.newAgency(), "agencyLevel", "FOO"), "r.txt", "年度报告".getBytes(StandardCharsets.UTF_8)),
                400, "BAD_PARAMETER", "参数agencyLevel的值“FOO”无效，应为：");
        assertRefused(ingest.upload(KEY, Map.of("agencyId", IngestInstance.newAgency(), "year", "abc"), "r.txt", "年度报告".getBytes(StandardCharsets.UTF_8)),
                400, "BAD_PARAMETER", "应为整数");
        assertRefused(ingest.send("POST", "/api/v1/reports", KEY, "application/json", "{\"agencyId\":".getBytes(StandardCharsets.UTF_8)),
                400, "MALFORMED_BODY", "请求体不是有效的JSON");
        assertRefused(ingest.send("POST", "/api/v1/reports", KEY, "application/json",
                "{\"agencyId\":\"it-a\",\"year\":\"abc\"}".getBytes(StandardCharsets.UTF_8)), 400, "BAD_PARAMETER", "year");
        assertRefused(ingest.send("POST", "/api/v1/reports", KEY, "text/plain", "年度报告".getBytes(StandardCharsets.UTF_8)),
                415, "UNSUPPORTED_MEDIA_TYPE", "不支持的请求类型");
        assertRefused(ingest.send("PUT", "/api/v1/reports", KEY, "application/json", "{}".getBytes(StandardCharsets.UTF_8)),
                405, "METHOD_NOT_ALLOWED", "不支持的请求方法PUT");
        assertRefused(ingest.get("/api/v1/nothing/here", KEY), 404, "NOT_FOUND", "没有这个地址");
    }

    @Test
    void aJsonBodyOverItsLimitIsRefusedAsTooLarge() throws Exception {
        assertRefused(ingest.postJson(KEY, Map.of("agencyId", IngestInstance.newAgency(), "text", "年".repeat(30_000))), 413, "TOO_LARGE", "请求过大");
    }

    /** A client that sends a byte now and then is cut off at the body timeout, and the service answers others meanwhile. */
    @Test
    void aBodyThatDoesNotComeWithinItsTimeIsRefusedAndHoldsNobodyElse() throws Exception {
        URI base = URI.create(ingest.baseUrl());
        try (Socket slow = new Socket(base.getHost(), base.getPort())) {
            slow.setSoTimeout((int) Duration.ofSeconds(60).toMillis());
            OutputStream out = slow.getOutputStream();
            out.write(("POST /api/v1/reports HTTP/1.1\r\nHost: " + base.getHost() + "\r\nX-Api-Key: " + KEY
                    + "\r\nContent-Type: application/json\r\nContent-Length: 60000\r\n\r\n{").getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = slow.getInputStream();
            StringBuilder answer = new StringBuilder();
            // A byte a second, for at most a minute: the service must answer long before.
            for (int i = 0; i < 60 && in.available() == 0; i++) {
                assertThat(ingest.postJson(KEY, Map.of("agencyId", IngestInstance.newAgency(), "text", "年度报告 " + i)).status())
                        .as("another portal's submission meanwhile").isEqualTo(202);
                try {
                    out.write(' ');
                    out.flush();
                } catch (SocketException closed) {
                    break;
                }
                Thread.sleep(1000);
            }
            byte[] buffer = new byte[4096];
            for (int n; (n = in.read(buffer)) > 0 && !answer.toString().contains("}"); ) {
                answer.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            }
            assertThat(answer.toString()).startsWith("HTTP/1.1 408").contains("\"reason\":\"BODY_TIMEOUT\"")
                    .contains("请求体未在" + BODY_TIMEOUT.toSeconds() + "秒内传完");
        }
    }

    @Test
    void theServiceListensOnLoopbackOnly() throws Exception {
        InetAddress other = NetworkInterface.networkInterfaces().flatMap(NetworkInterface::inetAddresses)
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress()).findFirst().orElse(null);
        assumeTrue(other != null, "this machine has no address but loopback");
        int port = URI.create(ingest.baseUrl()).getPort();
        assertThatThrownBy(() -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(other, port), 5_000);
            }
        }).isInstanceOf(ConnectException.class);
    }

    private static void assertRefused(IngestInstance.Reply reply, int status, String reason, String... message) {
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(status);
        assertThat(reply.reason()).as(reply.body().toString()).isEqualTo(reason);
        assertThat(reply.body().path("message").asString()).as(reply.body().toString()).contains(message);
    }
}
