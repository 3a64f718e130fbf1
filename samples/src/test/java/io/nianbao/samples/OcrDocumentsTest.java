package io.nianbao.samples;

import io.nianbao.core.ReportReader;
import io.nianbao.core.model.Finding;
import io.nianbao.core.model.ParsedReport;
import io.nianbao.core.model.ReportMetadata;
import io.nianbao.core.model.Responsibility;
import io.nianbao.core.rules.RuleContext;
import io.nianbao.core.rules.RuleEngine;
import io.nianbao.ocr.engine.DocumentOcr;
import io.nianbao.samples.ScannedDocuments.Scan;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every kind of document OCR reads, end to end as parse-service and {@code nianbao check} read it:
 * a random report drawn as the office suite prints it, scanned ({@link ScannedDocuments}), its images
 * read by {@link DocumentOcr}, the lines parsed by {@link ReportReader}. Each table cell must be the
 * report's value or null with a finding naming it — never another number — and at least 95% right;
 * and no finding accuses the agency of what the report read as text does not. Skips, saying why,
 * without the OCR models or a Chinese font.
 */
class OcrDocumentsTest {

    private static final Scan CLEAN = Scan.clean(200);
    private static final Scan SKEWED = new Scan(200, 1.2, 10, 7);

    /** A kind of document, and how a report becomes one. */
    enum Kind {
        IMAGE_PDF((report, seed) -> ScannedDocuments.imagePdf(report, CLEAN)),
        IMAGE_PDF_SKEWED_NOISY((report, seed) -> ScannedDocuments.imagePdf(report, SKEWED)),
        TIFF((report, seed) -> ScannedDocuments.tiff(report, CLEAN)),
        JPEG_LONG_IMAGE((report, seed) -> ScannedDocuments.image(ScannedDocuments.longImage(ScannedDocuments.pages(report, Scan.clean(150))), "jpeg")),
        PNG((report, seed) -> ScannedDocuments.image(ScannedDocuments.longImage(ScannedDocuments.pages(report, CLEAN)), "png")),
        DOCX_TABLE_PICTURES((report, seed) -> ScannedDocuments.docxWithTablePictures(report, CLEAN)),
        HTML_TABLE_PICTURES((report, seed) -> ScannedDocuments.htmlWithTablePictures(report, SKEWED));

        private final BiFunction<ParsedReport, Long, byte[]> document;

        Kind(BiFunction<ParsedReport, Long, byte[]> document) {
            this.document = document;
        }
    }

    private static DocumentOcr ocr;
    private final ReportReader reader = new ReportReader();

    @BeforeAll
    static void loadModels() {
        ocr = DocumentOcr.load();
    }

    @AfterAll
    static void closeModels() throws Exception {
        ocr.close();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void everyCellIsTheReportsOrNullWithAFindingAndNoFindingAccusesWrongly(Kind kind) throws Exception {
        assumeTrue(ocr.available(), "ocr-engine's jar has no OCR models (the build could not fetch them)");
        assumeTrue(ScannedDocuments.available(), "no Chinese font to draw the scans with");
        long seed = 23L * (kind.ordinal() + 1);
        ParsedReport report = RandomReports.report(new Random(seed));
        byte[] document = kind.document.apply(report, seed);

        assertThat(reader.readUnlessOcrNeeded(document, ReportMetadata.UNKNOWN)).as("only OCR reads it").isEmpty();
        ParsedReport read = reader.read(document, ReportMetadata.UNKNOWN, ocr.read(document));
        ReadCells.Tally tally = ReadCells.tally(report, read);
        System.out.println(kind + ": " + tally);
        assertThat(read.readByOcr()).isTrue();
        assertThat(tally.wrong()).as(kind + ": cells read as another number, or lost without a word: " + tally).isZero();
        assertThat(tally.rightShare()).as(kind + ": " + tally).isGreaterThanOrEqualTo(0.95);
        ParsedReport asText = reader.read(ReportRenderer.bytes(report), ReportMetadata.UNKNOWN);
        assertThat(agencyRules(read)).as(kind + ": findings against the agency").isSubsetOf(agencyRules(asText));
    }

    private static List<String> agencyRules(ParsedReport report) {
        return new RuleEngine().run(RuleContext.of(report)).stream()
                .filter(f -> f.responsibility() == Responsibility.AGENCY).map(Finding::rule).distinct().toList();
    }
}
