package io.nianbao.service;

import io.nianbao.events.Topic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.binder.ExtendedConsumerProperties;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.cloud.stream.binder.kafka.properties.KafkaConsumerProperties;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultAfterRollbackProcessor;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.transaction.KafkaAwareTransactionManager;
import org.springframework.messaging.MessagingException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

import java.util.concurrent.ExecutionException;
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
 *
 * <p>A transactional batch binding dead-letters its bad records itself ({@link #deadLetter}),
 * record by record; what fails the batch (rolls its transaction back) is then the broker or the
 * registry, never one record, so the batch is retried until it goes through: recovering it would
 * dead-letter every good report of the poll with it. A batch binding without a transaction names
 * the record that failed ({@link BatchListenerFailedException}): the records before it are
 * committed, it alone is retried as a record binding's would be, then dead-lettered, and the poll
 * goes on after it.
 *
 * <p>A record that failed for an outage ({@link Outages}: the database, the mail server, the
 * registry or the broker away) is not dead-lettered however long the outage lasts: it is retried
 * at most a minute apart until it goes through, and its partition waits behind it.
 */
public final class DeadLetters implements ListenerContainerWithDlqAndRetryCustomizer {

    /** Back-off of a batch, and of a record that failed for an outage: retried until it goes through, at most a minute apart. */
    static final BackOff UNTIL_IT_GOES_THROUGH = backOffForEver();

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final KafkaOperations<Object, Object> producer;
    private final DeadLetterPublishingRecoverer publisher;
    private final PipelineMetrics metrics;

    public DeadLetters(KafkaOperations<Object, Object> deadLetterProducer, PipelineMetrics metrics) {
        this.producer = deadLetterProducer;
        this.publisher = new DeadLetterPublishingRecoverer(deadLetterProducer,
                (record, exception) -> new TopicPartition(Topic.dlqOf(record.topic()), -1));
        this.metrics = metrics;
    }

    @Override
    public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName, String group,
                          BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver,
                          BackOff backOff) {
        configure(container, destinationName, group, dlqDestinationResolver, backOff, null);
    }

    @Override
    public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName, String group,
                          BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver,
                          BackOff backOff, ExtendedConsumerProperties<KafkaConsumerProperties> binding) {
        KafkaAwareTransactionManager<?, ?> transactions = container.getContainerProperties().getKafkaAwareTransactionManager();
        boolean batch = binding != null && binding.isBatchMode();
        BackOff retries = backOff != null ? backOff : new FixedBackOff(1000, 2);
        if (batch && transactions != null) {
            container.setAfterRollbackProcessor(new DefaultAfterRollbackProcessor<>(UNTIL_IT_GOES_THROUGH));
        } else if (transactions == null) {
            DefaultErrorHandler handler = new DefaultErrorHandler(this::deadLetter, retries);
            handler.setBackOffFunction(DeadLetters::backOffForOutage);
            container.setCommonErrorHandler(handler);
        } else {
            DefaultAfterRollbackProcessor<Object, Object> processor = new DefaultAfterRollbackProcessor<>(this::deadLetter,
                    retries, new KafkaTemplate<>(transactions.getProducerFactory()), true);
            processor.setBackOffFunction(DeadLetters::backOffForOutage);
            container.setAfterRollbackProcessor(processor);
        }
    }

    /**
     * A record that failed because the database, the mail server, the registry or the broker is
     * away waits for it however long it takes: dead-lettered, a good report would leave the
     * pipeline. Any other failure keeps the binding's back-off (null).
     */
    static BackOff backOffForOutage(ConsumerRecord<?, ?> record, Exception failure) {
        if (!Outages.isOutage(failure)) {
            return null;
        }
        log.warn("record {}-{}@{} waits for a dependency to come back: {}", record.topic(), record.partition(),
                record.offset(), NestedExceptionUtils.getMostSpecificCause(failure).toString());
        return UNTIL_IT_GOES_THROUGH;
    }

    /**
     * Writes the record to its topic's DLQ, with the original bytes if it could not be
     * deserialized, and the reason; waits for the broker.
     */
    public void deadLetter(ConsumerRecord<?, ?> record, Exception reason) {
        publisher.accept(record, reasonOf(reason));
        metrics.deadLettered(Topic.dlqOf(record.topic()));
    }

    /**
     * Writes a dead letter that stands for no consumed record (a webhook's payload its receiver
     * refused), its reason in its headers; waits for the broker.
     */
    public void send(ProducerRecord<Object, Object> deadLetter) {
        try {
            producer.send(deadLetter).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot write a dead letter to " + deadLetter.topic(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing a dead letter to " + deadLetter.topic(), e);
        }
        metrics.deadLettered(deadLetter.topic());
    }

    /**
     * Dead-letters a record of a batch that is not the {@code expected} event: undecodable (its
     * bytes kept), or another type. A record undecodable because the registry was unavailable is
     * not dead-lettered: this throws, and the batch's failure handling retries it.
     */
    public void deadLetterUnexpected(ConsumerRecord<?, ?> record, Class<?> expected) {
        Exception reason = Poll.undecodable(record);
        if (reason != null && Outages.isOutage(reason)) {
            // Its schema could not be fetched: the record is good, and decodes once the registry is back.
            // The cause is what is under the DeserializationException, which Spring Kafka classifies as
            // not worth retrying: it would go to the DLQ at once, whatever the back-off.
            throw new IllegalStateException("cannot decode record " + record.topic() + "-" + record.partition() + "@"
                    + record.offset() + " while the schema registry is unavailable", reason.getCause());
        }
        if (reason == null) {
            reason = new IllegalArgumentException("not a " + expected.getSimpleName() + ": " + record.value());
        }
        log.error("record {}-{}@{} is not a {}: dead-lettered", record.topic(), record.partition(), record.offset(),
                expected.getSimpleName(), reason);
        deadLetter(record, reason);
    }

    /**
     * The failure the listener itself raised, without the container's and the binder's wrappers
     * ("Listener failed; error occurred in message handler …"): the DLQ's reason header says why.
     */
    static Exception reasonOf(Exception failure) {
        Exception reason = failure;
        while ((reason instanceof ListenerExecutionFailedException || reason instanceof BatchListenerFailedException
                || reason instanceof MessagingException) && reason.getCause() instanceof Exception cause) {
            reason = cause;
        }
        return reason;
    }

    /** The container, not the binding, retries and dead-letters (see the class comment). */
    @Override
    public boolean retryAndDlqInBinding(String destinationName, String group) {
        return false;
    }

    private static BackOff backOffForEver() {
        ExponentialBackOff backOff = new ExponentialBackOff(1000, 2);
        backOff.setMaxInterval(60_000);
        return backOff;
    }
}
