package io.nianbao.notify;

import io.nianbao.events.Channel;

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
    }

    Channel kind();

    /**
     * Makes attempt number {@code attempt} (1 for the first) to deliver the notification; throws
     * when it could not for a reason of ours or an outage, and the caller should retry later.
     */
    Outcome deliver(Notification notification, int attempt);
}
