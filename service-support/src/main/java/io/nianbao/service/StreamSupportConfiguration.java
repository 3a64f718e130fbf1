package io.nianbao.service;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.cloud.stream.binder.kafka.utils.DlqDestinationResolver;
import org.springframework.context.annotation.Bean;

import java.nio.file.Path;

/** What every nianbao service shares besides nianbao-stream.yaml. */
@AutoConfiguration
public class StreamSupportConfiguration {

    /** Every topic's dead letters go to its {@code .dlq} twin, whichever service consumed it. */
    @Bean
    DlqDestinationResolver dlqDestinationResolver() {
        return (record, exception) -> record.topic() + ".dlq";
    }

    @Bean
    Rejections rejections(StreamBridge bridge) {
        return new Rejections(bridge);
    }

    @Bean
    DocumentStore documentStore(@Value("${nianbao.documents.dir}") Path dir) {
        return new DocumentStore(dir);
    }
}
