package io.nianbao.watch;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local "portal" for the watcher to read: pages by path (with an ETag, answering 304 to a
 * request that sends it back), or any answer a test writes; 404 for the rest. It records every
 * request it gets.
 */
final class TestPortal implements AutoCloseable {

    /** A request as the portal got it. */
    record Request(String path, Instant at, String ifNoneMatch, String userAgent) {
    }

    interface Route {
        void answer(HttpExchange exchange) throws IOException;
    }

    private final HttpServer server;
    private final Map<String, Route> routes = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    TestPortal() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            requests.add(new Request(path, Instant.now(), exchange.getRequestHeaders().getFirst("If-None-Match"),
                    exchange.getRequestHeaders().getFirst("User-Agent")));
            try {
                Route route = routes.get(path);
                if (route == null) {
                    exchange.sendResponseHeaders(404, -1);
                } else {
                    route.answer(exchange);
                }
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    /** Serves the page at the path, with an ETag of its bytes: a request sending it back gets 304. */
    void page(String path, byte[] body) {
        String etag = "\"" + sha256(body) + "\"";
        routes.put(path, exchange -> {
            exchange.getResponseHeaders().add("ETag", etag);
            if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        });
    }

    void page(String path, String html) {
        page(path, html.getBytes(StandardCharsets.UTF_8));
    }

    void route(String path, Route route) {
        routes.put(path, route);
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The same portal under the name localhost: another host to the watcher's pacing. */
    String localhostUrl(String path) {
        return "http://localhost:" + server.getAddress().getPort() + path;
    }

    List<Request> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    List<Request> requestsUnder(String prefix) {
        return requests.stream().filter(r -> r.path().startsWith(prefix)).toList();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
