package io.nianbao.validate;

import io.nianbao.core.rules.RuleEngine;
import io.nianbao.events.ReportParsed;
import io.nianbao.events.ReportValidated;
import io.nianbao.events.serde.SchemaRegistryClient;
import io.nianbao.service.NianbaoServices;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.kstream.KStream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.stream.binder.kafka.utils.DlqDestinationResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.time.Clock;
import java.time.ZoneId;
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
            Validation validation, @Value("${nianbao.schema-registry.url}") String registryUrl) {
        AvroSerde<ReportParsed> reportSerde = new AvroSerde<>(SchemaRegistryClient.shared(registryUrl));
        return input -> input.process(ValidateProcessor.supplier(validation, reportSerde));
    }

    @Bean
    DeadlineChecks deadlineChecks(Roster roster, Clock clock,
                                  @Value("${nianbao.kafka.bootstrap-servers}") String bootstrapServers,
                                  @Value("${nianbao.schema-registry.url}") String registryUrl) {
        return new DeadlineChecks(roster, clock, bootstrapServers, registryUrl);
    }

    /** A record the binder cannot deserialize goes, as its bytes, to the DLQ of its topic (t → t.dlq). */
    @Bean
    DlqDestinationResolver deadLetterTopic() {
        return (record, exception) -> record.topic() + ".dlq";
    }
}
