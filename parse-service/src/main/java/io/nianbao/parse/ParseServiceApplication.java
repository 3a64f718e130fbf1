package io.nianbao.parse;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import io.nianbao.core.ReportReader;
import io.nianbao.service.CrashGuard;
import io.nianbao.service.DeadLetters;
import io.nianbao.service.DocumentMemory;
import io.nianbao.service.DocumentStore;
import io.nianbao.service.NianbaoServices;
import io.nianbao.service.PipelineMetrics;
import io.nianbao.service.Rejections;
import io.nianbao.service.StreamTracing;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
import org.springframework.messaging.Message;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * report.ingested → report.parsed: reads the document into the report model, a poll at a time
 * ({@link PollParser}). A document that cannot be read at all (corrupt, scanned image) goes to
 * report.rejected with the reason.
 */
@SpringBootApplication
public class ParseServiceApplication {

    public static void main(String[] args) {
        NianbaoServices.run(ParseServiceApplication.class, args);
    }

    @Bean
    ReportReader reportReader() {
        return new ReportReader();
    }

    @Bean
    Consumer<Message<?>> parseReports(ReportReader reader, DocumentStore documents, DocumentMemory memory,
                                      StreamBridge bridge, Rejections rejections, DeadLetters deadLetters, Tracer tracer,
                                      Propagator propagator, PipelineMetrics metrics,
                                      @Value("${nianbao.parse.poll-time-budget}") Duration pollTimeBudget, CrashGuard crashGuard) {
        return new PollParser(reader, documents, memory, bridge, rejections, deadLetters,
                new StreamTracing(tracer, propagator), metrics, pollTimeBudget, crashGuard)::parse;
    }
}
