package io.nianbao.service;

import io.nianbao.events.RecordsInFlight;
import io.nianbao.events.Topics;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Finds a record that kills its consumer and sets it aside, so that one document cannot stop a
 * stage for good (an instance that dies on it, restarted, would take it again and die again).
 *
 * <p>Before records are handled, the range of offsets in progress on their partition is written
 * to {@link Topics#IN_FLIGHT} (compacted, keyed group/topic/partition), outside any transaction and
 * waited for: it survives the instance and an aborted transaction. A poll costs one write (its
 * partitions' ranges together); a consumer of one record at a time writes a range of the next
 * {@value #STRIDE} offsets, and again when a record is past it. When a partition comes to an
 * instance, the last range written for it by another
 * instance is read: its records still to be handled were in progress when that instance died (or
 * stalled past the group's patience), and they come with one more death than the range counted.
 * <ul>
 *   <li>a record of one death is a suspect: suspects are handled one at a time, each alone in the
 *       process (the other consumer threads wait) under a range of its own that counts the death,
 *       so that a second death names the one record;</li>
 *   <li>a record of two deaths is dead-lettered unhandled, with reason {@value #CRASHED_CONSUMER}.</li>
 * </ul>
 * A handler that throws has not crashed: its range is cleared, and another instance taking the
 * partition counts no death. An Error is not caught: the range stays, and the container stops
 * (liveness then goes DOWN and the process is restarted), or the JVM exits on an OutOfMemoryError.
 */
public final class CrashGuard implements DisposableBean {

    public static final String CRASHED_CONSUMER = "CRASHED_CONSUMER";
    /** Offsets one write covers ahead for a consumer of one record at a time: at most that many suspects after a death. */
    static final int STRIDE = 20;

    private static final Logger log = LoggerFactory.getLogger(CrashGuard.class);
    private static final String TOPIC = Topics.IN_FLIGHT.name();
    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(30);

    private final String group;
    private final String instance = ProcessHandle.current().pid() + "-" + UUID.randomUUID();
    private final KafkaClients kafka;
    private final DeadLetters deadLetters;
    private final KafkaProducer<String, SpecificRecord> producer;
    private final KafkaConsumer<String, SpecificRecord> reader;
    /** Partitions assigned to this instance since it last read what was in flight on them. */
    private final Set<String> stale = ConcurrentHashMap.newKeySet();
    /** Guarded by this: the last range another instance wrote for a partition of ours, when it was not cleared. */
    private final Map<String, RecordsInFlight> left = new HashMap<>();
    /** Guarded by this: the last range this instance wrote for a partition. */
    private final Map<String, RecordsInFlight> written = new HashMap<>();
    private volatile boolean topicReady;
    /**
     * Records are handled under the read lock; a suspect under the write lock, alone: when the
     * process dies then, the one suspect it had in progress is the one that killed it.
     */
    private final ReentrantReadWriteLock handling = new ReentrantReadWriteLock(true);

    public CrashGuard(String group, KafkaClients kafka, DeadLetters deadLetters) {
        this.group = group;
        this.kafka = kafka;
        this.deadLetters = deadLetters;
        this.producer = kafka.producer(0);
        this.reader = kafka.reader();
    }

    /** The partitions were just assigned to this instance: what was in flight on them is read before they are handled. */
    public void assigned(Collection<TopicPartition> partitions) {
        partitions.forEach(partition -> stale.add(key(partition.topic(), partition.partition())));
    }

    /**
     * Handles a poll: {@code body} goes through its records, asking {@link GuardedPoll#setAside}
     * and calling {@link GuardedPoll#starting} before it handles each. A RuntimeException out of
     * it clears the poll's ranges (this instance is alive) and is thrown on.
     */
    void handle(List<ConsumerRecord<?, ?>> records, Consumer<GuardedPoll> body) {
        GuardedPoll poll = guard(records);
        try {
            body.accept(poll);
        } catch (RuntimeException e) {
            poll.failed();
            throw e;
        }
    }

    /**
     * Handles a poll with a handler of slices: the poll in one call, or, when it holds suspects,
     * each record in a call of its own; a record set aside is dead-lettered and given to
     * {@code setAside} instead. A handler that returns false leaves the rest of the poll unhandled
     * (it comes again). Failures as {@link #handle}.
     */
    public void handleInSlices(List<ConsumerRecord<?, ?>> records, Consumer<ConsumerRecord<?, ?>> setAside,
                               Predicate<List<ConsumerRecord<?, ?>>> handler) {
        handle(records, poll -> {
            if (!poll.careful) {
                poll.handle(records.getFirst(), () -> handler.test(records));
                return;
            }
            for (ConsumerRecord<?, ?> record : records) {
                if (poll.setAside(record)) {
                    setAside.accept(record);
                    continue;
                }
                boolean[] goOn = {true};
                poll.handle(record, () -> goOn[0] = handler.test(List.of(record)));
                if (!goOn[0]) {
                    return;
                }
            }
        });
    }

    /** The poll's records with the deaths each was in progress at. */
    GuardedPoll guard(List<ConsumerRecord<?, ?>> records) {
        Map<ConsumerRecord<?, ?>, Integer> deaths = new IdentityHashMap<>();
        synchronized (this) {
            readWhatWasLeft(records.stream().map(r -> key(r.topic(), r.partition())).distinct().toList());
            for (ConsumerRecord<?, ?> record : records) {
                int count = deathsOf(key(record.topic(), record.partition()), record.offset());
                if (count > 0) {
                    deaths.put(record, count);
                }
            }
        }
        return new GuardedPoll(records, deaths);
    }

    /**
     * For a consumer that handles one record at a time (Kafka Streams): runs {@code work} as
     * {@link GuardedPoll#handle} does, writing a range of the next {@value #STRIDE} offsets when
     * the last does not cover the record; false, without running it, for a record to set aside
     * (the caller then dead-letters it with {@link CrashedConsumerException}).
     */
    public boolean handle(String topic, int partition, long offset, Runnable work) {
        String key = key(topic, partition);
        int count;
        synchronized (this) {
            readWhatWasLeft(List.of(key));
            count = deathsOf(key, offset);
        }
        if (count >= 2) {
            log.error("record {}-{}@{} was in progress at {} deaths of its consumers: set aside ({})", topic, partition,
                    offset, count, CRASHED_CONSUMER);
            return false;
        }
        Map<String, RecordsInFlight> writes = new LinkedHashMap<>();
        synchronized (this) {
            RecordsInFlight range = count == 1 ? range(offset, offset, 1) : covers(written.get(key), offset) ? null
                    : range(offset, offset + STRIDE - 1, 0);
            if (range != null) {
                writes.put(key, range);
            }
        }
        runLocked(count == 1, () -> {
            write(writes);
            work.run();
            if (count == 1) {
                done(key);
            }
        });
        return true;
    }

    /**
     * A record handled on its own is done: its range is cleared, or a death of the process while
     * a later record is in progress (before the poll's offsets are committed, when it comes again)
     * would count against it too.
     */
    private void done(String key) {
        write(Map.of(key, range(-1, -1, 0)));
    }

    /** Whether threads wait to handle records (while a suspect is handled alone): for tests. */
    boolean othersWaiting() {
        return handling.hasQueuedThreads();
    }

    /** Runs {@code work} alone in the process when it handles a suspect, beside the others otherwise. */
    private void runLocked(boolean suspect, Runnable work) {
        Lock lock = suspect ? handling.writeLock() : handling.readLock();
        lock.lock();
        try {
            work.run();
        } finally {
            lock.unlock();
        }
    }

    /** The records of one poll, and what is known of the deaths each was in progress at. */
    final class GuardedPoll {
        private final List<ConsumerRecord<?, ?>> records;
        private final Map<ConsumerRecord<?, ?>, Integer> deaths;
        private final boolean careful;
        private boolean started;

        private GuardedPoll(List<ConsumerRecord<?, ?>> records, Map<ConsumerRecord<?, ?>, Integer> deaths) {
            this.records = records;
            this.deaths = deaths;
            this.careful = !deaths.isEmpty();
            if (careful) {
                log.warn("{} of {} records of this poll were in progress when a consumer died: handled one at a time",
                        deaths.size(), records.size());
            }
        }

        /**
         * True for a record that was in progress at two deaths of its consumers: it is dead-lettered
         * now, with reason {@value #CRASHED_CONSUMER}, and must not be handled.
         */
        boolean setAside(ConsumerRecord<?, ?> record) {
            int count = deaths.getOrDefault(record, 0);
            if (count < 2) {
                return false;
            }
            log.error("record {}-{}@{} was in progress at {} deaths of its consumers: dead-lettered unhandled ({})",
                    record.topic(), record.partition(), record.offset(), count, CRASHED_CONSUMER);
            deadLetters.deadLetter(record, new CrashedConsumerException(record, count));
            return true;
        }

        /**
         * Handles the record: writes what is in flight first (once for a poll without suspects,
         * the ranges of all its partitions; for each record of a poll with suspects, a range of the
         * record alone, counting its deaths), waits for the broker, then runs {@code work}: alone
         * in the process for a suspect, beside other records otherwise.
         */
        void handle(ConsumerRecord<?, ?> record, Runnable work) {
            boolean suspect = deaths.getOrDefault(record, 0) > 0;
            runLocked(suspect, () -> {
                starting(record);
                work.run();
                if (careful) {
                    done(key(record.topic(), record.partition()));
                }
            });
        }

        private void starting(ConsumerRecord<?, ?> record) {
            Map<String, RecordsInFlight> writes = new LinkedHashMap<>();
            synchronized (CrashGuard.this) {
                if (careful) {
                    writes.put(key(record.topic(), record.partition()),
                            range(record.offset(), record.offset(), deaths.getOrDefault(record, 0)));
                } else if (!started) {
                    Map<String, long[]> spans = new LinkedHashMap<>();
                    for (ConsumerRecord<?, ?> r : records) {
                        spans.merge(key(r.topic(), r.partition()), new long[]{r.offset(), r.offset()},
                                (a, b) -> new long[]{Math.min(a[0], b[0]), Math.max(a[1], b[1])});
                    }
                    spans.forEach((key, span) -> {
                        RecordsInFlight last = written.get(key);
                        // A poll taken again (after a rollback) is in flight already.
                        if (!covers(last, span[0]) || !covers(last, span[1])) {
                            writes.put(key, range(span[0], span[1], 0));
                        }
                    });
                }
                started = true;
            }
            write(writes);
        }

        /** The handler threw: this instance is alive, so what it had in progress is no death. */
        void failed() {
            Map<String, RecordsInFlight> cleared = new LinkedHashMap<>();
            synchronized (CrashGuard.this) {
                records.stream().map(r -> key(r.topic(), r.partition())).distinct()
                        .forEach(key -> cleared.put(key, range(-1, -1, 0)));
            }
            try {
                write(cleared);
            } catch (RuntimeException e) {
                log.warn("cannot clear the records in flight after a failure (another instance may count it as a death): {}",
                        e.toString());
            }
        }
    }

    /** A record dead-lettered for having been in progress at two deaths of its consumers. */
    public static final class CrashedConsumerException extends RuntimeException {
        public CrashedConsumerException(ConsumerRecord<?, ?> record, int deaths) {
            this(record.topic(), record.partition(), record.offset(), deaths);
        }

        public CrashedConsumerException(String topic, int partition, long offset, int deaths) {
            super(CRASHED_CONSUMER + ": record " + topic + "-" + partition + "@" + offset + " was in progress at "
                    + deaths + " deaths of its consumers (killed by it, or stalled on it past the group's patience);"
                    + " set aside unhandled");
        }
    }

    private int deathsOf(String key, long offset) {
        RecordsInFlight range = left.get(key);
        return covers(range, offset) ? range.getCrashes() + 1 : 0;
    }

    private static boolean covers(RecordsInFlight range, long offset) {
        return range != null && range.getFromOffset() <= offset && offset <= range.getToOffset();
    }

    private RecordsInFlight range(long from, long to, int crashes) {
        return RecordsInFlight.newBuilder().setInstance(instance).setFromOffset(from).setToOffset(to).setCrashes(crashes)
                .setSince(Instant.now()).build();
    }

    /** Reads the topic to its end if a partition among {@code keys} is stale; keeps what others left on them. */
    private void readWhatWasLeft(List<String> keys) {
        List<String> toRead = keys.stream().filter(stale::contains).toList();
        if (toRead.isEmpty()) {
            return;
        }
        ensureTopic();
        Map<String, RecordsInFlight> latest = new HashMap<>();
        List<TopicPartition> partitions = reader.partitionsFor(TOPIC, WRITE_TIMEOUT).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        reader.assign(partitions);
        reader.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = reader.endOffsets(partitions, WRITE_TIMEOUT);
        long deadline = System.nanoTime() + WRITE_TIMEOUT.toNanos();
        while (partitions.stream().anyMatch(p -> reader.position(p, WRITE_TIMEOUT) < end.get(p))) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("cannot read " + TOPIC + " to its end within " + WRITE_TIMEOUT);
            }
            reader.poll(Duration.ofMillis(200)).forEach(r -> {
                if (r.value() instanceof RecordsInFlight range) {
                    latest.put(r.key(), range);
                }
            });
        }
        for (String key : toRead) {
            RecordsInFlight range = latest.get(key);
            if (range != null && !range.getInstance().equals(instance) && range.getFromOffset() >= 0) {
                left.put(key, range);
                log.warn("{} was in progress on {} when its consumer {} left: offsets {}..{}, {} earlier deaths", key,
                        TOPIC, range.getInstance(), range.getFromOffset(), range.getToOffset(), range.getCrashes());
            } else {
                left.remove(key);
            }
            stale.remove(key);
        }
    }

    /** Sends the ranges and waits for the broker; remembers them as this instance's. */
    private void write(Map<String, RecordsInFlight> ranges) {
        if (ranges.isEmpty()) {
            return;
        }
        ensureTopic();
        List<Future<?>> sends = new ArrayList<>();
        ranges.forEach((key, range) -> sends.add(producer.send(new ProducerRecord<>(TOPIC, key, range))));
        for (Future<?> send : sends) {
            try {
                send.get(WRITE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                throw new IllegalStateException("cannot write the records in flight to " + TOPIC, e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while writing the records in flight", e);
            } catch (TimeoutException e) {
                throw new IllegalStateException("the broker did not take the records in flight within " + WRITE_TIMEOUT, e);
            }
        }
        synchronized (this) {
            written.putAll(ranges);
        }
    }

    private void ensureTopic() {
        if (!topicReady) {
            kafka.ensureTopics(List.of(Topics.IN_FLIGHT));
            topicReady = true;
        }
    }

    private String key(String topic, int partition) {
        return group + "/" + topic + "/" + partition;
    }

    @Override
    public void destroy() {
        producer.close(Duration.ofSeconds(5));
        synchronized (this) {
            reader.close(Duration.ofSeconds(5));
        }
    }
}
