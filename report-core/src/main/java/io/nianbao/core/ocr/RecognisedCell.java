package io.nianbao.core.ocr;

/**
 * A piece of text OCR read on an image: one table cell, or one line of prose.
 *
 * @param text       what was read, as read (never corrected)
 * @param confidence how sure the reading is of its least sure character, 0 to 1: for text, the
 *                   probability the recogniser gave it; for a figure cell, a measure calibrated so that
 *                   no figure read wrong in the measurement reached {@link #CONFIDENT} (ocr-engine's
 *                   CtcDecoder); an empty cell read as empty has 1
 */
public record RecognisedCell(String text, double confidence) {

    /** At or above this, a cell counts as read; below it, its value is null with PARSE-UNCERTAIN. */
    public static final double CONFIDENT = 0.9;

    public boolean confident() {
        return confidence >= CONFIDENT;
    }
}
