package io.nianbao.validate;

import io.nianbao.service.DeadLetters;
import io.nianbao.service.Outages;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A record validate-service cannot deserialize (bytes that are not our Avro) or fails on while
 * processing it (well-formed Avro of a type its topics do not carry, a report a rule throws on)
 * goes to its topic's DLQ as the bytes it arrived as, with the reason in the
 * {@code kafka_dlt-exception-*} headers ({@link DeadLetters}), and the stream goes on. Logging and
 * skipping it, as Kafka Streams' handlers do, lost the report without a trace on any topic. A
 * dead letter the broker refuses fails the stream thread, which is replaced and takes the record
 * again.
 *
 * <p>A record that could not be deserialized because the schema registry is away ({@link Outages})
 * is good: it is not dead-lettered. The thread waits {@link #OUTAGE_PAUSE} and fails; its successor
 * reads the record again, until the registry answers.
 *
 * <p>Kafka Streams makes each handler from this class's name ({@code processing.exception.handler},
 * {@code deserialization.exception.handler}); the service's {@link DeadLetters} comes with the
 * streams configuration, under {@value #DEAD_LETTERS}.
 */
public final class DeadLetteringExceptionHandler implements ProcessingExceptionHandler, DeserializationExceptionHandler {

    static final String DEAD_LETTERS = "nianbao.dead-letters";
    /** How long a thread waits for the registry before it fails and its successor tries again. */
    static final Duration OUTAGE_PAUSE = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(DeadLetteringExceptionHandler.class);

    private DeadLetters deadLetters;

    @Override
    public void configure(Map<String, ?> configs) {
        if (!(configs.get(DEAD_LETTERS) instanceof DeadLetters given)) {
            throw new IllegalStateException("no " + DEAD_LETTERS + " in the streams configuration");
        }
        deadLetters = given;
    }

    @Override
    public ProcessingHandlerResponse handle(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        log.error("processing {}-{}@{} failed: dead-lettered", context.topic(), context.partition(), context.offset(), exception);
        return deadLetter(context, context.sourceRawKey(), context.sourceRawValue(), exception)
                ? ProcessingHandlerResponse.CONTINUE : ProcessingHandlerResponse.FAIL;
    }

    @Override
    public DeserializationHandlerResponse handle(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record,
                                                 Exception exception) {
        if (Outages.isOutage(exception)) {
            log.warn("record {}-{}@{} waits for the schema registry: {}", record.topic(), record.partition(), record.offset(),
                    NestedExceptionUtils.getMostSpecificCause(exception).toString());
            try {
                Thread.sleep(OUTAGE_PAUSE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return DeserializationHandlerResponse.FAIL;
        }
        log.error("record {}-{}@{} cannot be deserialized: dead-lettered", record.topic(), record.partition(), record.offset(),
                exception);
        return deadLetter(context, record.key(), record.value(), exception)
                ? DeserializationHandlerResponse.CONTINUE : DeserializationHandlerResponse.FAIL;
    }

    /** True if the record's original bytes are in its DLQ. */
    private boolean deadLetter(ErrorHandlerContext context, byte[] key, byte[] value, Exception exception) {
        ConsumerRecord<String, byte[]> original = new ConsumerRecord<>(context.topic(), context.partition(), context.offset(),
                context.timestamp(), TimestampType.CREATE_TIME, key == null ? -1 : key.length, value == null ? -1 : value.length,
                key == null ? null : new String(key, StandardCharsets.UTF_8), value,
                new RecordHeaders(context.headers().toArray()), Optional.empty());
        try {
            deadLetters.deadLetter(original, exception);
            return true;
        } catch (RuntimeException refused) {
            log.error("cannot dead-letter {}-{}@{}: the stream thread stops and its successor takes the record again",
                    context.topic(), context.partition(), context.offset(), refused);
            return false;
        }
    }
}
