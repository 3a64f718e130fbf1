package io.nianbao.validate;

import io.micrometer.core.instrument.MeterRegistry;
import io.nianbao.core.rules.Roster;
import io.nianbao.core.rules.RuleEngine;
import io.nianbao.events.ReportValidated;
import io.nianbao.service.CrashGuard;
import io.nianbao.service.DeadLetters;
import io.nianbao.service.KafkaClients;
import io.nianbao.service.StoppedConsumers;
import io.nianbao.service.NianbaoServices;
import io.nianbao.service.PipelineMetrics;
import io.nianbao.service.StreamTracing;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.kstream.KStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.context.annotation.Primary;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Properties;
import java.util.function.Function;

/**
 * report.parsed (+ validate.deadline-checks) → report.validated: a Kafka Streams function that
 * applies the rule catalog of report-core with each agency's history (see {@link ValidateProcessor}).
 */
@SpringBootApplication
@EnableScheduling
@EnableConfigurationProperties(ValidateProperties.class)
public class ValidateServiceApplication {

    /** Publication deadlines are Beijing dates. */
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private static final Logger log = LoggerFactory.getLogger(ValidateServiceApplication.class);

    public static void main(String[] args) {
        NianbaoServices.run(ValidateServiceApplication.class, args);
    }

    /** Tests register their own clock before the context refreshes. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.system(CHINA);
    }

    @Bean
    Roster roster(ValidateProperties properties) {
        return properties.loadRoster();
    }

    @Bean
    Validation validation(ValidateProperties properties, Roster roster, Clock clock) {
        return new Validation(new RuleEngine(), roster, properties.deadlinePolicy(), clock);
    }

    @Bean
    Function<KStream<String, SpecificRecord>, KStream<String, ReportValidated>> validateReport(
            Validation validation, KafkaClients kafka, StreamTracing tracing, PipelineMetrics pipeline,
            MeterRegistry registry, CrashGuard crashGuard) {
        return input -> input.process(ValidateProcessor.supplier(validation, tracing, new ValidateMetrics(pipeline, registry),
                kafka.serde(), crashGuard));
    }

    @Bean
    DeadlineChecks deadlineChecks(Roster roster, Clock clock, KafkaClients kafka) {
        return new DeadlineChecks(roster, clock, kafka.producer(0));
    }

    /**
     * How the streams fail. A stream thread that dies (a send to report.validated or a DLQ that
     * failed while the broker or the registry was away) is replaced and resumes from its last
     * commit. Kafka Streams' default shuts the client down, which leaves the process up and
     * healthy-looking but validating nothing. The binder sets that default on the factory when it
     * starts, after every configurer; a KafkaStreams customizer runs later still, on the instance
     * itself. A record that cannot be deserialized or that the processor fails on is dead-lettered by
     * {@link DeadLetteringExceptionHandler} (application.yaml), which finds the service's
     * {@link DeadLetters} in the streams configuration.
     * A thread that died of an Error (a StackOverflowError on some record) is not replaced: its
     * successor would take the same record and die again, for ever, in a process that looks alive.
     * The client stops and liveness goes DOWN instead; the restarted process finds the record in
     * flight ({@link CrashGuard}) and sets it aside at its second death.
     * The binder takes a configurer only if it is unique or primary, and Boot's metrics
     * auto-configuration declares another.
     */
    @Bean
    @Primary
    StreamsBuilderFactoryBeanConfigurer streamFailureHandling(DeadLetters deadLetters, StoppedConsumers stoppedConsumers) {
        return factory -> {
            // The factory hands out a copy of its configuration and takes one back.
            Properties configuration = factory.getStreamsConfiguration();
            configuration.put(DeadLetteringExceptionHandler.DEAD_LETTERS, deadLetters);
            factory.setStreamsConfiguration(configuration);
            factory.setKafkaStreamsCustomizer(streams -> streams.setUncaughtExceptionHandler(exception -> {
                if (exception instanceof Error || NestedExceptionUtils.getMostSpecificCause(exception) instanceof Error) {
                    log.error("stream thread died of an Error: the streams stop and liveness is BROKEN", exception);
                    stoppedConsumers.brokenBecause(exception);
                    return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
                }
                log.error("stream thread died, replacing it; it resumes from the last committed offsets", exception);
                return StreamThreadExceptionResponse.REPLACE_THREAD;
            }));
        };
    }

}
