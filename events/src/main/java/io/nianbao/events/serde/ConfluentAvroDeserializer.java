package io.nianbao.events.serde;

import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads the Confluent wire format into the generated SpecificRecord class named by the writer
 * schema, resolving the writer schema (fetched by id) against the class's own schema — so a
 * consumer built against an older contract still reads newer, BACKWARD-compatible records.
 */
public final class ConfluentAvroDeserializer implements Deserializer<SpecificRecord> {

    private SchemaRegistryClient registry;
    private final Map<Integer, SpecificDatumReader<SpecificRecord>> readers = new ConcurrentHashMap<>();

    public ConfluentAvroDeserializer() {
    }

    public ConfluentAvroDeserializer(SchemaRegistryClient registry) {
        this.registry = registry;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        registry = SchemaRegistryClient.shared(WireFormat.registryUrl(configs));
    }

    @Override
    public SpecificRecord deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (data.length < WireFormat.HEADER_LENGTH || data[0] != WireFormat.MAGIC) {
            throw new SerializationException("record on " + topic + " is not in the Confluent Avro wire format (no magic byte)");
        }
        int id = ByteBuffer.wrap(data, 1, 4).getInt();
        try {
            BinaryDecoder decoder = DecoderFactory.get()
                    .binaryDecoder(data, WireFormat.HEADER_LENGTH, data.length - WireFormat.HEADER_LENGTH, null);
            return readers.computeIfAbsent(id, this::readerFor).read(null, decoder);
        } catch (RuntimeException | java.io.IOException e) {
            throw new SerializationException("cannot read schema id " + id + " record on " + topic + ": " + e.getMessage(), e);
        }
    }

    private SpecificDatumReader<SpecificRecord> readerFor(int id) {
        Schema writer = registry.schemaById(id);
        Class<?> type = SpecificData.get().getClass(writer);
        if (type == null) {
            throw new SerializationException("no generated class for " + writer.getFullName() + " (schema id " + id + ")");
        }
        Schema reader = SpecificData.get().getSchema(type);
        return new SpecificDatumReader<>(writer, reader);
    }
}
