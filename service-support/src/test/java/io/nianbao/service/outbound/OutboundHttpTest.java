package io.nianbao.service.outbound;

import com.sun.net.httpserver.HttpServer;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The address policy against a real local server: refused as a given URL, reachable as a configured service, that host alone. */
class OutboundHttpTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final OutboundHttp outbound = new OutboundHttp(false, "nianbao-test");
    private HttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String url(String host) {
        return "http://" + host + ":" + server.getAddress().getPort() + "/";
    }

    private static int status(CloseableHttpClient client, String url) throws IOException {
        try (client) {
            return client.execute(new HttpGet(url), response -> response.getCode());
        }
    }

    @Test
    void aLoopbackAddressIsRefusedToAGivenUrl() {
        assertThatThrownBy(() -> status(outbound.client(TIMEOUT, TIMEOUT), url("127.0.0.1")))
                .isInstanceOf(OutboundHttp.ForbiddenAddress.class);
    }

    @Test
    void theConfiguredServiceIsReachedOnItsPrivateAddressAndNoOtherHost() throws IOException {
        URI ingest = URI.create(url("127.0.0.1"));
        assertThat(status(outbound.serviceClient(ingest, TIMEOUT, TIMEOUT), ingest.toString())).isEqualTo(204);
        assertThatThrownBy(() -> status(outbound.serviceClient(ingest, TIMEOUT, TIMEOUT), url("localhost")))
                .as("another host resolving to loopback").isInstanceOf(OutboundHttp.ForbiddenAddress.class);
    }
}
