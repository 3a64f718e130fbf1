package io.nianbao.core.ocr;

import java.util.List;

/**
 * A line of an image as OCR read it, top to bottom: a row of a ruled table, its cells left to right
 * (an empty cell is an empty text, so every row of a table has its grid's cells), or a line of
 * prose outside any table (one cell).
 */
public record RecognisedLine(List<RecognisedCell> cells, boolean tableRow) {

    public RecognisedLine {
        cells = List.copyOf(cells);
    }

    public static RecognisedLine prose(String text, double confidence) {
        return new RecognisedLine(List.of(new RecognisedCell(text, confidence)), false);
    }
}
