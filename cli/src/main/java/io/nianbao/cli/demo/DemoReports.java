package io.nianbao.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nianbao.core.model.ParsedReport;
import io.nianbao.core.model.ReportMetadata;
import io.nianbao.samples.ReportRenderer;
import io.nianbao.samples.SampleReports;
import io.nianbao.samples.ScannedDocuments;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The reports the demo publishes: every report of the shared corpus beside the checkout when it
 * is there, else the sample reports the project renders itself from the report model.
 */
public final class DemoReports {

    private static final List<String> SOURCE_EXTENSIONS = List.of(".txt", ".html", ".htm", ".pdf", ".docx", ".doc");
    private static final ObjectMapper JSON = new ObjectMapper();

    private DemoReports() {
    }

    /** What the demo publishes from the checkout at {@code home}, and a scan that OCR reads (where a Chinese font draws it). */
    public static List<DemoReport> load(Path home) {
        Path corpus = corpusDir(home);
        List<DemoReport> reports = new ArrayList<>(corpus != null ? fromCorpus(corpus) : samples());
        if (ScannedDocuments.available()) {
            reports.add(scanned("scanned-arithmetic-errors", SampleReports.withArithmeticErrors()));
        }
        return reports;
    }

    /** The project's own reports, rendered from the model: two consistent ones and one with arithmetic errors. */
    public static List<DemoReport> samples() {
        return List.of(
                sample("consistent-gb2021", SampleReports.consistentGb2021()),
                sample("arithmetic-errors", SampleReports.withArithmeticErrors()),
                sample("consistent-gb2019", SampleReports.consistentGb2019()));
    }

    private static DemoReport sample(String name, ParsedReport report) {
        return document(name, report, name + ".txt", ReportRenderer.bytes(report));
    }

    /** The report printed and scanned at 200 dpi into an image-only PDF, as many townships publish theirs. */
    private static DemoReport scanned(String name, ParsedReport report) {
        return document(name, report, name + ".pdf", ScannedDocuments.imagePdf(report, ScannedDocuments.Scan.clean(200)));
    }

    private static DemoReport document(String name, ParsedReport report, String fileName, byte[] document) {
        ReportMetadata meta = report.meta();
        return new DemoReport("samples/" + name, "sample-" + name, meta.agency(),
                meta.agencyLevel() == null ? null : meta.agencyLevel().name(),
                meta.publishedOn() == null ? null : meta.publishedOn().toString(), fileName, document);
    }

    /** The shared corpus folder ({@code <checkout>/../shared/corpus}), or null when absent. */
    public static Path corpusDir(Path home) {
        Path corpus = home.toAbsolutePath().normalize().resolveSibling("shared").resolve("corpus");
        return Files.isDirectory(corpus) ? corpus : null;
    }

    /**
     * Each corpus report with a golden file, as its portal would publish it: the metadata a portal
     * supplies (agency, level, publication date) from the golden file, the rest read from the document.
     */
    public static List<DemoReport> fromCorpus(Path corpus) {
        try (Stream<Path> files = Files.walk(corpus)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".expected.json"))
                    .sorted()
                    .map(golden -> fromGolden(corpus, golden))
                    .filter(Objects::nonNull)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + corpus, e);
        }
    }

    private static DemoReport fromGolden(Path corpus, Path golden) {
        String stem = golden.getFileName().toString().replace(".expected.json", "");
        Path source = SOURCE_EXTENSIONS.stream().map(ext -> golden.resolveSibling(stem + ext))
                .filter(Files::isRegularFile).findFirst().orElse(null);
        if (source == null) {
            return null;
        }
        try {
            JsonNode meta = JSON.readTree(golden.toFile()).path("meta");
            String name = corpus.relativize(source).toString();
            return new DemoReport(name, agencyIdOf(stem), text(meta, "agency"), text(meta, "agencyLevel"),
                    text(meta, "publishedOn"), source.getFileName().toString(), Files.readAllBytes(source));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + golden, e);
        }
    }

    /** "2023-hongze-district-gov" → "hongze-district-gov": one agency across its years. */
    static String agencyIdOf(String stem) {
        return stem.replaceFirst("^\\d{4}-", "");
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
