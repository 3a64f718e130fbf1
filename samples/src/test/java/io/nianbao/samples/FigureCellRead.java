package io.nianbao.samples;

import io.nianbao.core.ocr.RecognisedCell;
import io.nianbao.core.ocr.RecognisedLine;
import io.nianbao.samples.ReportDocument.Cell;
import io.nianbao.samples.ReportDocument.Kind;

import java.util.ArrayList;
import java.util.List;

/**
 * A figure cell drawn and what a table reading gave for it, the rows read put against the rows
 * drawn cell by cell as the table gives them.
 *
 * @param expected the figure drawn (normalised as {@link OcrScore#normalize} does)
 * @param read     the cell read, or null where its row was read with another number of cells
 */
record FigureCellRead(String expected, RecognisedCell read) {

    boolean right() {
        return read != null && OcrScore.normalize(read.text()).equals(expected);
    }

    /** The figure cells of the rows drawn, each with what the same row read gave in its place. */
    static List<FigureCellRead> of(List<List<Cell>> drawn, List<RecognisedLine> read) {
        List<FigureCellRead> cells = new ArrayList<>();
        for (int r = 0; r < drawn.size(); r++) {
            List<RecognisedCell> row = r < read.size() ? read.get(r).cells() : List.of();
            boolean sameShape = row.size() == drawn.get(r).size();
            for (int c = 0; c < drawn.get(r).size(); c++) {
                Cell cell = drawn.get(r).get(c);
                if (cell.kind() == Kind.VALUE) {
                    cells.add(new FigureCellRead(OcrScore.normalize(cell.text()), sameShape ? row.get(c) : null));
                }
            }
        }
        return cells;
    }

    /** How many rows were read with another number of cells than drawn (or not at all). */
    static int rowsMisread(List<List<Cell>> drawn, List<RecognisedLine> read) {
        int misread = 0;
        for (int r = 0; r < drawn.size(); r++) {
            if (r >= read.size() || read.get(r).cells().size() != drawn.get(r).size()) {
                misread++;
            }
        }
        return misread;
    }
}
