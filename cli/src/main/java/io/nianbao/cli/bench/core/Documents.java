package io.nianbao.cli.bench.core;

import io.nianbao.core.ReportReader;
import io.nianbao.core.UnreadableDocumentException;
import io.nianbao.core.model.ParsedReport;
import io.nianbao.core.model.ReportMetadata;
import io.nianbao.samples.ReportRenderer;
import io.nianbao.samples.PortalPage;
import io.nianbao.samples.SampleReports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * The benchmark's inputs, by benchmark name. Text and HTML are rendered from the project's
 * consistent GB2021 sample; the PDFs are the two real Hongze reports of ../shared/corpus/real (no
 * CJK font here to render the sample as a PDF). Each input is read once on load and must read
 * right, so a run never times a rejection or a half-read report.
 */
final class Documents {

    private static final Map<String, String> PDFS = Map.of(
            "pdfHongze2023", "2023-hongze-district-gov.pdf",
            "pdfHongze2024", "2024-hongze-district-gov.pdf");

    private Documents() {
    }

    /** Where the real PDFs are: ../shared/corpus/real beside the checkout (-Dnianbao.home, else the working directory). */
    static Path corpus() {
        return Path.of(System.getProperty("nianbao.home", ".")).resolve("../shared/corpus/real").toAbsolutePath().normalize();
    }

    static boolean pdfsPresent() {
        return PDFS.values().stream().allMatch(f -> Files.isReadable(corpus().resolve(f)));
    }

    static byte[] load(String name) throws IOException, UnreadableDocumentException {
        ParsedReport sample = SampleReports.consistentGb2021();
        return switch (name) {
            case "text" -> readsBackAs(name, ReportRenderer.bytes(sample), sample);
            case "html" -> readsBackAs(name, PortalPage.gbk(sample), sample);
            default -> hasTables(name, Files.readAllBytes(corpus().resolve(Objects.requireNonNull(PDFS.get(name), name))));
        };
    }

    private static byte[] readsBackAs(String name, byte[] document, ParsedReport model) throws UnreadableDocumentException {
        ParsedReport read = new ReportReader().read(document, ReportMetadata.UNKNOWN);
        if (!Objects.equals(read.proactive(), model.proactive()) || !Objects.equals(read.applications(), model.applications())
                || !Objects.equals(read.reviewLitigation(), model.reviewLitigation())) {
            throw new IllegalStateException("the " + name + " input does not read back to its model:\n" + read);
        }
        return document;
    }

    private static byte[] hasTables(String name, byte[] document) throws UnreadableDocumentException {
        ParsedReport read = new ReportReader().read(document, ReportMetadata.UNKNOWN);
        if (read.proactive() == null || read.applications() == null || read.reviewLitigation() == null) {
            throw new IllegalStateException("the " + name + " input lacks a table:\n" + read);
        }
        return document;
    }
}
