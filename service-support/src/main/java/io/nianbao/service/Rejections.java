package io.nianbao.service;

import io.nianbao.events.ReportRejected;
import io.nianbao.events.Stage;
import io.nianbao.events.Topics;
import org.springframework.cloud.stream.function.StreamBridge;

import java.time.Instant;

/** Sends rejections to report.rejected, so portals learn why a document went no further; counts them. */
public class Rejections {

    private final StreamBridge bridge;
    private final PipelineMetrics metrics;

    public Rejections(StreamBridge bridge, PipelineMetrics metrics) {
        this.bridge = bridge;
        this.metrics = metrics;
    }

    public ReportRejected reject(String reportId, String agencyId, String portalId, Stage stage,
                                 String reason, String chineseMessage, String detail) {
        ReportRejected rejected = ReportRejected.newBuilder()
                .setReportId(reportId)
                .setAgencyId(agencyId)
                .setPortalId(portalId)
                .setStage(stage)
                .setReason(reason)
                .setMessage(chineseMessage)
                .setDetail(detail)
                .setRejectedAt(Instant.now())
                .build();
        if (!bridge.send(Topics.REJECTED.name(), rejected)) {
            throw new IllegalStateException("report.rejected did not accept the rejection of " + reportId);
        }
        metrics.reportRejected();
        return rejected;
    }
}
