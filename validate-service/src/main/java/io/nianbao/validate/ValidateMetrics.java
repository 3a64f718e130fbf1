package io.nianbao.validate;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.nianbao.events.Finding;
import io.nianbao.events.ReportValidated;
import io.nianbao.service.PipelineMetrics;

/** The pipeline's report counters, and {@value #FINDINGS} {rule, severity}: findings in the reports sent on. */
final class ValidateMetrics {

    static final String FINDINGS = "nianbao.findings";

    private final PipelineMetrics pipeline;
    private final MeterRegistry registry;

    ValidateMetrics(PipelineMetrics pipeline, MeterRegistry registry) {
        this.pipeline = pipeline;
        this.registry = registry;
    }

    void reportIn() {
        pipeline.reportIn();
    }

    void validated(ReportValidated validated) {
        pipeline.reportOut();
        for (Finding finding : validated.getFindings()) {
            Counter.builder(FINDINGS).description("Findings in the validated reports sent on")
                    .tag("rule", finding.getRule()).tag("severity", finding.getSeverity().name())
                    .register(registry).increment();
        }
    }
}
