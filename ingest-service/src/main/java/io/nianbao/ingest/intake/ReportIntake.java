package io.nianbao.ingest.intake;

import io.nianbao.events.ReportIngested;
import io.nianbao.events.Stage;
import io.nianbao.events.Topics;
import io.nianbao.ingest.Digests;
import io.nianbao.ingest.IngestProperties;
import io.nianbao.ingest.fetch.DocumentFetcher;
import io.nianbao.ingest.status.ReportStatuses;
import io.nianbao.service.DocumentMemory;
import io.nianbao.service.DocumentStore;
import io.nianbao.service.PipelineMetrics;
import io.nianbao.service.Rejections;
import org.apache.avro.specific.SpecificRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Service;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.regex.Pattern;

/**
 * Decides whether a submission can go on to parsing, and sends it on: report.ingested when it can,
 * report.rejected with a reason when it cannot. The report id is derived from agency, year and the
 * content hash, so the same document handed in twice gets the same id, and goes downstream once.
 *
 * <p>A submission is final once the broker has acknowledged its report.ingested record: the HTTP
 * answer waits for that ({@link #accept}); a poll of report.published starts all its sends before
 * it waits for any ({@link #submit}), so that they share produce requests.
 */
@Service
public class ReportIntake {

    private static final Logger log = LoggerFactory.getLogger(ReportIntake.class);

    private final KafkaTemplate<String, SpecificRecord> ingested;
    private final Rejections rejections;
    private final DocumentStore documents;
    private final DocumentFetcher fetcher;
    private final DocumentInspector inspector;
    private final DocumentMemory memory;
    private final SeenReports seen;
    private final ReportStatuses statuses;
    private final IngestProperties properties;
    private final PipelineMetrics metrics;

    public ReportIntake(KafkaTemplate<String, SpecificRecord> ingested, Rejections rejections, DocumentStore documents, DocumentFetcher fetcher,
                        DocumentInspector inspector, DocumentMemory memory, SeenReports seen, ReportStatuses statuses,
                        IngestProperties properties, PipelineMetrics metrics) {
        this.ingested = ingested;
        this.rejections = rejections;
        this.documents = documents;
        this.fetcher = fetcher;
        this.inspector = inspector;
        this.memory = memory;
        this.seen = seen;
        this.statuses = statuses;
        this.properties = properties;
        this.metrics = metrics;
    }

    /** Checks the submission and sends it on; returns once the broker has the report (or the rejection). */
    public IntakeResult accept(Submission submission) {
        return submit(submission).await();
    }

    /** Checks the submission and starts sending it on; {@link Submitted#await} makes it final. */
    public Submitted submit(Submission submission) {
        metrics.reportIn();
        // The key of a rejection's record: what the portal sent, if it is an agency id at all.
        String agencyId = submission.agencyId() != null && AGENCY_ID.matcher(submission.agencyId()).matches()
                ? submission.agencyId() : "unknown";
        IntakeResult.Rejected problem = senderProblem(submission);
        if (problem == null) {
            problem = metadataProblem(submission);
        }
        if (problem == null && documentUrl(submission) != null && submission.document() != null) {
            problem = new IntakeResult.Rejected("AMBIGUOUS", "报告文件（或全文）和报告网址（documentUrl）只能提交其一", 400);
        }
        if (problem != null) {
            return rejected(problem, null, agencyId, submission);
        }
        ReceivedDocument received;
        try {
            received = receivedOf(submission);
        } catch (IntakeRejection fetchFailed) {
            // The fetcher says so from deep inside the download.
            return rejected(fetchFailed.rejected(), null, agencyId, submission);
        }
        problem = sizeProblem(received);
        if (problem != null) {
            if (received != null) {
                received.close();
            }
            return rejected(problem, null, agencyId, submission);
        }
        try (Document document = held(received)) {
            String sha256 = Digests.sha256Hex(document.bytes());
            String reportId = reportId(agencyId, submission.year(), sha256);
            DocumentInspector.Inspection inspection = inspector.inspect(document.bytes());
            if (inspection.refused() != null) {
                return rejected(inspection.refused(), reportId, agencyId, submission);
            }
            if (!seen.claim(reportId)) {
                log.info("report {} of {} from portal {} is a duplicate: not sent again", reportId, agencyId, submission.portalId());
                return new Submitted(new IntakeResult.Accepted(reportId, true), null, null);
            }
            try {
                ReportIngested report = reportOf(submission, reportId, sha256, inspection.mediaType(), document);
                return new Submitted(new IntakeResult.Accepted(reportId, false), report,
                        ingested.send(Topics.INGESTED.name(), report.getAgencyId(), report));
            } catch (RuntimeException e) {
                seen.release(reportId);
                throw e;
            }
        }
    }

