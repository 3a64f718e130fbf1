package io.nianbao.service;

import io.nianbao.events.serde.ConfluentAvroSerializer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Value serializer of the dead-letter topics: the DLQ must hold the bytes the consumer met.
 * <ul>
 *   <li>A record that could not be deserialized reaches the binder with a null value and its
 *       original bytes inside the ErrorHandlingDeserializer's exception header: those bytes are
 *       written unchanged (and the bulky Java-serialized header dropped; the binder adds the
 *       reason as {@code x-exception-message}).</li>
 *   <li>A record that failed in processing arrives decoded and is written back in the Confluent
 *       wire format.</li>
 * </ul>
 * The binder's reason headers quote the failed message, whose toString can hold a whole document:
 * they are cut to {@value #MAX_REASON_BYTES} bytes so the dead letter fits in a Kafka record.
 */
public final class DeadLetterSerializer implements Serializer<Object> {

    private static final LogAccessor LOG = new LogAccessor(DeadLetterSerializer.class);

    static final int MAX_REASON_BYTES = 16 * 1024;
    private static final List<String> REASON_HEADERS = List.of("x-exception-message", "x-exception-stacktrace");

    private final ConfluentAvroSerializer avro = new ConfluentAvroSerializer();

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        avro.configure(configs, isKey);
    }

    @Override
    public byte[] serialize(String topic, Object value) {
        return serialize(topic, null, value);
    }

    @Override
    public byte[] serialize(String topic, Headers headers, Object value) {
        if (headers != null) {
            REASON_HEADERS.forEach(name -> truncate(headers, name));
        }
        return switch (value) {
            case null -> originalBytesOfUndecodableRecord(headers);
            case byte[] bytes -> bytes;
            case SpecificRecord record -> avro.serialize(topic, record);
            default -> throw new SerializationException("cannot dead-letter a " + value.getClass().getName());
        };
    }

    private static void truncate(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        if (header != null && header.value() != null && header.value().length > MAX_REASON_BYTES) {
            byte[] cut = Arrays.copyOf(header.value(), MAX_REASON_BYTES);
            headers.remove(name);
            headers.add(name, cut);
        }
    }

    private static byte[] originalBytesOfUndecodableRecord(Headers headers) {
        if (headers == null) {
            return null;
        }
        Header header = headers.lastHeader(SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER);
        if (header == null) {
            return null;
        }
        DeserializationException failure = SerializationUtils.byteArrayToDeserializationException(LOG, header);
        headers.remove(SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER);
        return failure == null ? null : failure.getData();
    }
}
