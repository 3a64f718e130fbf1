package io.nianbao.service;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.event.ConsumerStoppedEvent;

/**
 * Liveness goes DOWN (BROKEN) when a binding's consumer stops for any reason but a normal stop:
 * an Error on its thread (Spring Kafka then stops the container for good), a fenced producer, an
 * authorization failure, no offset to start from. Nothing in the process starts it again, and a
 * process that answers but consumes nothing holds its partitions from the other instances: the
 * orchestrator's liveness probe restarts it. (An OutOfMemoryError ends the process at once:
 * the services run with -XX:+ExitOnOutOfMemoryError.)
 */
public final class StoppedConsumers {

    private static final Logger log = LoggerFactory.getLogger(StoppedConsumers.class);

    private final ApplicationEventPublisher events;

    public StoppedConsumers(ApplicationEventPublisher events) {
        this.events = events;
    }

    @EventListener
    void stopped(ConsumerStoppedEvent stopped) {
        if (stopped.getReason() == ConsumerStoppedEvent.Reason.NORMAL) {
            return;
        }
        log.error("a consumer stopped ({}): liveness is now BROKEN, the process is to be restarted", stopped.getReason());
        brokenBecause(stopped.getReason().name());
    }

    /** Marks the process broken: its liveness probe answers DOWN from now on. */
    public void brokenBecause(Object cause) {
        AvailabilityChangeEvent.publish(events, cause, LivenessState.BROKEN);
    }
}
