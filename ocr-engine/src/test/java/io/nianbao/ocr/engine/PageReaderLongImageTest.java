package io.nianbao.ocr.engine;

import io.nianbao.core.UnreadableDocumentException;
import io.nianbao.core.UnreadableDocumentException.Reason;
import io.nianbao.core.ocr.RecognisedCell;
import io.nianbao.core.ocr.RecognisedLine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A long image read with the models: lines of prose running over the first cut, then a ruled
 * table three A4 pages high, cut along its rules. Every line and every row comes back once, in
 * order, as drawn.
 */
class PageReaderLongImageTest {

    private static final int WIDTH = 1000;
    private static final int PROSE_LINES = 40;
    private static final int ROWS = 70;
    private static final int ROW_HEIGHT = 48;

    private static PaddleOcr ocr;
    private static UnreadableDocumentException unavailable;

    @BeforeAll
    static void loadModels() {
        try {
            ocr = PaddleOcr.load();
        } catch (UnreadableDocumentException e) {
            unavailable = e;
        }
    }

    @AfterAll
    static void closeModels() throws Exception {
        if (ocr != null) {
            ocr.close();
        }
    }

    private static List<String> row(int r) {
        return List.of(String.valueOf(r), String.valueOf(10_000 + r * 7919 % 90_000), String.valueOf(r * 31));
    }

    @Test
    void everyLineAndRowOfALongImageIsReadOnceInOrder() throws Exception {
        assumeTrue(ocr != null, () -> "no OCR: " + unavailable);
        int tableTop = 60 + PROSE_LINES * 40 + 60;
        BufferedImage page = new BufferedImage(WIDTH, tableTop + ROWS * ROW_HEIGHT + 100, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = page.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, page.getWidth(), page.getHeight());
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 26));
        for (int i = 0; i < PROSE_LINES; i++) {
            g.drawString(String.valueOf(10_001 + i), 100, 60 + i * 40 + 26);
        }
        int columnWidth = 250;
        for (int r = 0; r <= ROWS; r++) {
            g.fillRect(100, tableTop + r * ROW_HEIGHT, 3 * columnWidth + 2, 2);
        }
        for (int c = 0; c <= 3; c++) {
            g.fillRect(100 + c * columnWidth, tableTop, 2, ROWS * ROW_HEIGHT + 2);
        }
        for (int r = 0; r < ROWS; r++) {
            for (int c = 0; c < 3; c++) {
                g.drawString(row(r + 1).get(c), 100 + c * columnWidth + 20, tableTop + r * ROW_HEIGHT + 35);
            }
        }
        g.dispose();
        assertThat(PageStrips.of(page)).as("read in strips").hasSizeGreaterThanOrEqualTo(4);

        List<RecognisedLine> lines = new PageReader(ocr).read(page);

        List<String> prose = lines.stream().filter(l -> !l.tableRow()).map(l -> l.cells().getFirst().text()).toList();
        assertThat(prose).containsExactlyElementsOf(IntStream.rangeClosed(10_001, 10_000 + PROSE_LINES).mapToObj(String::valueOf).toList());
        List<List<String>> rows = new ArrayList<>();
        for (RecognisedLine line : lines) {
            if (line.tableRow()) {
                rows.add(line.cells().stream().map(RecognisedCell::text).toList());
            }
        }
        assertThat(rows).containsExactlyElementsOf(IntStream.rangeClosed(1, ROWS).mapToObj(PageReaderLongImageTest::row).toList());
        assertThat(lines.indexOf(lines.stream().filter(RecognisedLine::tableRow).findFirst().orElseThrow()))
                .as("the table under the prose").isEqualTo(PROSE_LINES);
    }

    @Test
    void anImageMoreThanSixteenPagesTallIsRefused() {
        assumeTrue(ocr != null, () -> "no OCR: " + unavailable);
        int tooTall = PageReader.MAX_PAGES_TALL * PageStrips.stripHeight(100) + 1;

        UnreadableDocumentException refused = catchThrowableOfType(UnreadableDocumentException.class,
                () -> new PageReader(ocr).read(new BufferedImage(100, tooTall, BufferedImage.TYPE_BYTE_GRAY)));

        assertThat(refused.reason()).isEqualTo(Reason.TOO_COMPLEX);
        assertThat(refused.chineseMessage()).contains("图片过长");
    }
}
