package io.nianbao.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;
import io.nianbao.core.model.ParsedReport;
import io.nianbao.ocr.engine.DocumentOcr;
import io.nianbao.samples.SampleReports;
import io.nianbao.samples.ScannedDocuments;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class CheckCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return CheckCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void usageErrorsExit2WithOneChineseLine() {
        assertThat(run()).isEqualTo(2);
        assertThat(stderr()).contains("缺少要检查的文件").hasLineCount(1);
        err.reset();
        assertThat(run("a.txt", "--level", "county")).isEqualTo(2);
        assertThat(stderr()).contains("--level");
        err.reset();
        assertThat(run("a.txt", "--format", "xml")).isEqualTo(2);
        assertThat(stderr()).contains("--format");
        err.reset();
        assertThat(run("a.txt", "--published", "2024/01/30")).isEqualTo(2);
        assertThat(stderr()).contains("YYYY-MM-DD");
        assertThat(out.size()).isZero();
    }

    @Test
    void aFileThatCannotBeOpenedExits2() {
        assertThat(run("/nonexistent/report.txt", "--format", "json")).isEqualTo(2);
        assertThat(stderr()).contains("无法打开文件").hasLineCount(1);
        assertThat(out.size()).isZero();
    }

    @Test
    void printsExactlyOneJsonObjectForACorpusReport() throws Exception {
        Path report = Path.of(System.getProperty("nianbao.home", "."), "..", "shared", "corpus", "seeds",
                "2023-xiushan-county-gov-office.txt").normalize();
        Assumptions.assumeTrue(Files.exists(report), "no corpus");
        int exit;
        try {
            exit = run(report.toString(), "--format", "json", "--level", "DEPARTMENT", "--published", "2024-01-30");
        } catch (UnsupportedOperationException e) {
            Assumptions.abort("the reader is not written yet");
            return;
        }
        assertThat(exit).isEqualTo(0);
        JsonNode root = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(root.isObject()).isTrue();
        assertThat(root.at("/meta/year").asInt()).isEqualTo(2023);
        assertThat(root.at("/meta/agencyLevel").asText()).isEqualTo("DEPARTMENT");
        assertThat(root.get("findings").isArray()).isTrue();
    }

    /** A scan is read by OCR in process, as the pipeline's ocr-service reads it: its tables, and no accusation of its layout. */
    @Test
    void aScanIsCheckedByOcrInProcess(@TempDir Path dir) throws Exception {
        try (DocumentOcr ocr = DocumentOcr.load()) {
            Assumptions.assumeTrue(ocr.available(), "ocr-engine's jar has no OCR models");
        }
        Assumptions.assumeTrue(ScannedDocuments.available(), "no Chinese font to draw the scan with");
        ParsedReport report = SampleReports.consistentGb2021();
        Path scan = dir.resolve("scan.pdf");
        Files.write(scan, ScannedDocuments.imagePdf(report, ScannedDocuments.Scan.clean(200)));

        assertThat(run(scan.toString(), "--format", "json")).as(stderr()).isEqualTo(0);
        JsonNode root = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(root.at("/applications/rows/newReceived/6").asLong()).isEqualTo(report.applications().rows().get("newReceived").get(6));
        assertThat(root.get("findings")).allSatisfy(finding -> assertThat(finding.get("responsibility").asText()).isNotEqualTo("AGENCY"));
    }
}
