package io.nianbao.events.serde;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import java.util.Map;

/**
 * The serde of our events in the Confluent wire format, for Kafka Streams (events and stores).
 * Built by the binder from its class name (configured with {@code schema.registry.url} from the
 * streams configuration) or by hand with a registry client.
 */
public final class ConfluentAvroSerde<T extends SpecificRecord> implements Serde<T> {

    private final ConfluentAvroSerializer serializer;
    private final ConfluentAvroDeserializer deserializer;

    public ConfluentAvroSerde() {
        this(new ConfluentAvroSerializer(), new ConfluentAvroDeserializer());
    }

    public ConfluentAvroSerde(SchemaRegistryClient registry) {
        this(new ConfluentAvroSerializer(registry), new ConfluentAvroDeserializer(registry));
    }

    private ConfluentAvroSerde(ConfluentAvroSerializer serializer, ConfluentAvroDeserializer deserializer) {
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