    /** A refusal, written to report.rejected (with the report id once the bytes are known) and answered. */
    private Submitted rejected(IntakeResult.Rejected problem, String reportId, String agencyId, Submission submission) {
        log.info("rejected a submission for {} from portal {}: {}", agencyId, submission.portalId(), problem.reason());
        rejections.reject(reportId, agencyId, submission.portalId(), Stage.INGEST, problem.reason(), problem.message(), null);
        return new Submitted(problem, null, null);
    }

    /** A submission decided, its report.ingested record (if any) on its way to the broker. */
    public final class Submitted {

        private final IntakeResult result;
        private final ReportIngested report;
        private final CompletableFuture<?> send;

        private Submitted(IntakeResult result, ReportIngested report, CompletableFuture<?> send) {
            this.result = result;
            this.report = report;
            this.send = send;
        }

        /**
         * Waits for the broker's acknowledgement (at most the producer's delivery timeout) and
         * returns the result; throws if the report could not be sent, and a resubmission then sends
         * it again. Called once.
         */
        public IntakeResult await() {
            if (send == null) {
                return result;
            }
            try {
                send.get();
            } catch (ExecutionException e) {
                seen.release(report.getReportId());
                throw new IllegalStateException("report.ingested did not accept report " + report.getReportId(), e.getCause());
            } catch (InterruptedException e) {
                seen.release(report.getReportId());
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while sending report " + report.getReportId(), e);
            }
            metrics.reportOut();
            seen.record(report);
            statuses.apply(report);
            log.info("ingested report {} of {} ({}, {} bytes{})", report.getReportId(), report.getAgencyId(),
                    report.getMediaType(), report.getSizeBytes(), report.getDocumentRef() == null ? "" : ", by reference");
            return result;
        }
    }

    private static IntakeResult.Rejected senderProblem(Submission submission) {
        if (submission.portal() == null) {
            return new IntakeResult.Rejected("UNKNOWN_PORTAL", "提交门户未登记或已停用", 401);
        }
        if (blankToNull(submission.agencyId()) == null) {
            return new IntakeResult.Rejected("MISSING_FIELD", "缺少必填项：机关标识（agencyId）", 400);
        }
        if (!submission.portal().mayPublishFor(submission.agencyId())) {
            return new IntakeResult.Rejected("AGENCY_NOT_ALLOWED",
                    "门户" + submission.portalId() + "无权代机关" + submission.agencyId() + "提交报告", 403);
        }
        return null;
    }

    /** Agency ids are ASCII identifiers (a slug, a region code, a unified social credit code). */
    static final Pattern AGENCY_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");
    /** GB/T 2260 county code (6 digits), or a township's 9 or a village's 12, of a province that exists. */
    static final Pattern REGION_CODE = Pattern.compile("(1[1-5]|2[1-3]|3[1-7]|4[1-6]|5[0-4]|6[1-5]|71|8[12])\\d{4}(\\d{3}){0,2}");
    /** The longest agency name taken: real ones are tens of characters. */
    static final int MAX_AGENCY_NAME = 100;
    /** Reports are published in China: "today" is Beijing's. */
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private static IntakeResult.Rejected metadataProblem(Submission submission) {
        if (!AGENCY_ID.matcher(submission.agencyId()).matches()) {
            return new IntakeResult.Rejected("BAD_METADATA", "机关标识（agencyId）应为1至128个字母、数字或“._:-”，以字母或数字开头："
                    + abbreviated(submission.agencyId()), 422);
        }
        if (blankToNull(submission.regionCode()) != null && !REGION_CODE.matcher(submission.regionCode()).matches()) {
            return new IntakeResult.Rejected("BAD_METADATA", "行政区划代码（regionCode）应为GB/T 2260规定的6位代码（或9位、12位）："
                    + abbreviated(submission.regionCode()), 422);
        }
        if (submission.agencyName() != null && (submission.agencyName().length() > MAX_AGENCY_NAME
                || submission.agencyName().codePoints().anyMatch(Character::isISOControl))) {
            return new IntakeResult.Rejected("BAD_METADATA", "机关名称（agencyName）应为不超过" + MAX_AGENCY_NAME + "个字符的一行文字："
                    + abbreviated(submission.agencyName().replaceAll("\\p{Cntrl}", " ")), 422);
        }
        LocalDate today = LocalDate.now(CHINA);
        if (submission.year() != null && (submission.year() < 2008 || submission.year() > today.getYear())) {
            return new IntakeResult.Rejected("BAD_METADATA", "报告年度不合理：" + submission.year(), 422);
        }
        if (blankToNull(submission.publishedOn()) != null) {
            LocalDate publishedOn;
            try {
                publishedOn = LocalDate.parse(submission.publishedOn());
            } catch (DateTimeParseException e) {
                return new IntakeResult.Rejected("BAD_METADATA", "发布日期格式应为YYYY-MM-DD：" + abbreviated(submission.publishedOn()), 422);
            }
            if (publishedOn.isAfter(today.plusDays(1))) {
                return new IntakeResult.Rejected("BAD_METADATA", "发布日期不能晚于今天：" + publishedOn, 422);
            }
        }
        return null;
    }

