package io.nianbao.service;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import java.nio.file.Path;
import java.util.Map;

/** What every nianbao service shares besides nianbao-stream.yaml. */
@AutoConfiguration
public class StreamSupportConfiguration {

    @Bean
    DeadLetters deadLetters(@Value("${nianbao.kafka.bootstrap-servers}") String bootstrapServers,
                            @Value("${nianbao.schema-registry.url}") String schemaRegistryUrl) {
        Map<String, Object> producer = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, DeadLetterSerializer.class,
                "schema.registry.url", schemaRegistryUrl);
        return new DeadLetters(new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(producer)));
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
