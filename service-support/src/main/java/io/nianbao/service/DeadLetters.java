package io.nianbao.service;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.FixedBackOff;

import java.util.function.BiFunction;

/**
 * Retries and dead-lettering for every consumer binding, done by the listener container rather
 * than by the binder: only the container sees records that could not be deserialized, and
 * Spring Kafka's {@link DeadLetterPublishingRecoverer} writes such a record's original bytes to
 * the DLQ. The DLQ of topic {@code t} is {@code t.dlq}; the reason travels in the
 * {@code kafka_dlt-exception-*} headers. The back-off comes from the binding's retry settings.
 */
public final class DeadLetters implements ListenerContainerWithDlqAndRetryCustomizer {

    private final KafkaOperations<Object, Object> deadLetterProducer;

    public DeadLetters(KafkaOperations<Object, Object> deadLetterProducer) {
        this.deadLetterProducer = deadLetterProducer;
    }

    @Override
    public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName, String group,
                          BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver,
                          BackOff backOff) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(deadLetterProducer,
                (record, exception) -> new TopicPartition(record.topic() + ".dlq", -1));
        container.setCommonErrorHandler(new DefaultErrorHandler(recoverer,
                backOff != null ? backOff : new FixedBackOff(1000, 2)));
    }

    /** The container, not the binding, retries and dead-letters (see the class comment). */
    @Override
    public boolean retryAndDlqInBinding(String destinationName, String group) {
        return false;
    }
}
