package io.nianbao.samples;

import io.nianbao.samples.OcrEngine.Piece;
import io.nianbao.samples.ReportDocument.Kind;
import io.nianbao.samples.TableImages.TableImage;
import io.nianbao.samples.TableImages.TruthCell;
import org.junit.jupiter.api.Test;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The OCR measurement's scoring: right, wrong and empty figure cells, and character accuracy. */
class OcrScoreTest {

    private static final TruthCell LABEL = new TruthCell(Kind.LABEL, "行政许可", new Rectangle(0, 0, 100, 20));
    private static final TruthCell RIGHT = new TruthCell(Kind.VALUE, "12", new Rectangle(100, 0, 50, 20));
    private static final TruthCell WRONG = new TruthCell(Kind.VALUE, "0", new Rectangle(150, 0, 50, 20));
    private static final TruthCell EMPTY = new TruthCell(Kind.VALUE, "345", new Rectangle(200, 0, 50, 20));
    private static final TruthCell BLANK = new TruthCell(Kind.VALUE, "", new Rectangle(250, 0, 50, 20));

    /** A 300×20 row seen without distortion: cells and pixels share coordinates. */
    private static final TableImage ROW = new TableImage(new BufferedImage(300, 20, BufferedImage.TYPE_BYTE_GRAY),
            List.of(LABEL, RIGHT, WRONG, EMPTY, BLANK), Homography.rotation(0, 0, 0));

    @Test
    void figureCellsAreRightWrongOrEmptyAndBlankStaysBlank() {
        OcrScore score = new OcrScore();
        score.add(ROW, List.of(
                new Piece("行政", null, 20, 10, 0.9), new Piece("许可", null, 60, 10, 0.9),
                new Piece("１２", null, 125, 10, 0.9),
                new Piece("O", "0", 175, 10, 0.5)), 20, false);

        assertEquals(4, score.figureCells);
        assertEquals(2, score.right, "full-width 12 is 12; the blank cell read as blank");
        assertEquals(1, score.wrong, "O is not 0");
        assertEquals(1, score.empty);
        assertEquals(1.0, score.labelCharAccuracy());
        assertEquals(1 - 4.0 / 6, score.figureCharAccuracy(), 1e-9, "one substitution and three lost digits of six");
    }

    @Test
    void figureCellsCanBeReadFromTheDigitsOnlyDecoding() {
        OcrScore score = new OcrScore();
        score.add(ROW, List.of(new Piece("O", "0", 175, 10, 0.5)), 20, true);

        assertEquals(2, score.right);
        assertEquals(0, score.wrong);
    }

    @Test
    void piecesJoinLineByLineThenLeftToRight() {
        List<Piece> pieces = List.of(new Piece("政府", null, 10, 30, 1), new Piece("信息", null, 50, 31, 1),
                new Piece("申请人", null, 40, 5, 1));

        assertEquals("申请人政府信息", OcrScore.join(pieces, 20, Piece::text));
    }

    @Test
    void editDistanceCountsInsertionsDeletionsAndSubstitutions() {
        assertEquals(0, OcrScore.editDistance("1058", "1058"));
        assertEquals(1, OcrScore.editDistance("1058", "105"));
        assertEquals(1, OcrScore.editDistance("1058", "1O58"));
        assertEquals(3, OcrScore.editDistance("", "|0|"));
    }
}
