package io.nianbao.watch;

import io.nianbao.events.ReportPublished;
import io.nianbao.service.outbound.OutboundHttp;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.entity.mime.HttpMultipartMode;
import org.apache.hc.client5.http.entity.mime.MultipartEntityBuilder;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Hands ingest-service a report too large for report.published (whose record carries the document
 * inline, within Kafka's 1 MB) through its upload API, as the portal the watcher is: {@code POST
 * /api/v1/reports}, multipart, the fetched bytes as {@code file} and the report's metadata as
 * fields, authenticated by {@code X-Api-Key}. The bytes, never the URL: ingest must not fetch the
 * page again. The same bytes for the same agency and year are one report id to ingest, so an
 * upload sent again (a check cut short before the column's memory was saved) is a duplicate.
 */
public final class IngestUpload implements AutoCloseable {

    /** How ingest answered. */
    public sealed interface Answer {
    }

    /** 202: taken (or taken before: {@code duplicate}). */
    public record Accepted(String reportId, boolean duplicate) implements Answer {
    }

    /** Refused for good (4xx but 401): the report as it is will not be taken; sending it again changes nothing. */
    public record Refused(int status, String reason, String message) implements Answer {
    }

    /** Not now: ingest unreachable, failing (5xx) or not knowing our key (401, a configuration to fix); try at the next check. */
    public record NotNow(String why) implements Answer {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI reports;
    private final String apiKey;
    private final CloseableHttpClient http;

    /**
     * @param ingestUrl ingest-service's base URL, e.g. {@code http://ingest-service:8080}
     * @param apiKey    the watcher portal's API key (ingest's portals file holds its SHA-256)
     */
    public IngestUpload(String ingestUrl, String apiKey, OutboundHttp outbound, Duration connectTimeout, Duration timeout) {
        URI base = URI.create(ingestUrl.endsWith("/") ? ingestUrl : ingestUrl + "/");
        this.reports = base.resolve("api/v1/reports");
        this.apiKey = apiKey;
        this.http = outbound.serviceClient(base, connectTimeout, timeout);
    }

    public Answer upload(ReportPublished report) {
        HttpPost post = new HttpPost(reports);
        post.setHeader("X-Api-Key", apiKey);
        MultipartEntityBuilder form = MultipartEntityBuilder.create().setMode(HttpMultipartMode.EXTENDED)
                .setCharset(StandardCharsets.UTF_8);
        field(form, "agencyId", report.getAgencyId());
        field(form, "agencyName", report.getAgencyName());
        field(form, "agencyLevel", report.getAgencyLevel() == null ? null : report.getAgencyLevel().name());
        field(form, "regionCode", report.getRegionCode());
        field(form, "year", Integer.toString(report.getYear()));
        field(form, "publishedOn", report.getPublishedOn());
        // Where the page was fetched: the report's link to its original, never fetched by ingest.
        field(form, "originUrl", report.getDocumentUrl());
        form.addBinaryBody("file", bytes(report.getDocument()), ContentType.APPLICATION_OCTET_STREAM,
                report.getFileName() == null ? "report.html" : report.getFileName());
        post.setEntity(form.build());
        try {
            return http.execute(post, response -> {
                String body = response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
                int status = response.getCode();
                if (status == 202) {
                    JsonNode answer = JSON.readTree(body);
                    return new Accepted(answer.path("reportId").asString(null), answer.path("duplicate").asBoolean(false));
                }
                if (status == 401 || status >= 500 || status < 400) {
                    return new NotNow("ingest answered " + status + ": " + body);
                }
                JsonNode answer = body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
                return new Refused(status, answer.path("reason").asString(null), answer.path("message").asString(null));
            });
        } catch (IOException | JacksonException e) {
            return new NotNow("ingest not reached at " + reports + ": " + e);
        }
    }

    private static void field(MultipartEntityBuilder form, String name, String value) {
        if (value != null) {
            form.addTextBody(name, value, ContentType.TEXT_PLAIN.withCharset(StandardCharsets.UTF_8));
        }
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }

    @Override
    public void close() throws IOException {
        http.close();
    }
}
