package io.nianbao.watch;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local stand-in for ingest-service's upload API, checking each request as its README documents
 * it: {@code POST /api/v1/reports}, {@code X-Api-Key}, {@code multipart/form-data} with the
 * metadata fields and the document as {@code file}. It answers 401 to another key, 400 to another
 * form, and 503 to the first {@code unavailable} uploads (ingest away), 202 to the rest, which it keeps.
 */
final class TestIngest implements AutoCloseable {

    /** An upload ingest took: its fields, its file's name and bytes. */
    record Upload(Map<String, String> fields, String fileName, byte[] file) {
    }

    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
    private static final Pattern DISPOSITION = Pattern.compile("name=\"([^\"]*)\"(?:; filename=\"([^\"]*)\")?");

    private final HttpServer server;
    private final String apiKey;
    private final AtomicInteger unavailable;
    private final List<Upload> uploads = new CopyOnWriteArrayList<>();
    private final AtomicInteger refused = new AtomicInteger();

    TestIngest(String apiKey, int unavailable) throws IOException {
        this.apiKey = apiKey;
        this.unavailable = new AtomicInteger(unavailable);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                answer(exchange);
            }
        });
        server.start();
    }

    private void answer(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        Matcher boundary = contentType == null ? null : BOUNDARY.matcher(contentType);
        if (!exchange.getRequestMethod().equals("POST") || !exchange.getRequestURI().getPath().equals("/api/v1/reports")) {
            reply(exchange, 404, "{\"status\":\"REJECTED\",\"reason\":\"NOT_FOUND\"}");
        } else if (!apiKey.equals(exchange.getRequestHeaders().getFirst("X-Api-Key"))) {
            reply(exchange, 401, "{\"status\":\"REJECTED\",\"reason\":\"UNAUTHENTICATED\"}");
        } else if (contentType == null || !contentType.startsWith("multipart/form-data") || !boundary.find()) {
            refused.incrementAndGet();
            reply(exchange, 400, "{\"status\":\"REJECTED\",\"reason\":\"MALFORMED_BODY\"}");
        } else if (unavailable.getAndDecrement() > 0) {
            reply(exchange, 503, "");
        } else {
            Upload upload = parse(body, boundary.group(1));
            if (upload.file() == null || !upload.fields().keySet().containsAll(List.of("agencyId", "year"))) {
                refused.incrementAndGet();
                reply(exchange, 400, "{\"status\":\"REJECTED\",\"reason\":\"MISSING_FIELD\"}");
                return;
            }
            uploads.add(upload);
            reply(exchange, 202, "{\"reportId\":\"r-" + uploads.size() + "\",\"status\":\"INGESTED\",\"duplicate\":false}");
        }
    }

    /** The parts of a multipart/form-data body: fields as UTF-8 text, the part named file as bytes. */
    private static Upload parse(byte[] body, String boundary) {
        String latin1 = new String(body, StandardCharsets.ISO_8859_1);
        String delimiter = "--" + boundary;
        Map<String, String> fields = new LinkedHashMap<>();
        String fileName = null;
        byte[] file = null;
        for (int start = latin1.indexOf(delimiter); start >= 0; ) {
            int headersStart = start + delimiter.length() + 2;
            int next = latin1.indexOf("\r\n" + delimiter, headersStart);
            if (next < 0 || latin1.startsWith("--", start + delimiter.length())) {
                break;
            }
            int headersEnd = latin1.indexOf("\r\n\r\n", headersStart);
            String headers = new String(Arrays.copyOfRange(body, headersStart, headersEnd), StandardCharsets.UTF_8);
            byte[] content = Arrays.copyOfRange(body, headersEnd + 4, next);
            Matcher disposition = DISPOSITION.matcher(headers);
            if (disposition.find()) {
                if (disposition.group(2) != null) {
                    fileName = disposition.group(2);
                    file = content;
                } else {
                    fields.put(disposition.group(1), new String(content, StandardCharsets.UTF_8));
                }
            }
            start = next + 2;
        }
        return new Upload(fields, fileName, file);
    }

    private static void reply(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Upload> uploads() {
        return uploads;
    }

    /** Requests refused as not what the API takes (a form without its file or fields). */
    int refused() {
        return refused.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
