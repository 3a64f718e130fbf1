package io.nianbao.watch.state;

import io.nianbao.events.ColumnSeen;
import io.nianbao.events.ReportPublished;
import io.nianbao.events.Topics;
import io.nianbao.service.KafkaClients;
import io.nianbao.watch.CheckOutcome;
import io.nianbao.watch.ColumnWatch;
import io.nianbao.watch.WatchProperties;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * Which instance checks which column, and what it remembers of it. The instances of watch-service
 * form a consumer group on watch.seen; a column belongs to the partition its id is keyed to (as
 * the producer's partitioner places its records), and the instance that owns the partition owns
 * the column. On taking a partition the instance opens that partition's transactional producer
 * (its id names the partition, so the previous owner is fenced and its open transaction aborted),
 * reads the partition from its beginning to the end (the columns' memory), then schedules the
 * columns; on losing it, it stops them. Every report.published a check sends is committed with
 * the column's new memory, so a restart, a rebalance or a check cut short sends nothing twice.
 */
public final class ColumnOwnership implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ColumnOwnership.class);
    static final String GROUP = "watch-service";

    private final KafkaClients kafka;
    private final List<WatchProperties.Column> columns;
    private final ColumnWatch watch;
    private final BiConsumer<WatchProperties.Column, CheckOutcome> afterCheck;
    private final ScheduledExecutorService scans;
    private final Map<String, ColumnSeen> memory = new ConcurrentHashMap<>();
    private final Map<Integer, Owned> owned = new ConcurrentHashMap<>();
    /** Partitions being read back, with the offset where their memory ends (the consumer thread's alone). */
    private final Map<TopicPartition, Long> loading = new HashMap<>();
    private volatile boolean running;
    private Thread thread;
    private KafkaConsumer<String, SpecificRecord> consumer;
    private int partitions;

    /** A partition this instance owns: its producer and its columns' scheduled checks. */
    private static final class Owned {
        final KafkaProducer<String, SpecificRecord> producer;
        final List<ScheduledFuture<?>> checks = new ArrayList<>();

        Owned(KafkaProducer<String, SpecificRecord> producer) {
            this.producer = producer;
        }
    }

    public ColumnOwnership(KafkaClients kafka, List<WatchProperties.Column> columns, ColumnWatch watch, int threads,
                           BiConsumer<WatchProperties.Column, CheckOutcome> afterCheck) {
        this.kafka = kafka;
        this.columns = columns;
        this.watch = watch;
        this.afterCheck = afterCheck;
        this.scans = Executors.newScheduledThreadPool(threads, Thread.ofPlatform().name("watch-check-", 0).factory());
    }

    /** The partition of watch.seen a column's records go to: the default partitioner's, on its id. */
    static int partitionOf(String columnId, int partitions) {
        return Utils.toPositive(Utils.murmur2(columnId.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    @Override
    public void start() {
        kafka.ensureTopics(List.of(Topics.WATCH_SEEN, Topics.WATCH_STATUS, Topics.PUBLISHED));
        consumer = kafka.groupMember(GROUP);
        partitions = consumer.partitionsFor(Topics.WATCH_SEEN.name()).size();
        running = true;
        thread = Thread.ofPlatform().name("watch-ownership").start(this::run);
    }

    private void run() {
        try {
            consumer.subscribe(List.of(Topics.WATCH_SEEN.name()), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> lost) {
                    lost.forEach(ColumnOwnership.this::release);
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> taken) {
                    take(taken);
                }
            });
            while (running) {
                for (ConsumerRecord<String, SpecificRecord> record : consumer.poll(Duration.ofMillis(500))) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (loading.containsKey(partition)) {
                        remember(record);
                    }
                }
                startLoadedColumns();
            }
        } catch (WakeupException stopping) {
            // stop() ends the loop
        } catch (RuntimeException e) {
            log.error("watch-service stopped owning columns", e);
        } finally {
            consumer.close(Duration.ofSeconds(10));
        }
    }

    private void remember(ConsumerRecord<String, SpecificRecord> record) {
        if (record.value() instanceof ColumnSeen seen) {
            memory.put(record.key(), seen);
        } else if (record.value() == null) {
            memory.remove(record.key());
        }
    }

    private void take(Collection<TopicPartition> taken) {
        for (TopicPartition partition : taken) {
            KafkaProducer<String, SpecificRecord> producer =
                    kafka.transactionalProducer(GROUP + "-" + partition.topic() + "-" + partition.partition());
            producer.initTransactions();
            owned.put(partition.partition(), new Owned(producer));
            columnsOf(partition.partition()).forEach(column -> memory.remove(column.id()));
        }
        loading.putAll(consumer.endOffsets(taken));
        consumer.seekToBeginning(taken);
        log.info("took partitions {} of {}: reading the columns' memory back", taken.stream().map(TopicPartition::partition).toList(),
                Topics.WATCH_SEEN.name());
    }

    private void startLoadedColumns() {
        List<TopicPartition> loaded = loading.entrySet().stream()
                .filter(e -> consumer.position(e.getKey()) >= e.getValue()).map(Map.Entry::getKey).toList();
        for (TopicPartition partition : loaded) {
            loading.remove(partition);
            Owned partitionOwned = owned.get(partition.partition());
            List<WatchProperties.Column> mine = columnsOf(partition.partition());
            for (WatchProperties.Column column : mine) {
                partitionOwned.checks.add(scans.scheduleWithFixedDelay(() -> check(column, partitionOwned), 0,
                        column.interval().toMillis(), TimeUnit.MILLISECONDS));
            }
            log.info("partition {}: checking columns {}", partition.partition(), mine.stream().map(WatchProperties.Column::id).toList());
        }
    }

    private void release(TopicPartition partition) {
        loading.remove(partition);
        Owned was = owned.remove(partition.partition());
        if (was == null) {
            return;
        }
        was.checks.forEach(check -> check.cancel(true));
        synchronized (was) {
            was.producer.close(Duration.ofSeconds(5));
        }
        log.info("released partition {} of {}", partition.partition(), Topics.WATCH_SEEN.name());
    }

    private List<WatchProperties.Column> columnsOf(int partition) {
        return columns.stream().filter(c -> partitionOf(c.id(), partitions) == partition).toList();
    }

    private void check(WatchProperties.Column column, Owned partition) {
        try {
            afterCheck.accept(column, watch.check(column, memory.get(column.id()), new PartitionSink(column.id(), partition)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // A check that fails is tried again at its next turn; its column is not dropped.
            log.warn("column {}: check failed", column.id(), e);
        }
    }

    /** A check's writes through its partition's producer: one transaction each, the memory kept once committed. */
    private final class PartitionSink implements ColumnWatch.Sink {
        private final String columnId;
        private final Owned partition;

        PartitionSink(String columnId, Owned partition) {
            this.columnId = columnId;
            this.partition = partition;
        }

        @Override
        public void publish(ReportPublished report, ColumnSeen seen) throws InterruptedException {
            commit(new ProducerRecord<>(Topics.PUBLISHED.name(), report.getAgencyId(), report), seen);
        }

        @Override
        public void save(ColumnSeen seen) throws InterruptedException {
            commit(null, seen);
        }

        private void commit(ProducerRecord<String, SpecificRecord> report, ColumnSeen seen) throws InterruptedException {
            synchronized (partition) {
                if (Thread.currentThread().isInterrupted() || owned.get(partitionOf(columnId, partitions)) != partition) {
                    throw new InterruptedException("column " + columnId + " is no longer ours");
                }
                KafkaProducer<String, SpecificRecord> producer = partition.producer;
                producer.beginTransaction();
                try {
                    if (report != null) {
                        producer.send(report);
                    }
                    producer.send(new ProducerRecord<>(Topics.WATCH_SEEN.name(), columnId, seen)).get();
                    producer.commitTransaction();
                } catch (ExecutionException | KafkaException e) {
                    abort(producer);
                    throw new IllegalStateException("column " + columnId + ": could not commit", e);
                } catch (InterruptedException e) {
                    abort(producer);
                    throw e;
                }
                memory.put(columnId, seen);
            }
        }

        private static void abort(KafkaProducer<String, SpecificRecord> producer) {
            try {
                producer.abortTransaction();
            } catch (KafkaException e) {
                log.debug("abort failed (fenced or closed): {}", e.toString());
            }
        }
    }

    @Override
    public void stop() {
        running = false;
        if (consumer != null) {
            consumer.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(20));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        scans.shutdownNow();
        owned.keySet().forEach(p -> release(new TopicPartition(Topics.WATCH_SEEN.name(), p)));
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
