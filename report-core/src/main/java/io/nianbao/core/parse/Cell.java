package io.nianbao.core.parse;

import java.math.BigDecimal;
import java.util.List;

/**
 * One cell of extracted text, classified.
 *
 * @param kind     what the cell holds
 * @param raw      the cell as extracted (normalised, trimmed)
 * @param value    the number for {@link Kind#NUMBER}, else null
 * @param unit     a unit written in the cell ("元", "万元", "件"…), or null
 * @param parts    for {@link Kind#UNCERTAIN} digit groups separated by spaces ("1 0"), the groups
 *                 as separate numbers; empty otherwise
 * @param line     index of the source line
 * @param padding  a blank that may only be layout (next to a label, or at the end of a line)
 * @param unconfident an {@link Kind#UNCERTAIN} cell OCR read with too little confidence ({@link CellReader#UNCONFIDENT});
 *                 {@code raw} is what it read
 */
public record Cell(Kind kind, String raw, BigDecimal value, String unit, List<BigDecimal> parts, int line,
                   boolean padding, boolean unconfident) {

    /** A cell of the document's own text. */
    public Cell(Kind kind, String raw, BigDecimal value, String unit, List<BigDecimal> parts, int line, boolean padding) {
        this(kind, raw, value, unit, parts, line, padding, false);
    }

    public enum Kind {
        /** A number read with certainty. */
        NUMBER,
        /** Empty, or a placeholder for nothing: "/", "-", "—", "无". Never 0. */
        BLANK,
        /** Looks like a number but cannot be read with certainty (split digits, OCR noise). */
        UNCERTAIN,
        /** Anything else: labels, prose, or text where a count belongs. */
        TEXT
    }

    public boolean isText() { return kind == Kind.TEXT; }

    /** Whether the cell stands where a value stands (everything but text). */
    public boolean isValue() { return kind != Kind.TEXT; }

    Cell asPadding() {
        return new Cell(kind, raw, value, unit, parts, line, true, unconfident);
    }

    /** Cells as quoted in a finding's evidence: "7 | （空） | 0". */
    static String evidence(List<Cell> cells) {
        return String.join(" | ", cells.stream().map(c -> c.raw().isEmpty() ? "（空）" : c.raw()).toList());
    }

    /** A blank the parser inserted where a cell was missing. */
    static Cell missing() {
        return new Cell(Kind.BLANK, "", null, null, List.of(), -1, false);
    }
}
