package io.nianbao.ocr.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nianbao.core.UnreadableDocumentException;
import io.nianbao.core.ocr.RecognisedCell;
import io.nianbao.core.ocr.RecognisedLine;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The real PDF reports of ../shared/corpus/real rendered as a scanner would give them (200 dpi,
 * grey), where an office suite broke tables between pages and drew no rule under a page's last
 * row. Skips, saying why, when the corpus is not beside the checkout or the jar has no models.
 */
class RealReportTablesTest {

    private static final int DPI = 200;

    private static Path realCorpus() {
        return Path.of(System.getProperty("nianbao.home", ".."), "..", "shared", "corpus", "real").normalize();
    }

    private static BufferedImage page(PDDocument report, int index) throws IOException {
        return new PDFRenderer(report).renderImageWithDPI(index, DPI, ImageType.GRAY);
    }

    private static PaddleOcr modelsOrSkip() {
        try {
            return PaddleOcr.load();
        } catch (UnreadableDocumentException e) {
            return Assumptions.abort("no OCR: " + e.getMessage());
        }
    }

    @Test
    void everyTableIsGriddedToTheEdgesOfItsFrameSoNoRowIsLeftOutside() throws IOException {
        Path corpus = realCorpus();
        assumeTrue(Files.isDirectory(corpus), () -> "no corpus at " + corpus);
        List<Path> pdfs;
        try (Stream<Path> files = Files.list(corpus)) {
            pdfs = files.filter(p -> p.toString().endsWith(".pdf")).sorted().toList();
        }
        assertThat(pdfs).isNotEmpty();
        int tables = 0;
        for (Path pdf : pdfs) {
            try (PDDocument report = Loader.loadPDF(pdf.toFile())) {
                for (int index = 0; index < report.getNumberOfPages(); index++) {
                    RuleFinder.Found found = RuleFinder.find(InkMap.of(page(report, index)));
                    for (RuleFinder.Ruling table : found.tables()) {
                        double middle = table.bounds().getCenterX();
                        String where = pdf.getFileName() + " page index " + index + " table at y " + table.bounds().y;
                        // A band of the frame a text line high outside the first and last rules could hold a row.
                        assertThat(table.horizontal().getFirst().at(middle)).as("%s: its top", where)
                                .isLessThan(table.bounds().getMinY() + found.textHeight());
                        assertThat(table.horizontal().getLast().at(middle)).as("%s: its bottom", where)
                                .isGreaterThan(table.bounds().getMaxY() - found.textHeight());
                        tables++;
                    }
                }
            }
        }
        System.out.println(tables + " tables of " + pdfs.size() + " reports gridded to their frames' edges");
        assertThat(tables).isPositive();
    }

    @Test
    void readsTheLastRowOfAPageWhoseTableGoesOnOnTheNext() throws Exception {
        Path pdf = realCorpus().resolve("2023-hongze-district-gov.pdf");
        Path golden = realCorpus().resolve("2023-hongze-district-gov.expected.json");
        assumeTrue(Files.isRegularFile(pdf) && Files.isRegularFile(golden), () -> "no " + pdf + " and its golden values");
        List<RecognisedLine> rows;
        try (PaddleOcr ocr = modelsOrSkip(); PDDocument report = Loader.loadPDF(pdf.toFile())) {
            // Table 三 breaks after its row "2.没有现成信息需要另行制作", under which no rule is drawn.
            rows = new PageReader(ocr).read(page(report, 2)).stream().filter(RecognisedLine::tableRow).toList();
        }
        JsonNode needsCreation = new ObjectMapper().readTree(golden.toFile()).at("/applications/rows/unavailable.needsCreation");
        List<String> expected = new ArrayList<>(List.of("2.没有现成信息需要另行制作"));
        needsCreation.forEach(figure -> expected.add(figure.asText()));

        assertThat(rows.getLast().cells()).extracting(RecognisedCell::text).containsExactlyElementsOf(expected);
        assertThat(rows.getLast().cells()).allSatisfy(cell -> assertThat(cell.confidence()).isGreaterThanOrEqualTo(RecognisedCell.CONFIDENT));
    }
}
