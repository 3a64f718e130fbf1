package io.nianbao.parse;

import io.nianbao.core.ReportReader;
import io.nianbao.core.UnreadableDocumentException;
import io.nianbao.core.extract.DocumentType;
import io.nianbao.core.extract.ReadingLimits;
import io.nianbao.core.model.ParsedReport;
import io.nianbao.core.model.ReportMetadata;
import io.nianbao.events.OcrRefusal;
import io.nianbao.events.ReportIngested;
import io.nianbao.events.ReportParsed;
import io.nianbao.events.ReportRecognised;
import io.nianbao.events.Stage;
import io.nianbao.events.Topic;
import io.nianbao.events.Topics;
import io.nianbao.service.CrashGuard;
import io.nianbao.service.DocumentMemory;
import io.nianbao.service.DocumentStore;
import io.nianbao.service.PipelineMetrics;
import io.nianbao.service.Poll;
import io.nianbao.service.Rejections;
import io.nianbao.service.ReportEvents;
import org.apache.avro.specific.SpecificRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.function.StreamBridge;

import java.util.Optional;

/**
 * parse-service's domain steps. A document from report.ingested becomes a ReportParsed; one that
 * has no text to read (a scan, a photo) or whose tables are pictures goes to ocr.requested when
 * OCR is on, else is refused ("需要OCR"); a corrupt one is refused. What ocr-service read from
 * such a document comes back on ocr.recognised and becomes a ReportParsed here too, so that this
 * service alone parses and alone writes report.parsed. A parse that throws is the record's own
 * failure (dead-lettered by the poll); the send it returns is waited for with the poll's.
 *
 * <p>A document is read within the service's {@link DocumentMemory}, each holding what its reading
 * takes in heap ({@link ReadingLimits#heapToRead}, measured at the reading limits): threads that
 * took large documents together parse them in turn instead of needing the heap for all of them.
 */
class ReportParsing {

    private static final Logger log = LoggerFactory.getLogger(ReportParsing.class);

    private final ReportReader reader;
    private final DocumentStore documents;
    private final DocumentMemory memory;
    private final StreamBridge bridge;
    private final Rejections rejections;
    private final PipelineMetrics metrics;
    private final boolean ocr;

    /** @param ocr whether documents that need OCR go to ocr-service (else they are refused with "需要OCR") */
    ReportParsing(ReportReader reader, DocumentStore documents, DocumentMemory memory, StreamBridge bridge,
                  Rejections rejections, PipelineMetrics metrics, boolean ocr) {
        this.reader = reader;
        this.documents = documents;
        this.memory = memory;
        this.bridge = bridge;
        this.rejections = rejections;
        this.metrics = metrics;
        this.ocr = ocr;
    }

    /** report.ingested → report.parsed, ocr.requested or report.rejected. */
    Poll.Pending parse(ReportIngested ingested) {
        metrics.reportIn();
        Optional<ParsedReport> report;
        try (DocumentMemory.Hold held = memory.hold(heapToRead(ingested))) {
            byte[] document = documents.contentOf(ingested);
            ReportMetadata hints = ReportEvents.hintsOf(ingested);
            report = ocr ? reader.readUnlessOcrNeeded(document, hints) : Optional.of(reader.read(document, hints));
        } catch (UnreadableDocumentException e) {
            return reject(ingested, e.reason().name(), e.chineseMessage(), e.getMessage());
        }
        return report.isPresent() ? send(ingested, report.get()) : toOcr(ingested);
    }

    /** ocr.recognised → report.parsed, or report.rejected when ocr-service could not read the document. */
    Poll.Pending parseRecognised(ReportRecognised recognised) {
        ReportIngested ingested = recognised.getReport();
        OcrRefusal refusal = recognised.getRefusal();
        if (refusal != null) {
            return reject(ingested, refusal.getReason(), refusal.getMessage(), refusal.getDetail());
        }
        ParsedReport report;
        try (DocumentMemory.Hold held = memory.hold(heapToRead(ingested))) {
            report = reader.read(documents.contentOf(ingested), ReportEvents.hintsOf(ingested),
                    ReportEvents.recognitionOf(recognised));
        } catch (UnreadableDocumentException e) {
            return reject(ingested, e.reason().name(), e.chineseMessage(), e.getMessage());
        }
        return send(ingested, report);
    }

    /** A report whose parse killed parse-service twice is refused, so that its portal hears why it goes no further. */
    void rejectSetAside(ReportIngested ingested) {
        rejections.reject(ingested.getReportId(), ingested.getAgencyId(), ingested.getPortalId(), Stage.PARSE,
                CrashGuard.CRASHED_CONSUMER, "读取该文件两次导致解析服务异常退出，已停止处理并转交运维人员检查。",
                "in progress at two deaths of parse-service");
    }

    private Poll.Pending toOcr(ReportIngested ingested) {
        log.info("report {} of {} goes to OCR", ingested.getReportId(), ingested.getAgencyId());
        return () -> {
            sendTo(Topics.OCR_REQUESTED, ingested, ingested.getReportId());
            metrics.reportOut();
        };
    }

    private Poll.Pending send(ReportIngested ingested, ParsedReport report) {
        ReportParsed parsed = ReportEvents.toEvent(ingested, report);
        return () -> {
            sendTo(Topics.PARSED, parsed, ingested.getReportId());
            log.info("parsed report {} of {}: template {}, {} parse findings{}", ingested.getReportId(),
                    ingested.getAgencyId(), parsed.getTemplate(), parsed.getParseFindings().size(),
                    report.readByOcr() ? ", read by OCR" : "");
            metrics.reportOut();
        };
    }

    private Poll.Pending reject(ReportIngested ingested, String reason, String chineseMessage, String detail) {
        log.info("rejected report {} of {}: {}", ingested.getReportId(), ingested.getAgencyId(), detail);
        return () -> rejections.reject(ingested.getReportId(), ingested.getAgencyId(), ingested.getPortalId(), Stage.PARSE,
                reason, chineseMessage, detail);
    }

    /** Keyed by the payload's agency id, as every flow topic (nianbao-stream.yaml). */
    private <V extends SpecificRecord> void sendTo(Topic<V> topic, V value, String reportId) {
        if (!bridge.send(topic.name(), value)) {
            throw new IllegalStateException(topic.name() + " did not accept report " + reportId);
        }
    }

    /** What reading the document takes in heap (ReadingLimits): what the poll's threads hold of the memory budget. */
    private static long heapToRead(ReportIngested ingested) {
        DocumentType type = DocumentType.ofMediaType(ingested.getMediaType());
        return type == null ? ingested.getSizeBytes() : ReadingLimits.heapToRead(type, ingested.getSizeBytes());
    }
}
