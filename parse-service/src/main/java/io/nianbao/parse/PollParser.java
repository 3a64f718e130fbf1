package io.nianbao.parse;

import io.nianbao.core.ReportReader;
import io.nianbao.core.UnreadableDocumentException;
import io.nianbao.core.extract.DocumentType;
import io.nianbao.core.extract.ReadingLimits;
import io.nianbao.events.ReportIngested;
import io.nianbao.events.ReportParsed;
import io.nianbao.events.Stage;
import io.nianbao.events.Topics;
import io.nianbao.service.CrashGuard;
import io.nianbao.service.DeadLetters;
import io.nianbao.service.DocumentMemory;
import io.nianbao.service.DocumentStore;
import io.nianbao.service.PipelineMetrics;
import io.nianbao.service.Poll;
import io.nianbao.service.Rejections;
import io.nianbao.service.ReportEvents;
import io.nianbao.service.StreamTracing;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;

import java.time.Duration;
import java.util.List;

/**
 * One poll of report.ingested → report.parsed, or report.rejected for a document that cannot be
 * read at all (corrupt, scanned image), in one Kafka transaction: the listener container's, which
 * commits the poll's offsets with it. A transaction per poll, not per report, because each costs
 * the broker about as much as the records it carries.
 *
 * <p>A record is never the reason the transaction fails: one that cannot be deserialized, or whose
 * parse throws, goes to report.ingested.dlq at once (a parse that failed once fails again) and the
 * rest of the poll goes on. What does fail it (the broker, the schema registry) rolls the whole
 * poll back, to be retried until it commits ({@link DeadLetters}).
 *
 * <p>A document is read and parsed within the service's {@link DocumentMemory}, each holding what
 * its reading takes in heap ({@link ReadingLimits#heapToRead}, measured at the reading limits):
 * threads that took large documents together parse them in turn instead of needing the heap for
 * all of them.
 *
 * <p>A poll takes no further report once it has run for its time budget: what it parsed commits,
 * the rest comes again in the next poll ({@link Acknowledgment#nack(int, Duration)}). A backlog of
 * long PDFs (60 pages read, ~1 s each under load) had made polls of 20 outlast the transaction's
 * timeout: the broker aborted them and they came again whole, each report parsed four times over.
 * A poll parses at least one report, so every poll moves on.
 *
 * <p>A document that kills parse-service (beyond every reading limit, it still takes the heap) is
 * found by the {@link CrashGuard}: after a death, the poll's reports are parsed one at a time, and
 * one in progress at a second death is dead-lettered unparsed and refused (CRASHED_CONSUMER).
 */
class PollParser {

    private static final Logger log = LoggerFactory.getLogger(PollParser.class);

    private final ReportReader reader;
    private final DocumentStore documents;
    private final DocumentMemory memory;
    private final StreamBridge bridge;
    private final Rejections rejections;
    private final DeadLetters deadLetters;
    private final StreamTracing tracing;
    private final PipelineMetrics metrics;
    private final Duration timeBudget;
    private final CrashGuard crashGuard;

    PollParser(ReportReader reader, DocumentStore documents, DocumentMemory memory, StreamBridge bridge,
               Rejections rejections, DeadLetters deadLetters, StreamTracing tracing, PipelineMetrics metrics,
               Duration timeBudget, CrashGuard crashGuard) {
        this.reader = reader;
        this.documents = documents;
        this.memory = memory;
        this.bridge = bridge;
        this.rejections = rejections;
        this.deadLetters = deadLetters;
        this.tracing = tracing;
        this.metrics = metrics;
        this.timeBudget = timeBudget;
        this.crashGuard = crashGuard;
    }

    void parse(Message<?> poll) {
        Acknowledgment acknowledgment = poll.getHeaders().get(KafkaHeaders.ACKNOWLEDGMENT, Acknowledgment.class);
        if (acknowledgment == null) {
            throw new IllegalStateException("no " + KafkaHeaders.ACKNOWLEDGMENT + " header: the binding's ack-mode must be MANUAL");
        }
        List<ConsumerRecord<?, ?>> records = Poll.recordsOf(poll);
        long start = System.nanoTime();
        crashGuard.handle(records, guarded -> {
            for (int i = 0; i < records.size(); i++) {
                if (i > 0 && System.nanoTime() - start > timeBudget.toNanos()) {
                    log.warn("a poll ran past its {} budget after {} of {} reports: the other {} come again in the next poll",
                            timeBudget, i, records.size(), records.size() - i);
                    acknowledgment.nack(i, Duration.ZERO);
                    return;
                }
                ConsumerRecord<?, ?> record = records.get(i);
                if (guarded.setAside(record)) {
                    rejectSetAside(record);
                    continue;
                }
                guarded.handle(record, () -> tracing.inSpan("parse", record.headers(), forwarded -> parse(record)));
            }
            // Within a transaction the container commits the whole poll anyway; without one, only this does.
            acknowledgment.acknowledge();
        });
    }

    /** What reading the document takes in heap (ReadingLimits): what the poll's threads hold of the memory budget. */
    private static long heapToRead(ReportIngested ingested) {
        DocumentType type = DocumentType.ofMediaType(ingested.getMediaType());
        return type == null ? ingested.getSizeBytes() : ReadingLimits.heapToRead(type, ingested.getSizeBytes());
    }

    /** A report whose parse killed parse-service twice is refused, so that its portal hears why it goes no further. */
    private void rejectSetAside(ConsumerRecord<?, ?> record) {
        if (record.value() instanceof ReportIngested ingested) {
            rejections.reject(ingested.getReportId(), ingested.getAgencyId(), ingested.getPortalId(), Stage.PARSE,
                    CrashGuard.CRASHED_CONSUMER, "读取该文件两次导致解析服务异常退出，已停止处理并转交运维人员检查。",
                    "in progress at two deaths of parse-service");
        }
    }

    private void parse(ConsumerRecord<?, ?> record) {
        if (!(record.value() instanceof ReportIngested ingested)) {
            deadLetters.deadLetterUnexpected(record, ReportIngested.class);
            return;
        }
        metrics.reportIn();
        ReportParsed parsed;
        try (DocumentMemory.Hold held = memory.hold(heapToRead(ingested))) {
            parsed = ReportEvents.toEvent(ingested, reader.read(documents.contentOf(ingested), ReportEvents.hintsOf(ingested)));
        } catch (UnreadableDocumentException e) {
            log.info("rejected report {} of {}: {}", ingested.getReportId(), ingested.getAgencyId(), e.getMessage());
            rejections.reject(ingested.getReportId(), ingested.getAgencyId(), ingested.getPortalId(), Stage.PARSE,
                    e.reason().name(), e.chineseMessage(), e.getMessage());
            return;
        } catch (RuntimeException e) {
            log.error("parsing report {} of {} failed: dead-lettered", ingested.getReportId(), ingested.getAgencyId(), e);
            deadLetters.deadLetter(record, e);
            return;
        }
        // Outside the try: a send the broker or the registry refuses fails the poll's transaction.
        if (!bridge.send(Topics.PARSED.name(), parsed)) {
            throw new IllegalStateException("report.parsed did not accept report " + ingested.getReportId());
        }
        log.info("parsed report {} of {}: template {}, {} parse findings", ingested.getReportId(),
                ingested.getAgencyId(), parsed.getTemplate(), parsed.getParseFindings().size());
        metrics.reportOut();
    }
}
