package io.nianbao.validate;

import io.nianbao.service.DeadLetters;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * A record validate-service fails on while processing it (well-formed Avro of a type its topics
 * do not carry, a report a rule throws on) goes to its topic's DLQ as the bytes it arrived as,
 * with the reason in the {@code kafka_dlt-exception-*} headers ({@link DeadLetters}), and the
 * stream goes on. Logging and skipping it, as before, lost the report without a trace on any
 * topic. A dead letter the broker refuses fails the stream thread, which is replaced and takes the
 * record again.
 *
 * <p>Kafka Streams makes the handler from its class name ({@code processing.exception.handler});
 * the service's {@link DeadLetters} comes with the streams configuration, under {@value #DEAD_LETTERS}.
 */
public final class DeadLetteringProcessingHandler implements ProcessingExceptionHandler {

    static final String DEAD_LETTERS = "nianbao.dead-letters";
    private static final Logger log = LoggerFactory.getLogger(DeadLetteringProcessingHandler.class);

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
        byte[] key = context.sourceRawKey();
        byte[] value = context.sourceRawValue();
        ConsumerRecord<String, byte[]> original = new ConsumerRecord<>(context.topic(), context.partition(), context.offset(),
                context.timestamp(), TimestampType.CREATE_TIME, key == null ? -1 : key.length, value == null ? -1 : value.length,
                key == null ? null : new String(key, StandardCharsets.UTF_8), value,
                new RecordHeaders(context.headers().toArray()), Optional.empty());
        try {
            deadLetters.deadLetter(original, exception);
            return ProcessingHandlerResponse.CONTINUE;
        } catch (RuntimeException refused) {
            log.error("cannot dead-letter {}-{}@{}: the stream thread stops and its successor takes the record again",
                    context.topic(), context.partition(), context.offset(), refused);
            return ProcessingHandlerResponse.FAIL;
        }
    }
}
