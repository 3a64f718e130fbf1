package io.nianbao.validate;

import io.nianbao.core.rules.Roster;
import io.nianbao.events.DeadlineCheck;
import io.nianbao.events.Topics;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;

/**
 * The tick of PUB-MISSING: sends one {@link DeadlineCheck} per roster agency for last year's report
 * to validate.deadline-checks, on the partition that holds the agency's reports in report.parsed,
 * so the task that knows the agency's history answers it. Ticks are idempotent (the processor
 * remembers what it sent), so every instance may send them and a check may run any number of times.
 */
public class DeadlineChecks implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DeadlineChecks.class);

    private final Roster roster;
    private final Clock clock;
    private final KafkaProducer<String, SpecificRecord> producer;

    /**
     * {@code producer}: one of its own, outside the streams (a scheduled task, not a record's
     * processing), choosing each tick's partition itself.
     */
    public DeadlineChecks(Roster roster, Clock clock, KafkaProducer<String, SpecificRecord> producer) {
        this.roster = roster;
        this.clock = clock;
        this.producer = producer;
    }

    /** Asks, for each roster agency, whether last year's report is missing. */
    @Scheduled(fixedDelayString = "${nianbao.validate.deadline-check-interval:PT1H}")
    public void checkDeadlines() {
        if (roster.agencyIds().isEmpty()) {
            return;
        }
        int year = LocalDate.now(clock).getYear() - 1;
        int partitions = producer.partitionsFor(Topics.PARSED.name()).size();
        for (String agencyId : roster.agencyIds()) {
            byte[] key = agencyId.getBytes(StandardCharsets.UTF_8);
            // The default partitioner's choice for report.parsed, whatever the partitions of this topic.
            int partition = Utils.toPositive(Utils.murmur2(key)) % partitions;
            producer.send(new ProducerRecord<>(Topics.DEADLINE_CHECKS.name(), partition, agencyId,
                    new DeadlineCheck(agencyId, year)));
        }
        producer.flush();
        log.info("deadline checks sent for {} roster agencies, year {}", roster.agencyIds().size(), year);
    }

    @Override
    public void close() {
        producer.close();
    }
}
