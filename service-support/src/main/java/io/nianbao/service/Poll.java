package io.nianbao.service;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.converter.BatchMessagingMessageConverter;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.messaging.Message;

import java.util.List;

/**
 * The records of one poll, as a batch binding ({@code batch-mode: true}) hands them to its function.
 * Such a binding names {@value #CONVERTER} as its {@code converter-bean-name}: the function then
 * gets the records themselves, headers, offsets and undecodable ones included.
 */
public final class Poll {

    /** The converter bean a batch binding names (StreamSupportConfiguration). */
    public static final String CONVERTER = "rawRecords";

    private static final LogAccessor LOG = new LogAccessor(Poll.class);

    private Poll() {
    }

    static BatchMessagingMessageConverter rawRecordsConverter() {
        BatchMessagingMessageConverter converter = new BatchMessagingMessageConverter();
        converter.setRawRecordHeader(true);
        return converter;
    }

    /** The poll's records, in the order the broker gave them. */
    public static List<ConsumerRecord<?, ?>> recordsOf(Message<?> poll) {
        @SuppressWarnings("unchecked")
        List<ConsumerRecord<?, ?>> records = poll.getHeaders().get(KafkaHeaders.RAW_DATA, List.class);
        if (records == null) {
            throw new IllegalStateException("no " + KafkaHeaders.RAW_DATA + " header: the binding must name the "
                    + CONVERTER + " converter");
        }
        return records;
    }

    /** Why the record's value could not be deserialized (it is then null), or null when it could. */
    static DeserializationException undecodable(ConsumerRecord<?, ?> record) {
        return SerializationUtils.getExceptionFromHeader(record, SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, LOG);
    }
}
