package io.nianbao.service;

import io.nianbao.events.serde.ConfluentAvroSerializer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;
import org.springframework.kafka.support.KafkaHeaders;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Value serializer of the dead-letter topics: the DLQ must hold the bytes the consumer met. A
 * record that could not be deserialized arrives as its original bytes and is written unchanged; a
 * record that failed in processing arrives decoded and is written back in the Confluent wire format.
 * The reason headers quote the failed message, whose toString can hold a whole document: they are
 * cut to {@value #MAX_REASON_BYTES} bytes so the dead letter fits in a Kafka record.
 */
public final class DeadLetterSerializer implements Serializer<Object> {

    static final int MAX_REASON_BYTES = 16 * 1024;
    private static final List<String> REASON_HEADERS = List.of(
            KafkaHeaders.DLT_EXCEPTION_MESSAGE, KafkaHeaders.DLT_EXCEPTION_STACKTRACE,
            KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN);

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
            case null -> null;
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
}
