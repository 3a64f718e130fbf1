package io.nianbao.ingest;

import io.nianbao.ingest.http.PortalAuthenticator;
import io.nianbao.localstack.LocalStack;
import io.nianbao.service.NianbaoServices;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * ingest-service started in the test JVM against the local stack, with test portals, and an HTTP
 * client that talks to it like a portal. Close it before the stack stops.
 */
final class IngestInstance implements AutoCloseable {

    static final String KEY = "test-portal-key";
    static final String REVOKED_KEY = "revoked-portal-key";
    static final String OTHER_KEY = "other-portal-key";
    static final String HMAC_SECRET = "test-portal-secret";
    /** Agencies the test portal may publish for. */
    static final String AGENCY_PREFIX = "it-";

    /** An agency id no other test uses, within the test portal's prefix. */
    static String newAgency() {
        return AGENCY_PREFIX + UUID.randomUUID();
    }
    static final DataSize MEMORY_BUDGET = DataSize.ofMegabytes(2);

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** An HTTP answer with its JSON body. */
    record Reply(int status, JsonNode body) {
        String reason() {
            return body.path("reason").asString(null);
        }

        String reportId() {
            return body.path("reportId").asString(null);
        }

        boolean duplicate() {
            return body.path("duplicate").asBoolean(false);
        }
    }

    private final ConfigurableApplicationContext context;
    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private IngestInstance(ConfigurableApplicationContext context) {
        this.context = context;
        this.baseUrl = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
    }

    static IngestInstance start(LocalStack stack, Map<String, String> overrides) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("server.port", "0");
        properties.put("nianbao.kafka.bootstrap-servers", stack.bootstrapServers());
        properties.put("nianbao.schema-registry.url", stack.schemaRegistryUrl());
        properties.put("nianbao.documents.dir", stack.dataDir().resolve("documents").toString());
        properties.put("nianbao.ingest.max-document-size", "1MB");
        properties.put("nianbao.ingest.inline-limit", "64KB");
        properties.put("nianbao.documents.memory-budget", MEMORY_BUDGET.toBytes() + "B");
        portal(properties, 0, "test-portal", KEY, AGENCY_PREFIX + "*", false);
        properties.put("nianbao.ingest.portals[0].hmac-secret", HMAC_SECRET);
        List<String> hosts = List.of("127.0.0.1", "localhost", "10.0.0.8");
        for (int i = 0; i < hosts.size(); i++) {
            properties.put("nianbao.ingest.portals[0].url-hosts[" + i + "]", hosts.get(i));
        }
        portal(properties, 1, "revoked-portal", REVOKED_KEY, "*", true);
        portal(properties, 2, "other-portal", OTHER_KEY, "other-*", false);
        properties.putAll(overrides);
        List<String> args = new ArrayList<>();
        properties.forEach((key, value) -> args.add("--" + key + "=" + value));
        NianbaoServices.allowAvroEventClasses();
        return new IngestInstance(NianbaoServices.run(IngestServiceApplication.class, args.toArray(String[]::new)));
    }

    private static void portal(Map<String, String> properties, int index, String id, String key, String agencies, boolean revoked) {
        String prefix = "nianbao.ingest.portals[" + index + "].";
        properties.put(prefix + "id", id);
        properties.put(prefix + "key-sha256", Digests.sha256Hex(key.getBytes(StandardCharsets.UTF_8)));
        properties.put(prefix + "agencies[0]", agencies);
        properties.put(prefix + "revoked", Boolean.toString(revoked));
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    Reply postJson(String key, Map<String, Object> body) throws Exception {
        return send(request("/api/v1/reports", key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build());
    }

    Reply upload(String key, Map<String, String> fields, String fileName, byte[] document) throws Exception {
        String boundary = "it-" + UUID.randomUUID();
        return send(request("/api/v1/reports", key).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(boundary, fields, fileName, document))).build());
    }

    /** A request signed with the test portal's HMAC secret instead of the key. */
    Reply signedJson(Map<String, Object> body, Instant at, String secret) throws Exception {
        byte[] bytes = JSON.writeValueAsBytes(body);
        String timestamp = Long.toString(at.getEpochSecond());
        String signed = "POST\n/api/v1/reports\n" + timestamp + "\n" + Digests.sha256Hex(bytes);
        return send(request("/api/v1/reports", null).header("Content-Type", "application/json")
                .header(PortalAuthenticator.PORTAL, "test-portal")
                .header(PortalAuthenticator.TIMESTAMP, timestamp)
                .header(PortalAuthenticator.SIGNATURE, HexFormat.of().formatHex(PortalAuthenticator.hmacSha256(secret, signed)))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build());
    }

    /** Any request: for refusals of a method, a media type or a body the API does not take. */
    Reply send(String method, String path, String key, String contentType, byte[] body) throws Exception {
        HttpRequest.Builder request = request(path, key).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        return send(contentType == null ? request.build() : request.header("Content-Type", contentType).build());
    }

    Reply get(String path, String key) throws Exception {
        return send(request(path, key).GET().build());
    }

    /** The body of an unauthenticated GET as text (the actuator's Prometheus page). */
    String getText(String path) throws Exception {
        return http.send(request(path, null).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private HttpRequest.Builder request(String path, String key) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60));
        return key == null ? builder : builder.header(PortalAuthenticator.API_KEY, key);
    }

    private Reply send(HttpRequest request) throws Exception {
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        JsonNode body = response.body().length == 0 ? JSON.createObjectNode() : JSON.readTree(response.body());
        return new Reply(response.statusCode(), body);
    }

    private static byte[] multipart(String boundary, Map<String, String> fields, String fileName, byte[] document) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((name, value) -> part(body, boundary, "Content-Disposition: form-data; name=\"" + name + "\"",
                value.getBytes(StandardCharsets.UTF_8)));
        if (document != null) {
            part(body, boundary, "Content-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
                    + "Content-Type: application/octet-stream", document);
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    private static void part(ByteArrayOutputStream body, String boundary, String headers, byte[] content) {
        body.writeBytes(("--" + boundary + "\r\n" + headers + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }

    String baseUrl() {
        return baseUrl;
    }

    @Override
    public void close() {
        http.close();
        context.close();
    }
}