    /** A value quoted back to the caller, at most 64 characters of it. */
    private static String abbreviated(String value) {
        return value.length() <= 64 ? value : value.substring(0, 64) + "…";
    }

    /** A document in memory, the share of the document memory it holds, and what it came as. */
    private record Document(byte[] bytes, String fileName, DocumentMemory.Hold hold, ReceivedDocument received)
            implements AutoCloseable {
        @Override
        public void close() {
            hold.close();
            received.close();
        }
    }

    /** The document handed in, or fetched from its URL (the fetcher throws an {@link IntakeRejection} when it cannot). */
    private ReceivedDocument receivedOf(Submission submission) {
        String documentUrl = documentUrl(submission);
        return documentUrl != null
                ? fetcher.fetch(documentUrl, submission.portal(), properties.maxDocumentSize().toBytes())
                : submission.document();
    }

    /** The URL the portal gave for the document, which was fetched from it; null for a document handed in. */
    private static String documentUrl(Submission submission) {
        return blankToNull(submission.documentUrl()) == null ? null : submission.documentUrl().trim();
    }

    /** Why the document cannot be taken as it came: none at all, empty, or beyond the size limit; null when it can. */
    private IntakeResult.Rejected sizeProblem(ReceivedDocument received) {
        long max = properties.maxDocumentSize().toBytes();
        if (received == null || received.size() == 0) {
            return new IntakeResult.Rejected("EMPTY", "未收到报告文件，或文件为空", 400);
        }
        return received.size() > max ? IntakeResult.Rejected.documentTooLarge(max) : null;
    }

    /** The document's bytes, read into the heap once their size is held in the document memory, until closed. */
    private Document held(ReceivedDocument received) {
        DocumentMemory.Hold hold = memory.hold(received.size());
        try {
            return new Document(received.bytes(), received.fileName(), hold, received);
        } catch (RuntimeException e) {
            hold.close();
            received.close();
            throw e;
        }
    }

    private ReportIngested reportOf(Submission submission, String reportId, String sha256, String mediaType,
                                    Document document) {
        byte[] bytes = document.bytes();
        boolean inline = bytes.length <= properties.inlineLimit().toBytes();
        return ReportIngested.newBuilder()
                .setReportId(reportId)
                .setAgencyId(submission.agencyId())
                .setAgencyName(blankToNull(submission.agencyName()))
                .setAgencyLevel(submission.agencyLevel() == null ? io.nianbao.events.AgencyLevel.UNKNOWN : submission.agencyLevel())
                .setRegionCode(blankToNull(submission.regionCode()))
                .setYear(submission.year())
                .setPublishedOn(blankToNull(submission.publishedOn()))
                .setPortalId(submission.portalId())
                .setFileName(submission.fileName() != null ? submission.fileName() : document.fileName())
                .setDocumentUrl(documentUrl(submission) != null ? documentUrl(submission) : blankToNull(submission.originUrl()))
                .setMediaType(mediaType)
                .setSha256(sha256)
                .setSizeBytes(bytes.length)
                .setDocument(inline ? ByteBuffer.wrap(bytes) : null)
                .setDocumentRef(inline ? null : documents.put(sha256, bytes))
                .setIngestedAt(Instant.now())
                .build();
    }

    static String reportId(String agencyId, Integer year, String contentSha256) {
        return Digests.sha256Hex((agencyId + '\u0000' + (year == null ? "" : year) + '\u0000' + contentSha256)
                .getBytes(StandardCharsets.UTF_8)).substring(0, 32);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
