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
import io.nianbao.service.DocumentMemory;
import io.nianbao.service.DocumentStore;
import io.nianbao.service.PipelineMetrics;
import io.nianbao.service.Poll;
import io.nianbao.service.Rejections;
import io.nianbao.service.ReportEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.function.StreamBridge;

/**
 * parse-service's domain step: ReportIngested → ReportParsed, or ReportRejected for a document that
 * cannot be read at all (corrupt, scanned image). A parse that throws is the record's own failure
 * (dead-lettered by the poll); the send it returns is waited for with the poll's.
 *
 * <p>A document is read within the service's {@link DocumentMemory}, each holding what its reading
 * takes in heap ({@link ReadingLimits#heapToRead}, measured at the reading limits): threads that
 * took large documents together parse them in turn instead of needing the heap for all of them.
 */
class ReportParsing implements Poll.EventStep<ReportIngested> {

    private static final Logger log = LoggerFactory.getLogger(ReportParsing.class);

    private final ReportReader reader;
    private final DocumentStore documents;
    private final DocumentMemory memory;
    private final StreamBridge bridge;
    private final Rejections rejections;
    private final PipelineMetrics metrics;

    ReportParsing(ReportReader reader, DocumentStore documents, DocumentMemory memory, StreamBridge bridge,
                  Rejections rejections, PipelineMetrics metrics) {
        this.reader = reader;
        this.documents = documents;
        this.memory = memory;
        this.bridge = bridge;
        this.rejections = rejections;
        this.metrics = metrics;
    }

    @Override
    public Poll.Pending handle(ReportIngested ingested) {
        metrics.reportIn();
        ReportParsed parsed;
        try (DocumentMemory.Hold held = memory.hold(heapToRead(ingested))) {
            parsed = ReportEvents.toEvent(ingested, reader.read(documents.contentOf(ingested), ReportEvents.hintsOf(ingested)));
        } catch (UnreadableDocumentException e) {
            log.info("rejected report {} of {}: {}", ingested.getReportId(), ingested.getAgencyId(), e.getMessage());
            return () -> rejections.reject(ingested.getReportId(), ingested.getAgencyId(), ingested.getPortalId(), Stage.PARSE,
                    e.reason().name(), e.chineseMessage(), e.getMessage());
        }
        return () -> {
            if (!bridge.send(Topics.PARSED.name(), parsed)) {
                throw new IllegalStateException("report.parsed did not accept report " + ingested.getReportId());
            }
            log.info("parsed report {} of {}: template {}, {} parse findings", ingested.getReportId(),
                    ingested.getAgencyId(), parsed.getTemplate(), parsed.getParseFindings().size());
            metrics.reportOut();
        };
    }

    /** A report whose parse killed parse-service twice is refused, so that its portal hears why it goes no further. */
    void rejectSetAside(ReportIngested ingested) {
        rejections.reject(ingested.getReportId(), ingested.getAgencyId(), ingested.getPortalId(), Stage.PARSE,
                CrashGuard.CRASHED_CONSUMER, "读取该文件两次导致解析服务异常退出，已停止处理并转交运维人员检查。",
                "in progress at two deaths of parse-service");
    }

    /** What reading the document takes in heap (ReadingLimits): what the poll's threads hold of the memory budget. */
    private static long heapToRead(ReportIngested ingested) {
        DocumentType type = DocumentType.ofMediaType(ingested.getMediaType());
        return type == null ? ingested.getSizeBytes() : ReadingLimits.heapToRead(type, ingested.getSizeBytes());
    }
}
