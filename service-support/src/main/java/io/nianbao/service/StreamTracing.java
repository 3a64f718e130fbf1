package io.nianbao.service;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Tracing per record where the binder's observation does not reach (a Kafka Streams function, a
 * batch listener): a span continues the trace of the record's headers (W3C {@code traceparent})
 * while the record is processed, so log lines carry its trace id, and what is sent or forwarded
 * meanwhile carries the span on. A record without trace headers (a deadline tick) starts a trace.
 */
public final class StreamTracing {

    private static final Propagator.Getter<Headers> GETTER = (headers, name) -> {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    };
    private static final Propagator.Setter<Headers> SETTER = (headers, name, value) -> {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    };

    private final Tracer tracer;
    private final Propagator propagator;

    public StreamTracing(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** Runs {@code work} in a span continuing {@code incoming}; work gets the headers for what it forwards. */
    public void inSpan(String name, Headers incoming, Consumer<Supplier<Headers>> work) {
        Span span = propagator.extract(incoming, GETTER).name(name).kind(Span.Kind.CONSUMER).start();
        try (Tracer.SpanInScope ignored = tracer.withSpan(span)) {
            work.accept(() -> {
                Headers outgoing = new RecordHeaders(incoming.toArray());
                propagator.inject(span.context(), outgoing, SETTER);
                return outgoing;
            });
        } catch (RuntimeException e) {
            span.error(e);
            throw e;
        } finally {
            span.end();
        }
    }
}
