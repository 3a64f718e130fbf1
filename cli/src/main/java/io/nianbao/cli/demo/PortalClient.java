package io.nianbao.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Publishes reports the way a portal does: a multipart upload to ingest-service's HTTP API. */
public final class PortalClient {

    /**
     * What ingest-service answered.
     *
     * @param reportId set when accepted
     * @param reason   set when rejected, e.g. EMPTY, UNSUPPORTED_TYPE
     */
    public record Answer(int status, String reportId, String reason, String message) {
        public boolean accepted() {
            return status == 202;
        }
    }

    /** The demo portal as ServiceFleet registers it with ingest-service; portals producing to report.published name it. */
    public static final String DEMO_PORTAL_ID = "demo-portal";

    /** The demo portal's API key; ServiceFleet registers its SHA-256 with ingest-service. */
    private static final String DEMO_KEY = "demo-portal-key";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String ingestUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public PortalClient(String ingestUrl) {
        this.ingestUrl = ingestUrl;
    }

    public Answer publish(DemoReport report) throws IOException, InterruptedException {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("agencyId", report.agencyId());
        fields.put("agencyName", report.agencyName());
        fields.put("agencyLevel", report.level());
        fields.put("publishedOn", report.publishedOn());
        return upload(fields, report.fileName(), report.document());
    }

    /** A multipart upload with the given form fields (nulls left out) and, when not null, the file. */
    public Answer upload(Map<String, String> fields, String fileName, byte[] document) throws IOException, InterruptedException {
        String boundary = "nianbao-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, String> field : fields.entrySet()) {
            if (field.getValue() != null) {
                part(body, boundary, "Content-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n"
                        + "Content-Type: text/plain; charset=UTF-8", field.getValue().getBytes(StandardCharsets.UTF_8));
            }
        }
        if (document != null) {
            part(body, boundary, "Content-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
                    + "Content-Type: application/octet-stream", document);
        }
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(ingestUrl + "/api/v1/reports"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("X-Api-Key", DEMO_KEY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        JsonNode answer;
        try {
            answer = JSON.readTree(response.body());
        } catch (IOException notJson) {
            return new Answer(response.statusCode(), null, "HTTP_" + response.statusCode(), response.body());
        }
        String reason = text(answer, "reason");
        return new Answer(response.statusCode(), text(answer, "reportId"),
                reason != null || response.statusCode() == 202 ? reason : "HTTP_" + response.statusCode(), text(answer, "message"));
    }

    private static void part(ByteArrayOutputStream body, String boundary, String headers, byte[] content) throws IOException {
        body.write(("--" + boundary + "\r\n" + headers + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write("\r\n".getBytes(StandardCharsets.UTF_8));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
