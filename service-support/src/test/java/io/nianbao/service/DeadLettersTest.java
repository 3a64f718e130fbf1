package io.nianbao.service;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.nianbao.events.serde.SchemaRegistryException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.messaging.MessageHandlingException;
import org.springframework.messaging.support.GenericMessage;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.util.backoff.BackOffExecution;

import java.sql.SQLTransientConnectionException;
import java.util.Map;
import java.util.Optional;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeadLettersTest {

    /** A batch is never given up (that would dead-letter its good records): a day of retries, still going. */
    @Test
    void aBatchIsRetriedForEverAtMostAMinuteApart() {
        BackOffExecution retries = DeadLetters.UNTIL_IT_GOES_THROUGH.start();

        long[] intervals = LongStream.range(0, 24 * 60 + 10).map(i -> retries.nextBackOff()).toArray();

        assertThat(intervals).doesNotContain(BackOffExecution.STOP);
        assertThat(intervals[0]).isEqualTo(1_000);
        assertThat(LongStream.of(intervals).max().orElseThrow()).isEqualTo(60_000);
    }

    @Test
    void theReasonDeadLetteredIsTheListenersOwnFailureNotTheWrappersAroundIt() {
        IllegalStateException own = new IllegalStateException("cannot mail notification n-1 to ops@nianbao..test");
        ListenerExecutionFailedException wrapped = new ListenerExecutionFailedException("Listener failed",
                new MessageHandlingException(new GenericMessage<>("poll"), "error occurred in message handler",
                        new BatchListenerFailedException("cannot notify", own, 3)));

        assertThat(DeadLetters.reasonOf(wrapped)).isSameAs(own);
        assertThat(DeadLetters.reasonOf(own)).isSameAs(own);
    }

    /** The database away: a good report waits for it instead of going to the DLQ after the binding's few attempts. */
    @Test
    void aRecordThatFailedForAnOutageWaitsForItAnyOtherKeepsTheBindingsBackOff() {
        ConsumerRecord<String, Object> record = new ConsumerRecord<>("report.validated", 0, 7, "agency", "report");
        Exception databaseAway = new ListenerExecutionFailedException("Listener failed",
                new BatchListenerFailedException("cannot record and claim the poll's reports",
                        new CannotCreateTransactionException("Could not open JDBC Connection for transaction",
                                new SQLTransientConnectionException("Connection is not available, request timed out after 30000ms")), 0));

        assertThat(DeadLetters.backOffForOutage(record, databaseAway)).isSameAs(DeadLetters.UNTIL_IT_GOES_THROUGH);
        assertThat(DeadLetters.backOffForOutage(record, new IllegalStateException("no channel WEBHOOK"))).isNull();
    }

    /**
     * A record whose schema could not be fetched is good: the call throws (the batch is retried)
     * and sends nothing; sending would have failed here, with no broker behind the template.
     */
    @Test
    void aRecordUndecodableWhileTheRegistryIsAwayIsNotDeadLettered() {
        DefaultKafkaProducerFactory<Object, Object> noBroker = new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9", ProducerConfig.MAX_BLOCK_MS_CONFIG, 500,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
        DeadLetters deadLetters = new DeadLetters(new KafkaTemplate<>(noBroker),
                new PipelineMetrics(new SimpleMeterRegistry(), "test"));
        RecordHeaders headers = new RecordHeaders();
        SerializationUtils.deserializationException(headers, new byte[] {0, 0, 0, 16, -110},
                new SchemaRegistryException(-1, "schema registry http://127.0.0.1:9 unreachable"), false);
        ConsumerRecord<String, Object> record = new ConsumerRecord<>("report.validated", 0, 7, 0, TimestampType.CREATE_TIME,
                0, 5, "agency", null, headers, Optional.empty());

        assertThatThrownBy(() -> deadLetters.deadLetterUnexpected(record, Object.class))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("schema registry is unavailable");
        noBroker.destroy();
    }
}
