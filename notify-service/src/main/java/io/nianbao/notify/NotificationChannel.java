package io.nianbao.notify;

import io.nianbao.events.Channel;

/** A way to reach a target (e-mail, webhook, …); {@link Notifier} picks one by {@link #kind()}. */
public interface NotificationChannel {

    enum Outcome {
        DELIVERED,
        /** The channel gave up after its own retries and kept the notification in its dead-letter topic. */
        DEAD_LETTERED
    }

    Channel kind();

    /** Delivers the notification; throws when it could not and the caller should retry later. */
    Outcome deliver(Notification notification);
}
