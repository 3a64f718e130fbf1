package io.nianbao.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The pipeline's own meters, shared by the four services:
 * <ul>
 *   <li>{@value #REPORTS} {service, outcome}: reports into a stage ({@code in}), on to the next
 *       ({@code out}), refused with a reason ({@code rejected});</li>
 *   <li>{@value #DEAD_LETTERS} {service, topic}: records written to a dead-letter topic.</li>
 * </ul>
 * Prometheus shows them as {@code nianbao_reports_total} and {@code nianbao_dead_letters_total}.
 */
public final class PipelineMetrics {

    public static final String REPORTS = "nianbao.reports";
    public static final String DEAD_LETTERS = "nianbao.dead.letters";

    private final MeterRegistry registry;
    private final String service;
    private final Counter in;
    private final Counter out;
    private final Counter rejected;

    public PipelineMetrics(MeterRegistry registry, String service) {
        this.registry = registry;
        this.service = service;
        // Registered up front: a stage that never saw a report shows 0, so "out stalls while in grows" can be told.
        this.in = reports("in");
        this.out = reports("out");
        this.rejected = reports("rejected");
    }

    public void reportIn() {
        in.increment();
    }

    public void reportOut() {
        out.increment();
    }

    public void reportRejected() {
        rejected.increment();
    }

    public void deadLettered(String topic) {
        Counter.builder(DEAD_LETTERS).description("Records written to a dead-letter topic")
                .tag("service", service).tag("topic", topic).register(registry).increment();
    }

    private Counter reports(String outcome) {
        return Counter.builder(REPORTS).description("Reports into a stage, on to the next, or rejected")
                .tag("service", service).tag("outcome", outcome).register(registry);
    }
}
