package io.nianbao.notify;

import io.nianbao.events.Channel;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.support.KafkaHeaders;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A way to reach a target (e-mail, webhook, …); {@link Notifier} picks one by {@link #kind()}. */
public interface NotificationChannel {

    /** What became of one attempt. */
    sealed interface Outcome {
        Outcome DELIVERED = new Delivered();
        /** The channel gave up and kept the notification in its dead-letter topic. */
        Outcome DEAD_LETTERED = new DeadLettered();

        record Delivered() implements Outcome {
        }

        record DeadLettered() implements Outcome {
        }

        /**
         * Not delivered, and worth another attempt after {@code delay}: made by {@link RetrySender},
         * beside the partitions, so the reports behind this one are not held up by its receiver.
         */
        record RetryAfter(Duration delay) implements Outcome {
        }

        /**
         * Not attempted, or refused for its rate: the receiver takes no more now. Tried again after
         * {@code delay} as {@link RetryAfter} is, without counting as a failed attempt.
         */
        record Throttled(Duration delay) implements Outcome {
        }
    }

    Channel kind();

    /**
     * Makes attempt number {@code attempt} (1 for the first) to deliver the notification; throws
     * when it could not for a reason of ours or an outage, and the caller should retry later.
     */
    Outcome deliver(Notification notification, int attempt);

    /** Header of a dead letter: the attempts made. */
    String ATTEMPTS_HEADER = "nianbao-attempts";

    /**
     * The dead letter of a notification its channel gave up on: the payload as it would have been
     * sent, keyed by agency like every topic, with the reason, the attempts made, the notification
     * id and where it was to go ({@code whereHeader}: {@code where}) in its headers.
     */
    static ProducerRecord<Object, Object> deadLetter(String topic, Notification notification, byte[] payload, String reason,
                                                     int attempts, String whereHeader, String where) {
        ProducerRecord<Object, Object> record = new ProducerRecord<>(topic,
                notification.reports().getFirst().report().agencyId(), payload);
        record.headers().add(KafkaHeaders.DLT_EXCEPTION_MESSAGE, reason.getBytes(StandardCharsets.UTF_8));
        record.headers().add(whereHeader, where.getBytes(StandardCharsets.UTF_8));
        record.headers().add(ATTEMPTS_HEADER, Integer.toString(attempts).getBytes(StandardCharsets.UTF_8));
        record.headers().add(EmailChannel.NOTIFICATION_ID_HEADER, notification.id().getBytes(StandardCharsets.UTF_8));
        return record;
    }
}
