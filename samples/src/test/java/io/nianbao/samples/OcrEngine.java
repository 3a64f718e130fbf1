package io.nianbao.samples;

import java.awt.image.BufferedImage;
import java.util.List;

/** An OCR engine under measurement: what it is, and the text it finds on an image, piece by piece. */
interface OcrEngine extends AutoCloseable {

    /**
     * A piece of recognised text (a word or a text line) at its centre on the image; {@code asFigure}
     * is the same piece decoded with digits, '.', ',' and '-' alone, where the engine can say it in
     * the same pass (else null).
     */
    record Piece(String text, String asFigure, double x, double y, double confidence) {
    }

    /** What one image gave, and the engine's peak resident memory in kB where it can be told (else -1). */
    record Reading(List<Piece> pieces, long peakRssKb) {
    }

    String name();

    String version();

    String model();

    Reading read(BufferedImage image, int dpi) throws Exception;

    @Override
    default void close() throws Exception {
    }
}
