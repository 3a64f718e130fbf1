package io.nianbao.service;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultAfterRollbackProcessor;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.transaction.KafkaAwareTransactionManager;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.FixedBackOff;

import java.util.function.BiFunction;

/**
 * Retries and dead-lettering for every consumer binding, done by the listener container rather
 * than by the binder: only the container sees records that could not be deserialized, and
 * Spring Kafka's {@link DeadLetterPublishingRecoverer} writes such a record's original bytes to
 * the DLQ. The DLQ of topic {@code t} is {@code t.dlq}; the reason travels in the
 * {@code kafka_dlt-exception-*} headers. The back-off comes from the binding's retry settings.
 * Each dead letter counts in {@link PipelineMetrics#DEAD_LETTERS}. A transactional binding
 * (consume-transform-produce in one Kafka transaction) handles failures after the rollback
 * instead: the same recoverer, and the recovered record's offset committed in a transaction.
 */
public final class DeadLetters implements ListenerContainerWithDlqAndRetryCustomizer {

    private final KafkaOperations<Object, Object> deadLetterProducer;
    private final PipelineMetrics metrics;

    public DeadLetters(KafkaOperations<Object, Object> deadLetterProducer, PipelineMetrics metrics) {
        this.deadLetterProducer = deadLetterProducer;
        this.metrics = metrics;
    }

    @Override
    public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName, String group,
                          BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver,
                          BackOff backOff) {
        DeadLetterPublishingRecoverer publisher = new DeadLetterPublishingRecoverer(deadLetterProducer,
                (record, exception) -> new TopicPartition(dlqOf(record.topic()), -1));
        ConsumerRecordRecoverer recoverer = (record, exception) -> {
            publisher.accept(record, exception);
            metrics.deadLettered(dlqOf(record.topic()));
        };
        BackOff retries = backOff != null ? backOff : new FixedBackOff(1000, 2);
        KafkaAwareTransactionManager<?, ?> transactions = container.getContainerProperties().getKafkaAwareTransactionManager();
        if (transactions == null) {
            container.setCommonErrorHandler(new DefaultErrorHandler(recoverer, retries));
        } else {
            container.setAfterRollbackProcessor(new DefaultAfterRollbackProcessor<>(recoverer, retries,
                    new KafkaTemplate<>(transactions.getProducerFactory()), true));
        }
    }

    /** The dead-letter topic of {@code topic}. */
    public static String dlqOf(String topic) {
        return topic + ".dlq";
    }

    /** The container, not the binding, retries and dead-letters (see the class comment). */
    @Override
    public boolean retryAndDlqInBinding(String destinationName, String group) {
        return false;
    }
}
