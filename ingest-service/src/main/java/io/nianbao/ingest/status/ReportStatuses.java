package io.nianbao.ingest.status;

import io.nianbao.events.NotificationSent;
import io.nianbao.events.ReportIngested;
import io.nianbao.events.ReportParsed;
import io.nianbao.events.ReportRejected;
import io.nianbao.events.ReportValidated;
import io.nianbao.events.Topic;
import io.nianbao.events.Topics;
import io.nianbao.ingest.IngestProperties;
import io.nianbao.ingest.ReportKey;
import io.nianbao.service.KafkaClients;
import io.nianbao.service.TopicFollower;
import io.swagger.v3.oas.annotations.media.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The report-status read model behind {@code GET /api/v1/reports/{id}}, apart from the front door's
 * intake: where each report is, read from the pipeline's own events (report.ingested, .parsed,
 * .validated, .rejected, notification.sent) by every instance. Memory is bounded: at most
 * {@code capacity} reports, the least recently updated or read dropped first, and at startup
 * only the last {@code lookback} of the topics is read.
 */
@Component
public class ReportStatuses implements DisposableBean {

    /** In pipeline order; a report never moves back (events of different topics arrive in any order). */
    @Schema(description = "处理阶段：已接收、已解析、已核查、已通知、已拒收")
    public enum Stage { INGESTED, PARSED, VALIDATED, NOTIFIED, REJECTED }

    @Schema(description = "报告处理状态")
    public record Status(@Schema(description = "报告编号") String reportId,
                         @Schema(description = "机关标识") String agencyId,
                         @Schema(description = "当前阶段") Stage stage,
                         @Schema(description = "拒收原因代码（仅已拒收时）") String reason,
                         @Schema(description = "拒收说明（仅已拒收时）") String message,
                         @Schema(description = "核查发现的问题数（核查后）") Integer findings,
                         @Schema(description = "最近一次状态变化的时间") Instant updatedAt) {
    }

    /** A report's status as kept: its id is the map's key, as a {@link ReportKey} (24 bytes, the string took 72). */
    private record Progress(String agencyId, Stage stage, String reason, String message, Integer findings, Instant updatedAt) {

        private Progress after(Progress earlier) {
            if (earlier == null) {
                return this;
            }
            if (earlier.stage.compareTo(stage) >= 0) {
                return earlier;
            }
            return new Progress(agencyId, stage, reason, message, findings != null ? findings : earlier.findings, updatedAt);
        }

        private Status of(String reportId) {
            return new Status(reportId, agencyId, stage, reason, message, findings, updatedAt);
        }
    }

    private static final List<Topic<?>> TOPICS = List.of(Topics.INGESTED, Topics.PARSED, Topics.VALIDATED, Topics.REJECTED,
            Topics.NOTIFICATION_SENT);

    private final Map<ReportKey, Progress> byId;
    private final TopicFollower follower;

    public ReportStatuses(KafkaClients kafka, IngestProperties properties) {
        int capacity = properties.status().capacity();
        this.byId = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<ReportKey, Progress> eldest) {
                return size() > capacity;
            }
        };
        kafka.ensureTopics(TOPICS);
        this.follower = kafka.follow("ingest-report-statuses", TOPICS, Instant.now().minus(properties.status().lookback()),
                this::apply);
    }

    public Optional<Status> of(String reportId) {
        synchronized (byId) {
            return Optional.ofNullable(byId.get(ReportKey.of(reportId))).map(progress -> progress.of(reportId));
        }
    }

    /** Statuses in memory, at most the configured capacity. */
    public int size() {
        synchronized (byId) {
            return byId.size();
        }
    }

    /** Also called by the intake for what it just sent, so the status is readable at once. */
    public void apply(SpecificRecord event) {
        Map.Entry<String, Progress> update = switch (event) {
            case ReportIngested e -> Map.entry(e.getReportId(),
                    new Progress(e.getAgencyId(), Stage.INGESTED, null, null, null, e.getIngestedAt()));
            case ReportParsed e -> Map.entry(e.getReportId(),
                    new Progress(e.getAgencyId(), Stage.PARSED, null, null, null, Instant.now()));
            case ReportValidated e -> Map.entry(e.getReportId(),
                    new Progress(e.getAgencyId(), Stage.VALIDATED, null, null, e.getFindings().size(), e.getValidatedAt()));
            case ReportRejected e when e.getReportId() != null -> Map.entry(e.getReportId(),
                    new Progress(e.getAgencyId(), Stage.REJECTED, e.getReason(), e.getMessage(), null, e.getRejectedAt()));
            case NotificationSent e -> Map.entry(e.getReportId(),
                    new Progress(e.getAgencyId(), Stage.NOTIFIED, null, null, null, e.getSentAt()));
            default -> null;
        };
        if (update != null) {
            ReportKey key = ReportKey.of(update.getKey());
            synchronized (byId) {
                byId.put(key, update.getValue().after(byId.get(key)));
            }
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        follower.close();
    }
}
