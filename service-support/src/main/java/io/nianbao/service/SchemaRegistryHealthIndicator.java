package io.nianbao.service;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Readiness of the schema registry: {@code GET <url>/subjects} answers 200 within {@link #TIMEOUT}.
 * Without the registry no record can be written or read, so the service is not ready.
 */
public final class SchemaRegistryHealthIndicator extends AbstractHealthIndicator {

    static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final URI subjects;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    public SchemaRegistryHealthIndicator(String registryUrl) {
        super("schema registry health check failed");
        this.subjects = URI.create(registryUrl.replaceAll("/+$", "") + "/subjects");
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        HttpResponse<Void> response = http.send(HttpRequest.newBuilder(subjects).timeout(TIMEOUT).build(),
                HttpResponse.BodyHandlers.discarding());
        builder.status(response.statusCode() == 200 ? Status.UP : Status.DOWN)
                .withDetail("url", subjects.toString()).withDetail("status", response.statusCode());
    }
}
