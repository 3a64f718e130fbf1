package io.nianbao.service;

import io.nianbao.events.Topic;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.converter.BatchMessagingMessageConverter;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.messaging.Message;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The one skeleton of the services' batch bindings: what is done with every poll whatever the
 * service, around its domain {@link Step}. A batch binding ({@code batch-mode: true}) names
 * {@value #CONVERTER} as its {@code converter-bean-name}, so the poll arrives as the records
 * themselves, headers, offsets and undecodable ones included.
 *
 * <p>For each poll the skeleton
 * <ul>
 *   <li>runs it under the {@link CrashGuard}: after a death of the service, one record at a time,
 *       and a record in progress at two deaths is dead-lettered unhandled;</li>
 *   <li>dead-letters a record that is not the input topic's event (undecodable: with its bytes);</li>
 *   <li>begins the step on the poll's events, handles each in a span continuing its trace, and
 *       waits for what each started only once all are started (sends then share produce requests);</li>
 *   <li>handles failures as the binding's {@link Failures} say;</li>
 *   <li>with a time budget, takes no further record once it has run that long, and leaves the rest
 *       for the next poll ({@link Acknowledgment#nack(int, Duration)}, so {@code ack-mode: MANUAL}).</li>
 * </ul>
 */
public final class Poll<E extends SpecificRecord> implements Consumer<Message<?>> {

    /** The converter bean a batch binding names (StreamSupportConfiguration). */
    public static final String CONVERTER = "rawRecords";

    private static final LogAccessor LOG = new LogAccessor(Poll.class);
    private static final Logger log = LoggerFactory.getLogger(Poll.class);

    /** A service's domain step over the events of one poll. */
    @FunctionalInterface
    public interface Step<E> {
        /**
         * Prepares the poll's events together (one database transaction for all, say), before the
         * first is handled, and returns how each is handled. Called again for each record when the
         * poll is handled one record at a time.
         */
        EventStep<E> begin(List<E> events);
    }

    /** The handling of one event of a poll. */
    @FunctionalInterface
    public interface EventStep<E> {
        /**
         * Handles the event, and returns what it started and has still to be waited for (a send),
         * or {@link Pending#DONE}.
         */
        Pending handle(E event);
    }

    /** What handling an event started, waited for once every event of the poll has been handled. */
    @FunctionalInterface
    public interface Pending {
        Pending DONE = () -> {
        };

        void await();
    }

    /** What a record's failure does to its poll. */
    public enum Failures {
        /**
         * The poll is one Kafka transaction, which one record must not fail: a record whose
         * handling throws is dead-lettered at once (it would fail again) and the poll goes on. A
         * step's {@code begin} or a {@link Pending} that throws (the broker, the registry) rolls
         * the poll back, to be retried until it commits (DeadLetters).
         */
        DEAD_LETTER_AT_ONCE,
        /**
         * The record that failed, at handling or at waiting, is named to the listener container
         * ({@link BatchListenerFailedException}) once every started send was waited for: the
         * records before it are committed, it is retried and then dead-lettered (DeadLetters; when
         * a dependency is away, retried until it is back), and the rest of the poll comes again.
         */
        RETRY_THEN_DEAD_LETTER
    }

    private final Topic<E> input;
    private final String span;
    private final Step<E> step;
    private final Failures failures;
    private final Duration timeBudget;
    private final Consumer<E> setAside;
    private final CrashGuard crashGuard;
    private final DeadLetters deadLetters;
    private final StreamTracing tracing;

    Poll(Topic<E> input, String span, Step<E> step, Failures failures, Duration timeBudget, Consumer<E> setAside,
         CrashGuard crashGuard, DeadLetters deadLetters, StreamTracing tracing) {
        this.input = input;
        this.span = span;
        this.step = step;
        this.failures = failures;
        this.timeBudget = timeBudget;
        this.setAside = setAside;
        this.crashGuard = crashGuard;
        this.deadLetters = deadLetters;
        this.tracing = tracing;
    }

    static BatchMessagingMessageConverter rawRecordsConverter() {
        BatchMessagingMessageConverter converter = new BatchMessagingMessageConverter();
        converter.setRawRecordHeader(true);
        return converter;
    }

    @Override
    public void accept(Message<?> message) {
        List<ConsumerRecord<?, ?>> records = recordsOf(message);
        Acknowledgment acknowledgment = message.getHeaders().get(KafkaHeaders.ACKNOWLEDGMENT, Acknowledgment.class);
        if (timeBudget != null && acknowledgment == null) {
            throw new IllegalStateException("no " + KafkaHeaders.ACKNOWLEDGMENT + " header: a binding with a time budget"
                    + " must have ack-mode MANUAL");
        }
        Progress progress = new Progress(records.size());
        crashGuard.handleInSlices(records, record -> {
            if (input.valueType().isInstance(record.value())) {
                setAside.accept(input.valueType().cast(record.value()));
            }
            progress.done++;
        }, slice -> handleSlice(slice, progress));
        if (acknowledgment == null) {
            return;
        }
        if (progress.done < records.size()) {
            acknowledgment.nack(progress.done, Duration.ZERO);
        } else {
            // Within a transaction the container commits the whole poll anyway; without one, only this does.
            acknowledgment.acknowledge();
        }
    }

    /** How far a poll got, across its slices. */
    private static final class Progress {
        private final long start = System.nanoTime();
        private final int size;
        private int done;

        private Progress(int size) {
            this.size = size;
        }
    }

    /** A record whose handling started (its place in the slice), and what it left to wait for. */
    private record Started(int index, ConsumerRecord<?, ?> record, Pending pending) {
    }

    /** Handles a slice of the poll; false when the time budget stopped it. */
    private boolean handleSlice(List<ConsumerRecord<?, ?>> slice, Progress progress) {
        EventStep<E> eventStep = null;
        List<Started> started = new ArrayList<>(slice.size());
        int failedAt = -1;
        RuntimeException failure = null;
        boolean stopped = false;
        for (int i = 0; i < slice.size(); i++) {
            ConsumerRecord<?, ?> record = slice.get(i);
            if (pastBudget(progress)) {
                stopped = true;
                break;
            }
            progress.done++;
            if (!input.valueType().isInstance(record.value())) {
                try {
                    deadLetters.deadLetterUnexpected(record, input.valueType());
                    continue;
                } catch (RuntimeException e) {
                    failedAt = i;
                    failure = e;
                    break;
                }
            }
            E event = input.valueType().cast(record.value());
            if (eventStep == null) {
                try {
                    eventStep = step.begin(slice.stream().map(ConsumerRecord::value).filter(input.valueType()::isInstance)
                            .map(input.valueType()::cast).toList());
                } catch (RuntimeException e) {
                    failedAt = i;
                    failure = e;
                    break;
                }
            }
            EventStep<E> handling = eventStep;
            Pending[] pending = {Pending.DONE};
            try {
                tracing.inSpan(span, record.headers(), forwarded -> pending[0] = handling.handle(event));
                started.add(new Started(i, record, pending[0]));
            } catch (RuntimeException e) {
                if (failures == Failures.DEAD_LETTER_AT_ONCE) {
                    log.error("record {}-{}@{} failed: dead-lettered", record.topic(), record.partition(), record.offset(), e);
                    deadLetters.deadLetter(record, e);
                    continue;
                }
                failedAt = i;
                failure = e;
                break;
            }
        }
        // Every send that was started is waited for, also after a failure: one that fails must
        // release what it holds (a claimed report id) for the retry.
        for (Started each : started) {
            try {
                tracing.inSpan(span, each.record().headers(), forwarded -> each.pending().await());
            } catch (RuntimeException e) {
                if (failure == null || each.index() < failedAt) {
                    failedAt = each.index();
                    failure = e;
                }
            }
        }
        if (failure != null) {
            if (failures == Failures.DEAD_LETTER_AT_ONCE) {
                throw failure;
            }
            ConsumerRecord<?, ?> record = slice.get(failedAt);
            throw new BatchListenerFailedException("cannot handle record " + record.topic() + "-" + record.partition()
                    + "@" + record.offset(), failure, record);
        }
        return !stopped;
    }

    private boolean pastBudget(Progress progress) {
        if (timeBudget == null || progress.done == 0 || System.nanoTime() - progress.start <= timeBudget.toNanos()) {
            return false;
        }
        log.warn("a poll ran past its {} budget after {} of {} records: the other {} come again in the next poll",
                timeBudget, progress.done, progress.size, progress.size - progress.done);
        return true;
    }

    /** The poll's records, in the order the broker gave them. */
    static List<ConsumerRecord<?, ?>> recordsOf(Message<?> poll) {
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
