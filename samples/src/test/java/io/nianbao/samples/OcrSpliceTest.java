package io.nianbao.samples;

import io.nianbao.core.ReportReader;
import io.nianbao.core.UnreadableDocumentException;
import io.nianbao.core.extract.DocumentImages;
import io.nianbao.core.model.ParsedReport;
import io.nianbao.core.model.ReportMetadata;
import io.nianbao.core.ocr.RecognisedCell;
import io.nianbao.core.ocr.RecognisedLine;
import io.nianbao.core.ocr.Recognition;
import io.nianbao.samples.ReportDocument.Block;
import io.nianbao.samples.ReportDocument.Table;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * ReportReader's OCR path without an OCR engine: documents whose tables are pictures, or scans, read
 * with a recognition that is the report's own rows (a perfect OCR), so that what is tested is where
 * each image's lines go — for a Word document or a web page, where the picture stands.
 */
class OcrSpliceTest {

    private static final ScannedDocuments.Scan SCAN = ScannedDocuments.Scan.clean(72);
    private final ReportReader reader = new ReportReader();

    @Test
    void aWordDocumentsTablePicturesAreReadWhereTheyStand() throws Exception {
        assumeTrue(ScannedDocuments.available(), "no Chinese font to draw the pictures with");
        ParsedReport report = SampleReports.consistentGb2021();
        assertReadWithTablesFromPictures(ScannedDocuments.docxWithTablePictures(report, SCAN), report);
    }

    @Test
    void aWebPagesTablePicturesAreReadWhereTheyStand() throws Exception {
        assumeTrue(ScannedDocuments.available(), "no Chinese font to draw the pictures with");
        ParsedReport report = SampleReports.consistentGb2021();
        assertReadWithTablesFromPictures(ScannedDocuments.htmlWithTablePictures(report, SCAN), report);
    }

    @Test
    void aScanIsItsImagesLinesInOrderAndIsRefusedWithoutThem() throws Exception {
        assumeTrue(ScannedDocuments.available(), "no Chinese font to draw the scan with");
        ParsedReport report = SampleReports.consistentGb2021();
        byte[] scan = ScannedDocuments.imagePdf(report, SCAN);
        UnreadableDocumentException refused = catchThrowableOfType(UnreadableDocumentException.class,
                () -> reader.read(scan, ReportMetadata.UNKNOWN));
        assertThat(refused.reason()).isEqualTo(UnreadableDocumentException.Reason.NEEDS_OCR);
        assertThat(reader.readUnlessOcrNeeded(scan, ReportMetadata.UNKNOWN)).isEmpty();

        // The report's lines cut in two "pages", given out of order: read in the images' order.
        List<RecognisedLine> lines = recognised(ReportRenderer.lines(ReportLayout.of(report), ReportRenderer.TAB, ""));
        int half = lines.size() / 2;
        Recognition recognition = new Recognition(Map.of(1, lines.subList(half, lines.size()), 0, lines.subList(0, half)));
        ParsedReport read = reader.read(scan, ReportMetadata.UNKNOWN, recognition);

        assertThat(read.readByOcr()).isTrue();
        assertThat(read.applications().rows()).isEqualTo(report.applications().rows());
        assertThat(read.proactive().rows()).isEqualTo(report.proactive().rows());
    }

    private void assertReadWithTablesFromPictures(byte[] document, ParsedReport report) throws Exception {
        List<Table> tables = ReportLayout.of(report).blocks().stream()
                .filter(Table.class::isInstance).map(Table.class::cast).toList();
        assertThat(DocumentImages.of(document)).as("one picture per table").hasSize(tables.size());
        assertThat(reader.read(document, ReportMetadata.UNKNOWN).applications()).as("no table read from the text alone").isNull();
        assertThat(reader.readUnlessOcrNeeded(document, ReportMetadata.UNKNOWN)).as("only OCR reads the tables").isEmpty();
        assertThat(reader.readUnlessOcrNeeded(ReportRenderer.bytes(report), ReportMetadata.UNKNOWN)).as("a text report").isPresent();

        Map<Integer, List<RecognisedLine>> images = new HashMap<>();
        for (int i = 0; i < tables.size(); i++) {
            images.put(i, recognised(ReportRenderer.lines(new ReportDocument(List.<Block>of(tables.get(i))), ReportRenderer.TAB, "")));
        }
        ParsedReport read = reader.read(document, ReportMetadata.UNKNOWN, new Recognition(images));

        assertThat(read.readByOcr()).isTrue();
        assertThat(read.proactive().rows()).isEqualTo(report.proactive().rows());
        assertThat(read.applications().rows()).isEqualTo(report.applications().rows());
        assertThat(read.reviewLitigation().groups()).isEqualTo(report.reviewLitigation().groups());
        assertThat(read.sections()).as("the prose around the pictures").hasSameSizeAs(report.sections());
    }

    /** Lines as a perfect OCR reads them: a row with a tab is a table row, every cell at 0.99. */
    private static List<RecognisedLine> recognised(List<String> lines) {
        return lines.stream().map(line -> new RecognisedLine(Stream.of(line.split(ReportRenderer.TAB, -1))
                .map(text -> new RecognisedCell(text, 0.99)).toList(), line.contains(ReportRenderer.TAB))).toList();
    }
}
