package io.nianbao.samples;

import io.nianbao.core.UnreadableDocumentException;
import io.nianbao.core.ocr.RecognisedCell;
import io.nianbao.core.ocr.RecognisedLine;
import io.nianbao.ocr.engine.PageReader;
import io.nianbao.ocr.engine.PaddleOcr;
import io.nianbao.samples.ReportDocument.Cell;
import io.nianbao.samples.ReportDocument.Table;
import io.nianbao.samples.TableImages.Distortion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * ocr-engine's {@link PageReader} on the three tables of random reports drawn as ruled images
 * ({@link TableImages}), clean, skewed and noisy, and as a phone sees them: its rows and cells are
 * put against the cells drawn, row by row and cell by cell as the table gives them. At least 95% of
 * figure cells must be read right, and a figure cell read wrong must never be confident. Skips,
 * saying why, when ocr-engine's jar has no models.
 */
class PageReaderAccuracyTest {

    /** Random reports per condition, three tables each: {@code -Docr.reports=N} for a larger measurement. */
    private static final int REPORTS_PER_CONDITION = Integer.getInteger("ocr.reports", 3);

    private static PaddleOcr ocr;
    private static String unavailable;

    @BeforeAll
    static void loadModels() {
        try {
            ocr = PaddleOcr.load();
        } catch (UnreadableDocumentException e) {
            unavailable = e.chineseMessage() + " (" + e.getMessage() + ")";
        }
    }

    @AfterAll
    static void closeModels() throws Exception {
        if (ocr != null) {
            ocr.close();
        }
    }

    static Stream<Distortion> conditions() {
        return Stream.of(
                Distortion.clean(200),
                new Distortion("skew 1.5°, noise σ12", 200, 1.5, 0, 12),
                new Distortion("phone: perspective, skew 0.8°, noise σ8", 200, 0.8, 0.06, 8));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("conditions")
    void readsFigureCellsRightAndNeverAWrongFigureConfidently(Distortion distortion) throws Exception {
        assumeTrue(ocr != null, () -> "no OCR: " + unavailable);
        PageReader reader = new PageReader(ocr);
        Tally tally = new Tally();
        for (int r = 0; r < REPORTS_PER_CONDITION; r++) {
            List<Table> tables = ReportLayout.of(RandomReports.report(new Random(2300 + r))).tables();
            for (int t = 0; t < tables.size(); t++) {
                TableImages.TableImage image = TableImages.render(tables.get(t), TableImages.TYPEFACES.get((r + t) % 3), distortion, 1000L * r + t);
                tally.add(tables.get(t).rows(), tableRows(reader.read(image.image())));
            }
        }
        System.out.println(tally.report(distortion.dpi() + " dpi " + distortion.name()));
        assertThat(tally.confidentlyWrong).as("figure cells read wrong with confidence").isEmpty();
        assertThat(tally.right).as("figure cells right of %d", tally.figureCells).isGreaterThanOrEqualTo((int) Math.ceil(0.95 * tally.figureCells));
    }

    @Test
    void readsATableThatGoesOnOnTheNextPageAsMoreRows() throws Exception {
        assumeTrue(ocr != null, () -> "no OCR: " + unavailable);
        PageReader reader = new PageReader(ocr);
        Table applications = ReportLayout.of(RandomReports.report(new Random(2323))).tables().get(1);
        // Split where no group cell spans the break: the header and the first two rows, then the rest.
        int split = 5;
        Table first = new Table(applications.section(), applications.rows().subList(0, split));
        Table rest = new Table(applications.section(), applications.rows().subList(split, applications.rows().size()));
        List<RecognisedLine> rows = new ArrayList<>();
        for (Table part : List.of(first, rest)) {
            rows.addAll(tableRows(reader.read(TableImages.render(part, TableImages.TYPEFACES.getFirst(), Distortion.clean(200), split).image())));
        }
        Tally tally = new Tally();
        tally.add(applications.rows(), rows);
        System.out.println(tally.report("two pages, 200 dpi clean"));
        assertThat(rows).hasSize(applications.rows().size());
        for (int r = 0; r < rows.size(); r++) {
            assertThat(rows.get(r).cells()).as("row %d", r).hasSize(applications.rows().get(r).size());
        }
        assertThat(tally.confidentlyWrong).isEmpty();
        assertThat(tally.right).isGreaterThanOrEqualTo((int) Math.ceil(0.95 * tally.figureCells));
    }

    @Test
    void readsProseAboveAndBelowATableInPageOrder() throws Exception {
        assumeTrue(ocr != null, () -> "no OCR: " + unavailable);
        Table review = ReportLayout.of(RandomReports.report(new Random(2324))).tables().get(2);
        BufferedImage table = TableImages.render(review, TableImages.TYPEFACES.getFirst(), Distortion.clean(200), 7).image();
        String heading = "四、行政复议、行政诉讼情况";
        String paragraph = "本年度行政复议和行政诉讼案件均已审结。";
        int band = 200;
        BufferedImage page = new BufferedImage(table.getWidth(), table.getHeight() + 2 * band, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = page.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, page.getWidth(), page.getHeight());
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.BLACK);
        g.setFont(new Font("WenQuanYi Zen Hei", Font.PLAIN, 29));
        g.drawString(heading, 80, band - 40);
        g.drawImage(table, 0, band, null);
        g.drawString(paragraph, 80, band + table.getHeight() + 80);
        g.dispose();

        List<RecognisedLine> lines = new PageReader(ocr).read(page);

        assertThat(lines).hasSize(review.rows().size() + 2);
        assertThat(lines.getFirst().tableRow()).isFalse();
        assertThat(lines.getLast().tableRow()).isFalse();
        assertThat(lines.subList(1, lines.size() - 1)).allMatch(RecognisedLine::tableRow);
        assertThat(OcrScore.editDistance(heading, OcrScore.normalize(lines.getFirst().cells().getFirst().text()))).isLessThanOrEqualTo(2);
        assertThat(OcrScore.editDistance(paragraph, OcrScore.normalize(lines.getLast().cells().getFirst().text()))).isLessThanOrEqualTo(2);
    }

