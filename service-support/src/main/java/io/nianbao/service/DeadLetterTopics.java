package io.nianbao.service;

import io.nianbao.events.Topic;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.core.NestedExceptionUtils;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

/**
 * Creates the dead-letter topic of every topic the service consumes, with that topic's partitions,
 * taking records of up to {@code nianbao.topics.dead-letter-max-bytes}. A dead letter is the record
 * it stands for plus its reason headers: a DLQ created by its first record, with the broker's
 * default limit, refused the dead letter of a record near that limit, and the consumer retried it
 * for ever. A DLQ that exists with a lower limit or fewer partitions has them raised.
 *
 * <p>Beside the startup, not in its way: until the broker answers it tries again every
 * {@link #RETRY}. A dead letter sent before creates its topic with the broker's defaults, whose
 * limit and partitions are then raised.
 */
final class DeadLetterTopics implements DisposableBean {

    static final Duration RETRY = Duration.ofSeconds(10);
    private static final Logger log = LoggerFactory.getLogger(DeadLetterTopics.class);

    private final KafkaClients kafka;
    private final List<String> consumedTopics;
    private final List<String> deadLetterTopics;
    private final NianbaoProperties.Topics settings;
    private final Thread thread;

    DeadLetterTopics(KafkaClients kafka, BindingServiceProperties bindings) {
        this.kafka = kafka;
        this.consumedTopics = consumedTopics(bindings);
        this.deadLetterTopics = consumedTopics.stream().map(Topic::dlqOf).toList();
        this.settings = kafka.topicSettings();
        this.thread = Thread.ofVirtual().name("dead-letter-topics").start(this::ensureUntilDone);
    }

    /** The destinations of the input bindings ({@code <function>-in-<n>}, comma-separated lists included). */
    static List<String> consumedTopics(BindingServiceProperties bindings) {
        return bindings.getBindings().entrySet().stream()
                .filter(binding -> binding.getKey().contains("-in-") && binding.getValue().getDestination() != null)
                .flatMap(binding -> Arrays.stream(binding.getValue().getDestination().split(",")))
                .map(String::trim)
                .filter(topic -> !topic.isEmpty())
                .distinct()
                .toList();
    }

    /** Waits until every DLQ exists and takes records of the configured size; false if not within {@code timeout}. */
    boolean awaitDone(Duration timeout) throws InterruptedException {
        return thread.join(timeout);
    }

    private void ensureUntilDone() {
        while (!Thread.currentThread().isInterrupted()) {
            try (Admin admin = kafka.admin(RETRY)) {
                ensure(admin);
                log.info("dead-letter topics {} take records of up to {} bytes", deadLetterTopics, settings.deadLetterMaxBytes());
                return;
            } catch (ExecutionException | RuntimeException e) {
                log.warn("cannot prepare the dead-letter topics {} yet, trying again in {}: {}", deadLetterTopics, RETRY,
                        NestedExceptionUtils.getMostSpecificCause(e).toString());
            } catch (InterruptedException e) {
                return;
            }
            try {
                Thread.sleep(RETRY);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void ensure(Admin admin) throws ExecutionException, InterruptedException {
        int maxMessageBytes = settings.deadLetterMaxBytes();
        Map<String, String> limit = Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(maxMessageBytes));
        List<ConfigResource> existing = new ArrayList<>();
        for (String consumed : consumedTopics) {
            String topic = Topic.dlqOf(consumed);
            // As many partitions as its topic: Kafka Streams' dead letters keep their record's partition.
            int partitions = partitionsOf(admin, consumed);
            try {
                admin.createTopics(List.of(new NewTopic(topic, partitions, settings.replicationFactor()).configs(limit))).all().get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
                existing.add(new ConfigResource(ConfigResource.Type.TOPIC, topic));
                if (partitionsOf(admin, topic) < partitions) {
                    admin.createPartitions(Map.of(topic, NewPartitions.increaseTo(partitions))).all().get();
                    log.info("{} now has the {} partitions of {}", topic, partitions, consumed);
                }
            }
        }
        if (existing.isEmpty()) {
            return;
        }
        Map<ConfigResource, Collection<AlterConfigOp>> raises = admin.describeConfigs(existing).all().get().entrySet().stream()
                .filter(e -> Integer.parseInt(e.getValue().get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG).value()) < maxMessageBytes)
                .collect(Collectors.toMap(Map.Entry::getKey, e -> List.of(new AlterConfigOp(
                        new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(maxMessageBytes)),
                        AlterConfigOp.OpType.SET))));
        if (!raises.isEmpty()) {
            admin.incrementalAlterConfigs(raises).all().get();
            log.info("raised the record limit of {} to {} bytes", raises.keySet().stream().map(ConfigResource::name).toList(),
                    maxMessageBytes);
        }
    }

    /** The topic's partitions, or as many as the services give the topics they create when it does not exist yet. */
    private int partitionsOf(Admin admin, String topic) throws ExecutionException, InterruptedException {
        try {
            return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return settings.partitions();
            }
            throw e;
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        thread.interrupt();
        thread.join(RETRY);
    }
}
