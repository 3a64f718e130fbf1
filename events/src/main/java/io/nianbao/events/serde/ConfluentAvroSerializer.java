package io.nianbao.events.serde;

import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes Avro SpecificRecords in the Confluent wire format, registering the writer schema under
 * {@code <topic>-value} (TopicNameStrategy) and setting the subject's compatibility (BACKWARD by
 * default) before its first registration, so the registry refuses incompatible changes.
 */
public final class ConfluentAvroSerializer implements Serializer<SpecificRecord> {

    private SchemaRegistryClient registry;
    private String compatibility = "BACKWARD";
    private final Map<Schema, SpecificDatumWriter<SpecificRecord>> writers = new ConcurrentHashMap<>();

    public ConfluentAvroSerializer() {
    }

    /** For code that builds its producer by hand (tests, the demo). */
    public ConfluentAvroSerializer(SchemaRegistryClient registry) {
        this.registry = registry;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        registry = SchemaRegistryClient.shared(WireFormat.registryUrl(configs));
        Object level = configs.get(WireFormat.COMPATIBILITY);
        if (level != null) {
            compatibility = level.toString();
        }
    }

    @Override
    public byte[] serialize(String topic, SpecificRecord record) {
        if (record == null) {
            return null;
        }
        Schema schema = record.getSchema();
        String subject = topic + "-value";
        try {
            registry.ensureCompatibility(subject, compatibility);
            int id = registry.register(subject, schema);
            ByteArrayOutputStream out = new ByteArrayOutputStream(256);
            out.write(WireFormat.MAGIC);
            out.write(ByteBuffer.allocate(4).putInt(id).array());
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            writers.computeIfAbsent(schema, SpecificDatumWriter::new).write(record, encoder);
            encoder.flush();
            return out.toByteArray();
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("cannot serialize " + schema.getFullName() + " for topic " + topic + ": " + e.getMessage(), e);
        }
    }
}
