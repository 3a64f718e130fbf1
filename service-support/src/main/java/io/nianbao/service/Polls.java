package io.nianbao.service;

import io.nianbao.events.Topic;
import org.apache.avro.specific.SpecificRecord;

import java.time.Duration;
import java.util.function.Consumer;

/** Makes the {@link Poll} skeleton of a service's batch binding around its domain step. */
public final class Polls {

    private final CrashGuard crashGuard;
    private final DeadLetters deadLetters;
    private final StreamTracing tracing;

    Polls(CrashGuard crashGuard, DeadLetters deadLetters, StreamTracing tracing) {
        this.crashGuard = crashGuard;
        this.deadLetters = deadLetters;
        this.tracing = tracing;
    }

    /** Polls of {@code input} whose failing record is retried, then dead-lettered ({@link Poll.Failures#RETRY_THEN_DEAD_LETTER}). */
    public <E extends SpecificRecord> Poll<E> retrying(Topic<E> input, String span, Poll.Step<E> step) {
        return new Poll<>(input, span, step, Poll.Failures.RETRY_THEN_DEAD_LETTER, null, event -> {
        }, crashGuard, deadLetters, tracing);
    }

    /**
     * Polls of {@code input}, each in a Kafka transaction ({@link Poll.Failures#DEAD_LETTER_AT_ONCE}),
     * that take no further record after {@code timeBudget}; an event set aside by the crash guard
     * is given to {@code setAside} after its dead letter.
     */
    public <E extends SpecificRecord> Poll<E> inTransaction(Topic<E> input, String span, Poll.Step<E> step,
                                                            Duration timeBudget, Consumer<E> setAside) {
        return new Poll<>(input, span, step, Poll.Failures.DEAD_LETTER_AT_ONCE, timeBudget, setAside, crashGuard,
                deadLetters, tracing);
    }
}
