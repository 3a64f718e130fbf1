package io.nianbao.ingest;

import io.nianbao.events.ReportIngested;
import io.nianbao.events.Stage;
import io.nianbao.events.Topics;
import io.nianbao.service.DocumentStore;
import io.nianbao.service.Rejections;
import org.apache.tika.Tika;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.stereotype.Service;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Set;

/**
 * Decides whether a submission can go on to parsing, and sends it on: report.ingested when it can,
 * report.rejected with a reason when it cannot. The report id is derived from agency, year and the
 * content hash, so the same document published twice gets the same id.
 */
@Service
public class ReportIntake {

    private static final Logger log = LoggerFactory.getLogger(ReportIntake.class);

    /** Media types the parser reads, as Tika names them from the bytes. */
    private static final Set<String> READABLE_TYPES = Set.of(
            "text/plain", "text/html", "application/xhtml+xml", "application/pdf",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/x-tika-ooxml", "application/msword", "application/x-tika-msoffice");

    private final Tika tika = new Tika();
    private final StreamBridge bridge;
    private final Rejections rejections;
    private final DocumentStore documents;
    private final IngestProperties properties;

    public ReportIntake(StreamBridge bridge, Rejections rejections, DocumentStore documents, IngestProperties properties) {
        this.bridge = bridge;
        this.rejections = rejections;
        this.documents = documents;
        this.properties = properties;
    }

    public IntakeResult accept(Submission submission) {
        IntakeResult.Rejected problem = problemWith(submission);
        String agencyId = blankToNull(submission.agencyId()) == null ? "unknown" : submission.agencyId();
        if (problem != null) {
            log.info("rejected a submission for {} from portal {}: {}", agencyId, submission.portalId(), problem.reason());
            rejections.reject(null, agencyId, submission.portalId(), Stage.INGEST, problem.reason(), problem.message(), null);
            return problem;
        }
        byte[] document = submission.document();
        String mediaType = tika.detect(document);
        if (!READABLE_TYPES.contains(mediaType)) {
            IntakeResult.Rejected unsupported = new IntakeResult.Rejected("UNSUPPORTED_TYPE",
                    "不支持的文件类型（" + mediaType + "），请提交HTML、PDF、DOC/DOCX或文本格式的年度报告", 415);
            rejections.reject(null, agencyId, submission.portalId(), Stage.INGEST, unsupported.reason(), unsupported.message(), mediaType);
            return unsupported;
        }
        String sha256 = sha256Hex(document);
        String reportId = reportId(agencyId, submission.year(), sha256);
        boolean inline = document.length <= properties.inlineLimit().toBytes();
        ReportIngested ingested = ReportIngested.newBuilder()
                .setReportId(reportId)
                .setAgencyId(agencyId)
                .setAgencyName(blankToNull(submission.agencyName()))
                .setAgencyLevel(submission.agencyLevel() == null ? io.nianbao.events.AgencyLevel.UNKNOWN : submission.agencyLevel())
                .setRegionCode(blankToNull(submission.regionCode()))
                .setYear(submission.year())
                .setPublishedOn(blankToNull(submission.publishedOn()))
                .setPortalId(submission.portalId())
                .setFileName(submission.fileName())
                .setMediaType(mediaType)
                .setSha256(sha256)
                .setSizeBytes(document.length)
                .setDocument(inline ? ByteBuffer.wrap(document) : null)
                .setDocumentRef(inline ? null : documents.put(sha256, document))
                .setIngestedAt(Instant.now())
                .build();
        if (!bridge.send(Topics.INGESTED.name(), ingested)) {
            throw new IllegalStateException("report.ingested did not accept report " + reportId);
        }
        log.info("ingested report {} of {} ({}, {} bytes)", reportId, agencyId, mediaType, document.length);
        return new IntakeResult.Accepted(reportId);
    }

    private IntakeResult.Rejected problemWith(Submission submission) {
        if (blankToNull(submission.agencyId()) == null) {
            return new IntakeResult.Rejected("MISSING_FIELD", "缺少必填项：机关标识（agencyId）", 400);
        }
        if (submission.document() == null || submission.document().length == 0) {
            return new IntakeResult.Rejected("EMPTY", "未收到报告文件，或文件为空", 400);
        }
        if (submission.document().length > properties.maxDocumentSize().toBytes()) {
            return new IntakeResult.Rejected("TOO_LARGE", "文件过大（%d字节），上限为%d字节".formatted(
                    submission.document().length, properties.maxDocumentSize().toBytes()), 413);
        }
        if (submission.year() != null && (submission.year() < 2008 || submission.year() > LocalDate.now().getYear())) {
            return new IntakeResult.Rejected("BAD_METADATA", "报告年度不合理：" + submission.year(), 422);
        }
        if (blankToNull(submission.publishedOn()) != null) {
            try {
                LocalDate.parse(submission.publishedOn());
            } catch (DateTimeParseException e) {
                return new IntakeResult.Rejected("BAD_METADATA", "发布日期格式应为YYYY-MM-DD：" + submission.publishedOn(), 422);
            }
        }
        return null;
    }

    static String reportId(String agencyId, Integer year, String contentSha256) {
        return sha256Hex((agencyId + '\u0000' + (year == null ? "" : year) + '\u0000' + contentSha256)
                .getBytes(StandardCharsets.UTF_8)).substring(0, 32);
    }

    private static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
