package io.nianbao.samples;


import io.nianbao.core.ReportReader;
import io.nianbao.core.model.ParsedReport;
import io.nianbao.core.model.ReportMetadata;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PDFs as a browser prints a portal page: tables with thin cell padding, labels that fill their
 * cells and wrap around centred values. Printed with headless Chromium at test time; skipped
 * when Chromium or a Chinese font is missing.
 */
class BrowserPrintedPdfTest {

    @TempDir
    static Path dir;
    private static String chromium;

    @BeforeAll
    static void needsChromiumAndCjkFont() throws Exception {
        chromium = Stream.of("chromium", "chromium-browser", "google-chrome")
                .filter(BrowserPrintedPdfTest::onPath).findFirst().orElse(null);
        Assumptions.assumeTrue(chromium != null, "no chromium on PATH");
        Assumptions.assumeFalse(run(List.of("fc-list", ":lang=zh")).isBlank(), "no CJK font");
    }

    static Stream<Supplier<ParsedReport>> models() {
        return Stream.of(SampleReports::consistentGb2021, SampleReports::withArithmeticErrors, SampleReports::consistentGb2019);
    }

    @ParameterizedTest
    @MethodSource("models")
    void everyCellReadsBack(Supplier<ParsedReport> model) throws Exception {
        ParsedReport expected = model.get();
        Path html = dir.resolve("report.html");
        Path pdf = dir.resolve("report.pdf");
        Files.write(html, PortalPage.gbk(expected));
        run(List.of(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--user-data-dir=" + dir.resolve("profile"),
                "--no-pdf-header-footer", "--print-to-pdf=" + pdf, html.toUri().toString()));
        assertThat(pdf).exists();

        ParsedReport read = new ReportReader().read(Files.readAllBytes(pdf), ReportMetadata.UNKNOWN);

        assertThat(read.parseFindings()).isEmpty();
        assertThat(read.template()).isEqualTo(expected.template());
        assertThat(read.meta().agency()).isEqualTo(expected.meta().agency());
        assertThat(read.meta().year()).isEqualTo(expected.meta().year());
        assertThat(read.meta().publishedOn()).isEqualTo(expected.meta().publishedOn());
        assertThat(read.proactive().rows().keySet()).containsExactlyElementsOf(expected.proactive().rows().keySet());
        expected.proactive().rows().forEach((row, cells) -> {
            Map<String, BigDecimal> got = read.proactive().rows().get(row);
            assertThat(got.keySet()).as(row).containsExactlyElementsOf(cells.keySet());
            cells.forEach((column, value) -> assertThat(got.get(column)).as(row + "." + column).isEqualByComparingTo(value));
        });
        assertThat(read.applications().rows()).isEqualTo(expected.applications().rows());
        assertThat(read.reviewLitigation().groups()).isEqualTo(expected.reviewLitigation().groups());
    }

    private static boolean onPath(String command) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(d -> !d.isEmpty() && Files.isExecutable(Path.of(d, command)));
    }

    /** Runs a command to completion (two minutes at most) and returns its output. */
    private static String run(List<String> command) throws IOException, InterruptedException {
        Path log = Files.createTempFile(dir, "run", ".log");
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IOException("timed out: " + command.getFirst());
        }
        return Files.readString(log);
    }
}