    private static List<RecognisedLine> tableRows(List<RecognisedLine> lines) {
        return lines.stream().filter(RecognisedLine::tableRow).toList();
    }

    /** Figure cells read against those drawn: right or wrong, confident or not. */
    private static final class Tally {
        int figureCells;
        int right;
        int rightButUnsure;
        int wrongAndUnsure;
        int rowsMisread;
        final List<String> confidentlyWrong = new ArrayList<>();
        final List<String> unsureExamples = new ArrayList<>();

        /** Adds a table: the rows drawn (cells as the table gives them) and the rows read. */
        void add(List<List<Cell>> drawn, List<RecognisedLine> read) {
            rowsMisread += FigureCellRead.rowsMisread(drawn, read);
            for (FigureCellRead cell : FigureCellRead.of(drawn, read)) {
                figureCells++;
                RecognisedCell got = cell.read();
                if (cell.right()) {
                    right++;
                    if (!got.confident()) {
                        rightButUnsure++;
                        example("'" + cell.expected() + "'@" + fmt(got.confidence()));
                    }
                } else if (got != null && !got.confident()) {
                    wrongAndUnsure++;
                    example("'" + cell.expected() + "'→'" + got.text() + "'@" + fmt(got.confidence()));
                } else {
                    confidentlyWrong.add("'" + cell.expected() + "'→" + (got == null ? "no cell" : "'" + got.text() + "'@" + fmt(got.confidence())));
                }
            }
        }

        private void example(String s) {
            if (unsureExamples.size() < 10) {
                unsureExamples.add(s);
            }
        }

        String report(String condition) {
            return String.format(Locale.ROOT, "PageReader, %s: %d figure cells, %d right (%.1f%%; %d of them below confident), "
                            + "%d wrong below confident, %d wrong confidently %s; rows misread %d; unsure e.g. %s",
                    condition, figureCells, right, 100.0 * right / Math.max(1, figureCells), rightButUnsure,
                    wrongAndUnsure, confidentlyWrong.size(), confidentlyWrong, rowsMisread, unsureExamples);
        }

        private static String fmt(double confidence) {
            return String.format(Locale.ROOT, "%.2f", confidence);
        }
    }
}
