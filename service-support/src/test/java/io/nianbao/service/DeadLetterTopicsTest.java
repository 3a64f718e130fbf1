package io.nianbao.service;

import io.nianbao.events.Topic;
import io.nianbao.localstack.LocalStack;
import io.nianbao.localstack.LocalStackExtension;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.cloud.stream.config.BindingProperties;
import org.springframework.cloud.stream.config.BindingServiceProperties;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The DLQs of a service's input topics are made ready for dead letters larger than the broker's default. */
@ExtendWith(LocalStackExtension.class)
class DeadLetterTopicsTest {

    private static final int TWO_MB = 2 * 1024 * 1024;

    @Test
    void createsTheMissingDeadLetterTopicsAndRaisesTheLimitAndPartitionsOfThoseCreatedByTheirFirstRecord(LocalStack stack)
            throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String reports = "reports-" + run;
        String ticks = "ticks-" + run;
        String notes = "notes-" + run;
        BindingServiceProperties bindings = new BindingServiceProperties();
        bindings.setBindings(Map.of(
                "check-in-0", binding(reports + ", " + ticks),
                "note-in-0", binding(notes),
                "check-out-0", binding("results-" + run)));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(notes, 3, (short) 1), new NewTopic(Topic.dlqOf(notes), 1, (short) 1)))
                    .all().get();
            // As the first dead letter would have created it: the broker's default limit (1 MB).
            admin.createTopics(List.of(new NewTopic(Topic.dlqOf(reports), Optional.empty(), Optional.empty()))).all().get();

            DeadLetterTopics topics = new DeadLetterTopics(new KafkaClients(new NianbaoProperties(
                    new NianbaoProperties.Kafka(stack.bootstrapServers()),
                    new NianbaoProperties.SchemaRegistry(stack.schemaRegistryUrl()),
                    new NianbaoProperties.Topics(2, (short) 1, TWO_MB))), bindings);
            assertThat(topics.awaitDone(Duration.ofSeconds(60))).isTrue();

            assertThat(settledMaxMessageBytes(admin, Topic.dlqOf(reports))).isEqualTo(TWO_MB);
            assertThat(settledMaxMessageBytes(admin, Topic.dlqOf(ticks))).isEqualTo(TWO_MB);
            assertThat(settledMaxMessageBytes(admin, Topic.dlqOf(notes))).isEqualTo(TWO_MB);
            assertThat(partitions(admin, Topic.dlqOf(notes))).as("as many as its topic, raised from 1").isEqualTo(3);
            assertThat(partitions(admin, Topic.dlqOf(ticks))).as("its topic not there yet: as configured").isEqualTo(2);
            assertThat(admin.listTopics().names().get()).as("outputs have no DLQ").doesNotContain(Topic.dlqOf("results-" + run));
        }
    }

    private static int partitions(Admin admin, String topic) throws Exception {
        return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
    }

    private static BindingProperties binding(String destination) {
        BindingProperties binding = new BindingProperties();
        binding.setDestination(destination);
        return binding;
    }

    /** The broker applies a config change a moment after it was accepted: the value once it is {@link #TWO_MB}, or after 10 s. */
    private static int settledMaxMessageBytes(Admin admin, String topic) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        int value = maxMessageBytes(admin, topic);
        while (value != TWO_MB && System.nanoTime() < deadline) {
            Thread.sleep(100);
            value = maxMessageBytes(admin, topic);
        }
        return value;
    }

    private static int maxMessageBytes(Admin admin, String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return Integer.parseInt(admin.describeConfigs(List.of(resource)).all().get().get(resource)
                .get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG).value());
    }
}
