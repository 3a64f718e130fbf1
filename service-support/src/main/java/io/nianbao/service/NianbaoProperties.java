package io.nianbao.service;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The settings every service needs to reach the pipeline ({@code nianbao-stream.yaml}), checked at
 * startup: a blank or malformed broker address or registry URL stops the service with Spring Boot's
 * one-paragraph "APPLICATION FAILED TO START" naming the property, before any client connects.
 */
@Validated
@ConfigurationProperties("nianbao")
public record NianbaoProperties(@Valid @NotNull(message = "is missing (NIANBAO_KAFKA_BOOTSTRAP_SERVERS)") Kafka kafka,
                                @Valid @NotNull(message = "is missing (NIANBAO_SCHEMA_REGISTRY_URL)") SchemaRegistry schemaRegistry,
                                @Valid @NotNull Topics topics) {

    /** @param bootstrapServers {@code host:port[,host:port…]} */
    public record Kafka(
            @NotBlank(message = "must name the Kafka brokers as host:port[,host:port…] (NIANBAO_KAFKA_BOOTSTRAP_SERVERS)")
            @Pattern(regexp = "\\s*[^\\s,]+:\\d+\\s*(,\\s*[^\\s,]+:\\d+\\s*)*",
                    message = "must be host:port[,host:port…] (NIANBAO_KAFKA_BOOTSTRAP_SERVERS)")
            String bootstrapServers) {
    }

    /** @param url base URL of the Confluent-API registry (Apicurio: {@code …/apis/ccompat/v7}) */
    public record SchemaRegistry(
            @NotBlank(message = "must be the schema registry's http(s) URL (NIANBAO_SCHEMA_REGISTRY_URL)")
            @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL (NIANBAO_SCHEMA_REGISTRY_URL)")
            String url) {
    }

    /**
     * @param deadLetterMaxBytes the largest record a dead-letter topic and its producers take: a dead
     *                           letter is its record plus the reason headers, so more than the topics
     *                           it stands for take (the broker's default, 1 MB)
     */
    public record Topics(@Min(1) int partitions, @Min(1) short replicationFactor,
                         @Min(value = 1_048_588, message = "must exceed the broker's default record limit (1048588 bytes)")
                         int deadLetterMaxBytes) {
    }
}
