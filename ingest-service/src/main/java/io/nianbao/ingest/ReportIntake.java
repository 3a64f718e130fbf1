package io.nianbao.ingest;

import io.nianbao.events.ReportIngested;
import io.nianbao.events.Stage;
import io.nianbao.events.Topics;
import io.nianbao.service.DocumentStore;
import io.nianbao.service.PipelineMetrics;
import io.nianbao.service.Rejections;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.stereotype.Service;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Decides whether a submission can go on to parsing, and sends it on: report.ingested when it can,
 * report.rejected with a reason when it cannot. The report id is derived from agency, year and the
 * content hash, so the same document handed in twice gets the same id, and goes downstream once.
 */
@Service
public class ReportIntake {

    private static final Logger log = LoggerFactory.getLogger(ReportIntake.class);

    private final StreamBridge bridge;
    private final Rejections rejections;
    private final DocumentStore documents;
    private final DocumentFetcher fetcher;
    private final DocumentInspector inspector;
    private final SeenReports seen;
    private final ReportStatuses statuses;
    private final IngestProperties properties;
    private final PipelineMetrics metrics;

    public ReportIntake(StreamBridge bridge, Rejections rejections, DocumentStore documents, DocumentFetcher fetcher,
                        DocumentInspector inspector, SeenReports seen, ReportStatuses statuses, IngestProperties properties,
                        PipelineMetrics metrics) {
        this.bridge = bridge;
        this.rejections = rejections;
        this.documents = documents;
        this.fetcher = fetcher;
        this.inspector = inspector;
        this.seen = seen;
        this.statuses = statuses;
        this.properties = properties;
        this.metrics = metrics;
    }

    public IntakeResult accept(Submission submission) {
        metrics.reportIn();
        String agencyId = blankToNull(submission.agencyId()) == null ? "unknown" : submission.agencyId();
        String reportId = null;
        try {
            checkSender(submission);
            checkMetadata(submission);
            DocumentFetcher.Fetched document = documentOf(submission);
            String sha256 = Digests.sha256Hex(document.bytes());
            reportId = reportId(agencyId, submission.year(), sha256);
            String mediaType = inspector.mediaTypeOf(document.bytes());
            if (!seen.claim(reportId)) {
                log.info("report {} of {} from portal {} is a duplicate: not sent again", reportId, agencyId, submission.portalId());
                return new IntakeResult.Accepted(reportId, true);
            }
            try {
                send(submission, reportId, sha256, mediaType, document);
            } catch (RuntimeException e) {
                seen.release(reportId);
                throw e;
            }
            return new IntakeResult.Accepted(reportId, false);
        } catch (IntakeRejection rejection) {
            IntakeResult.Rejected problem = rejection.rejected();
            log.info("rejected a submission for {} from portal {}: {}", agencyId, submission.portalId(), problem.reason());
            rejections.reject(reportId, agencyId, submission.portalId(), Stage.INGEST, problem.reason(), problem.message(), null);
            return problem;
        }
    }

    private static void checkSender(Submission submission) {
        if (submission.portal() == null) {
            throw new IntakeRejection("UNKNOWN_PORTAL", "提交门户未登记或已停用", 401);
        }
        if (blankToNull(submission.agencyId()) == null) {
            throw new IntakeRejection("MISSING_FIELD", "缺少必填项：机关标识（agencyId）", 400);
        }
        if (!submission.portal().mayPublishFor(submission.agencyId())) {
            throw new IntakeRejection("AGENCY_NOT_ALLOWED",
                    "门户" + submission.portalId() + "无权代机关" + submission.agencyId() + "提交报告", 403);
        }
    }

    private static void checkMetadata(Submission submission) {
        if (submission.year() != null && (submission.year() < 2008 || submission.year() > LocalDate.now().getYear())) {
            throw new IntakeRejection("BAD_METADATA", "报告年度不合理：" + submission.year(), 422);
        }
        if (blankToNull(submission.publishedOn()) != null) {
            try {
                LocalDate.parse(submission.publishedOn());
            } catch (DateTimeParseException e) {
                throw new IntakeRejection("BAD_METADATA", "发布日期格式应为YYYY-MM-DD：" + submission.publishedOn(), 422);
            }
        }
    }

    /** The bytes handed in, or fetched from the URL; not empty and within the size limit. */
    private DocumentFetcher.Fetched documentOf(Submission submission) {
        long max = properties.maxDocumentSize().toBytes();
        boolean byUrl = blankToNull(submission.documentUrl()) != null;
        if (byUrl && submission.document() != null) {
            throw new IntakeRejection("AMBIGUOUS", "报告文件（或全文）和报告网址（documentUrl）只能提交其一", 400);
        }
        DocumentFetcher.Fetched document = byUrl
                ? fetcher.fetch(submission.documentUrl().trim(), submission.portal(), max)
                : new DocumentFetcher.Fetched(submission.document(), submission.fileName());
        if (document.bytes() == null || document.bytes().length == 0) {
            throw new IntakeRejection("EMPTY", "未收到报告文件，或文件为空", 400);
        }
        if (document.bytes().length > max) {
            throw IntakeRejection.tooLarge(max);
        }
        return document;
    }

    private void send(Submission submission, String reportId, String sha256, String mediaType, DocumentFetcher.Fetched document) {
        byte[] bytes = document.bytes();
        boolean inline = bytes.length <= properties.inlineLimit().toBytes();
        ReportIngested ingested = ReportIngested.newBuilder()
                .setReportId(reportId)
                .setAgencyId(submission.agencyId())
                .setAgencyName(blankToNull(submission.agencyName()))
                .setAgencyLevel(submission.agencyLevel() == null ? io.nianbao.events.AgencyLevel.UNKNOWN : submission.agencyLevel())
                .setRegionCode(blankToNull(submission.regionCode()))
                .setYear(submission.year())
                .setPublishedOn(blankToNull(submission.publishedOn()))
                .setPortalId(submission.portalId())
                .setFileName(submission.fileName() != null ? submission.fileName() : document.fileName())
                .setMediaType(mediaType)
                .setSha256(sha256)
                .setSizeBytes(bytes.length)
                .setDocument(inline ? ByteBuffer.wrap(bytes) : null)
                .setDocumentRef(inline ? null : documents.put(sha256, bytes))
                .setIngestedAt(Instant.now())
                .build();
        if (!bridge.send(Topics.INGESTED.name(), ingested)) {
            throw new IllegalStateException("report.ingested did not accept report " + reportId);
        }
        metrics.reportOut();
        seen.record(ingested);
        statuses.apply(ingested);
        log.info("ingested report {} of {} ({}, {} bytes{})", reportId, submission.agencyId(), mediaType, bytes.length,
                inline ? "" : ", by reference");
    }

    static String reportId(String agencyId, Integer year, String contentSha256) {
        return Digests.sha256Hex((agencyId + '\u0000' + (year == null ? "" : year) + '\u0000' + contentSha256)
                .getBytes(StandardCharsets.UTF_8)).substring(0, 32);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
