package io.nianbao.validate;

import io.nianbao.events.serde.ConfluentAvroDeserializer;
import io.nianbao.events.serde.ConfluentAvroSerializer;
import io.nianbao.events.serde.SchemaRegistryClient;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import java.util.Map;

/**
 * Kafka Streams serde of the events and of the report store: the Confluent wire format of the
 * other services. Built by the binder from its class name (configured with {@code schema.registry.url}
 * from the streams configuration) or by hand with a registry client.
 */
public final class AvroSerde<T extends SpecificRecord> implements Serde<T> {

    private final ConfluentAvroSerializer serializer;
    private final ConfluentAvroDeserializer deserializer;

    public AvroSerde() {
        this(new ConfluentAvroSerializer(), new ConfluentAvroDeserializer());
    }

    public AvroSerde(SchemaRegistryClient registry) {
        this(new ConfluentAvroSerializer(registry), new ConfluentAvroDeserializer(registry));
    }

    private AvroSerde(ConfluentAvroSerializer serializer, ConfluentAvroDeserializer deserializer) {
        this.serializer = serializer;
        this.deserializer = deserializer;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        serializer.configure(configs, isKey);
        deserializer.configure(configs, isKey);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Serializer<T> serializer() {
        return (Serializer<T>) (Serializer<?>) serializer;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Deserializer<T> deserializer() {
        return (topic, data) -> (T) deserializer.deserialize(topic, data);
    }
}
