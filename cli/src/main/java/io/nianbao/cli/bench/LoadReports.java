package io.nianbao.cli.bench;

import io.nianbao.cli.demo.PortalClient;
import io.nianbao.core.model.ApplicationsTable;
import io.nianbao.core.model.ParsedReport;
import io.nianbao.core.model.ReportMetadata;
import io.nianbao.samples.ReportRenderer;
import io.nianbao.samples.SampleReports;
import io.nianbao.events.AgencyLevel;
import io.nianbao.events.ReportPublished;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark's load: distinct reports rendered from the project's defective sample, each for
 * its own agency and with its own figures, so every one is parsed, validated and mailed.
 */
final class LoadReports {

    private LoadReports() {
    }

    static List<ReportPublished> make(String agencyPrefix, int count) {
        ParsedReport template = SampleReports.withArithmeticErrors();
        List<ReportPublished> reports = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ParsedReport report = variant(template, i);
            reports.add(ReportPublished.newBuilder()
                    .setAgencyId(agencyPrefix + i)
                    .setAgencyName(report.meta().agency())
                    .setAgencyLevel(AgencyLevel.DEPARTMENT)
                    .setPublishedOn(report.meta().publishedOn().toString())
                    .setPortalId(PortalClient.DEMO_PORTAL_ID)
                    .setFileName("report-" + i + ".txt")
                    .setDocument(ByteBuffer.wrap(ReportRenderer.bytes(report)))
                    .build());
        }
        return reports;
    }

    /** Another agency, and natural-person figures shifted by i, so no two documents are alike. */
    private static ParsedReport variant(ParsedReport template, int i) {
        Map<String, List<Long>> rows = new LinkedHashMap<>();
        template.applications().rows().forEach((key, cells) -> {
            List<Long> shifted = new ArrayList<>(cells);
            if (shifted.getFirst() != null) {
                shifted.set(0, shifted.getFirst() + i);
            }
            if (shifted.get(ApplicationsTable.TOTAL) != null) {
                shifted.set(ApplicationsTable.TOTAL, shifted.get(ApplicationsTable.TOTAL) + i);
            }
            rows.put(key, shifted);
        });
        ReportMetadata meta = template.meta();
        return new ParsedReport(
                new ReportMetadata("青山县第" + i + "局", meta.agencyLevel(), meta.year(), meta.publishedOn()),
                template.template(), template.sections(), template.proactive(), new ApplicationsTable(rows),
                template.reviewLitigation(), List.of());
    }
}
