package io.nianbao.events.serde;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.avro.Schema;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A small client for the Confluent Schema Registry REST API — the subset the serde needs. It works
 * against Confluent's registry and against Apicurio's compatibility endpoint ({@code /apis/ccompat/v7}).
 * Ids are cached both ways, so a registry round trip happens once per schema per process.
 */
public final class SchemaRegistryClient {

    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, SchemaRegistryClient> SHARED = new ConcurrentHashMap<>();

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<Registration, CompletableFuture<Integer>> idBySubjectAndSchema = new ConcurrentHashMap<>();
    private final Map<Integer, Schema> schemaById = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<String>> compatibilitySet = new ConcurrentHashMap<>();

    public SchemaRegistryClient(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** One client per registry URL in a process, so every serializer and deserializer shares its caches. */
    public static SchemaRegistryClient shared(String baseUrl) {
        return SHARED.computeIfAbsent(baseUrl, SchemaRegistryClient::new);
    }

    public String baseUrl() {
        return baseUrl;
    }

    /**
     * Registers {@code schema} under {@code subject} (or finds it registered) and returns its global id.
     * Concurrent first uses of one schema share a single request: a burst of producer threads must
     * not become a burst of identical registrations against the registry.
     */
    public int register(String subject, Schema schema) {
        return once(idBySubjectAndSchema, new Registration(subject, schema), () -> {
            JsonNode answer = send("POST", "/subjects/" + encode(subject) + "/versions", Map.of("schema", schema.toString()));
            int id = answer.get("id").asInt();
            schemaById.putIfAbsent(id, schema);
            return id;
        });
    }

    /**
     * Sets the subject's compatibility level, once per process and level: every producer thread's
     * serializer asks for it before its first record, and concurrent first settings raced in the
     * registry ("rule already exists").
     */
    public void ensureCompatibility(String subject, String level) {
        once(compatibilitySet, subject + '\u0000' + level, () -> {
            setCompatibility(subject, level);
            return level;
        });
    }

    /**
     * The value {@code work} computes for {@code key}, computed once however many threads ask at the
     * same time; a failure is forgotten, so the next call tries again.
     */
    private static <K, V> V once(Map<K, CompletableFuture<V>> results, K key, Supplier<V> work) {
        // Every serialized record asks: the common case, already known, allocates nothing.
        CompletableFuture<V> known = results.get(key);
        if (known != null) {
            return join(known);
        }
        CompletableFuture<V> mine = new CompletableFuture<>();
        CompletableFuture<V> first = results.putIfAbsent(key, mine);
        if (first != null) {
            return join(first);
        }
        try {
            V value = work.get();
            mine.complete(value);
            return value;
        } catch (RuntimeException e) {
            results.remove(key, mine);
            mine.completeExceptionally(e);
            throw e;
        }
    }

    private static <V> V join(CompletableFuture<V> result) {
        try {
            return result.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /**
     * A cache key that hashes the schema (Avro caches a schema's hash) instead of printing it as
     * JSON: a key built from {@code schema.toString()} cost every serialized record that printing.
     */
    private record Registration(String subject, Schema schema) {
    }

    /** The schema registered under {@code id}. */
    public Schema schemaById(int id) {
        return schemaById.computeIfAbsent(id, missing -> {
            JsonNode answer = send("GET", "/schemas/ids/" + missing, null);
            return new Schema.Parser().parse(answer.get("schema").asText());
        });
    }

    /**
     * Sets the compatibility level of a subject, e.g. "BACKWARD". Apicurio answers 409 when another
     * process created the subject's rule at the same moment; the rule then exists and a second PUT
     * updates it.
     */
    public void setCompatibility(String subject, String level) {
        try {
            send("PUT", "/config/" + encode(subject), Map.of("compatibility", level));
        } catch (SchemaRegistryException e) {
            if (e.status() != 409) {
                throw e;
            }
            send("PUT", "/config/" + encode(subject), Map.of("compatibility", level));
        }
    }

    /** The compatibility level set on {@code subject}, or null when it has none of its own. */
    public String compatibility(String subject) {
        try {
            JsonNode answer = send("GET", "/config/" + encode(subject), null);
            JsonNode level = answer.has("compatibilityLevel") ? answer.get("compatibilityLevel") : answer.get("compatibility");
            return level == null ? null : level.asText();
        } catch (SchemaRegistryException e) {
            if (e.status() == 404) {
                return null;
            }
            throw e;
        }
    }

    private JsonNode send(String method, String path, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .timeout(Duration.ofSeconds(10))
                    .header("Accept", CONTENT_TYPE);
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", CONTENT_TYPE)
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new SchemaRegistryException(response.statusCode(),
                        method + " " + path + " → " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new SchemaRegistryException(-1, "schema registry " + baseUrl + " unreachable: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaRegistryException(-1, "interrupted while calling the schema registry");
        }
    }

    private static String encode(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8);
    }
}
