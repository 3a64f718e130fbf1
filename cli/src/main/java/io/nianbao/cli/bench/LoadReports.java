package io.nianbao.cli.bench;

import io.nianbao.cli.demo.PortalClient;
import io.nianbao.core.model.ApplicationsTable;
import io.nianbao.core.model.ParsedReport;
import io.nianbao.core.model.ReportMetadata;
import io.nianbao.samples.ReportRenderer;
import io.nianbao.samples.SampleReports;
import io.nianbao.samples.ScannedDocuments;
import io.nianbao.events.AgencyLevel;
import io.nianbao.events.ReportPublished;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The benchmark's load, and the OCR burst test's: distinct reports rendered from the project's
 * defective sample, each for its own agency and with its own figures, so every one is parsed,
 * validated and mailed — as text, or scanned into image-only PDFs that only ocr-service reads.
 */
public final class LoadReports {

    /** How the scans are made: 200 dpi, an office scanner's default and what ocr-engine's figures are for. */
    public static final ScannedDocuments.Scan SCAN = ScannedDocuments.Scan.clean(200);

    private LoadReports() {
    }

    /** Text reports (the renderer's plain text). */
    public static List<ReportPublished> make(String agencyPrefix, int count) {
        return load(agencyPrefix, count, ".txt", ReportRenderer::bytes);
    }

    /** The same reports scanned: image-only PDFs of two pages, ~0.7 MB each. Needs a Chinese font ({@link ScannedDocuments#available()}). */
    public static List<ReportPublished> scans(String agencyPrefix, int count) {
        return load(agencyPrefix, count, ".pdf", report -> ScannedDocuments.imagePdf(report, SCAN));
    }

    /** The pages of PDF reports: what ocr-service has to recognise of them. */
    static int pages(List<ReportPublished> pdfs) {
        int pages = 0;
        for (ReportPublished report : pdfs) {
            try (PDDocument pdf = Loader.loadPDF(report.getDocument().array())) {
                pages += pdf.getNumberOfPages();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot count the pages of " + report.getFileName(), e);
            }
        }
        return pages;
    }

    private static List<ReportPublished> load(String agencyPrefix, int count, String extension,
                                              Function<ParsedReport, byte[]> document) {
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
                    .setFileName("report-" + i + extension)
                    .setDocument(ByteBuffer.wrap(document.apply(report)))
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
