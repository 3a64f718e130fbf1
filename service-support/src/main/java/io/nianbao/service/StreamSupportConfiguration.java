package io.nianbao.service;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.observation.ObservationPredicate;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import io.nianbao.service.outbound.OutboundHttp;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;
import org.springframework.cloud.stream.binder.kafka.KafkaBindingRebalanceListener;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.converter.BatchMessagingMessageConverter;
import org.springframework.util.unit.DataSize;

import java.nio.file.Path;
import java.util.Collection;

/** What every nianbao service shares besides nianbao-stream.yaml. */
@AutoConfiguration
@EnableConfigurationProperties(NianbaoProperties.class)
public class StreamSupportConfiguration {

    static final String READY = "nianbao.ready";

    @Bean
    PipelineMetrics pipelineMetrics(MeterRegistry registry, @Value("${spring.application.name}") String service) {
        return new PipelineMetrics(registry, service);
    }

    @Bean
    KafkaClients kafkaClients(NianbaoProperties nianbao) {
        return new KafkaClients(nianbao);
    }

    /** Dead letters have a producer of their own: they are written outside a poll's transaction, and waited for. */
    @Bean
    DeadLetters deadLetters(KafkaClients kafka, PipelineMetrics metrics) {
        return new DeadLetters(new KafkaTemplate<>(kafka.deadLetterProducerFactory()), metrics);
    }

    /** Writes what is in flight outside any transaction, and reads it without a group: its own producer and reader. */
    @Bean
    CrashGuard crashGuard(KafkaClients kafka, DeadLetters deadLetters, @Value("${spring.application.name}") String service) {
        return new CrashGuard(service, kafka, deadLetters);
    }

    /** Tells the crash guard which partitions came to this instance (every binding of the service). */
    @Bean
    KafkaBindingRebalanceListener crashGuardAssignments(CrashGuard guard) {
        return new KafkaBindingRebalanceListener() {
            @Override
            public void onPartitionsAssigned(String bindingName, Consumer<?, ?> consumer, Collection<TopicPartition> partitions,
                                             boolean initial) {
                guard.assigned(partitions);
            }
        };
    }

    /** Every outbound request to an address we were given (documents, webhooks) goes through it. */
    @Bean
    OutboundHttp outboundHttp(@Value("${nianbao.outbound.allow-loopback:false}") boolean allowLoopback,
                              @Value("${spring.application.name}") String service) {
        return new OutboundHttp(allowLoopback, "nianbao-" + service);
    }

    @Bean
    StoppedConsumers stoppedConsumers(ApplicationEventPublisher events) {
        return new StoppedConsumers(events);
    }

    @Bean
    DeadLetterTopics deadLetterTopics(KafkaClients kafka, BindingServiceProperties bindings) {
        return new DeadLetterTopics(kafka, bindings);
    }

    @Bean
    StreamTracing streamTracing(Tracer tracer, Propagator propagator) {
        return new StreamTracing(tracer, propagator);
    }

    /** The skeleton of every batch binding. */
    @Bean
    Polls polls(CrashGuard crashGuard, DeadLetters deadLetters, StreamTracing tracing) {
        return new Polls(crashGuard, deadLetters, tracing);
    }

    /** The converter of batch bindings ({@link Poll}). */
    @Bean(Poll.CONVERTER)
    BatchMessagingMessageConverter rawRecords() {
        return Poll.rawRecordsConverter();
    }

    @Bean
    Rejections rejections(StreamBridge bridge, PipelineMetrics metrics) {
        return new Rejections(bridge, metrics);
    }

    @Bean
    DocumentStore documentStore(@Value("${nianbao.documents.dir}") Path dir) {
        return new DocumentStore(dir);
    }

    @Bean
    DocumentMemory documentMemory(@Value("${nianbao.documents.memory-budget}") DataSize budget) {
        return new DocumentMemory(budget);
    }

    /** Near zero for long: large documents queue for memory (ingest, parse). */
    @Bean
    MeterBinder documentMemoryGauge(DocumentMemory memory) {
        return registry -> Gauge.builder("nianbao.documents.memory.free", memory, DocumentMemory::freeBytes).baseUnit("bytes")
                .description("document bytes this instance may still take into memory (nianbao.documents.memory-budget)")
                .register(registry);
    }

    /**
     * The Kafka observations (trace context into and out of record headers) and HTTP's, not those
     * the function and Spring Integration layers start around every message besides: spans and
     * timers nobody reads, which JFR showed as a tenth of parse-service's CPU under load.
     */
    @Bean
    ObservationPredicate noFunctionOrChannelObservations() {
        return (name, context) -> !name.startsWith("spring.cloud.function") && !name.startsWith("spring.integration.");
    }

    /**
     * {@value #READY} = 1 while the readiness group is UP, else 0: readiness as a metric, for the
     * alert (ops/alerts.yml). Evaluated on each scrape.
     */
    @Bean
    MeterBinder readinessGauge(ObjectProvider<HealthEndpoint> health) {
        return registry -> Gauge.builder(READY, health, endpoint -> {
            HealthDescriptor readiness = endpoint.getObject().healthForPath("readiness");
            return readiness != null && Status.UP.equals(readiness.getStatus()) ? 1 : 0;
        }).description("1 while the service is ready (broker and schema registry reachable)").register(registry);
    }

    /** "schemaRegistry" in /actuator/health, and in the readiness group (nianbao-stream.yaml). */
    @Bean
    SchemaRegistryHealthIndicator schemaRegistryHealthIndicator(NianbaoProperties nianbao) {
        return new SchemaRegistryHealthIndicator(nianbao.schemaRegistry().url());
    }
}
