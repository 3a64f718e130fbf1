package io.nianbao.samples;

import io.nianbao.core.UnreadableDocumentException;
import io.nianbao.ocr.engine.LineReading;
import io.nianbao.ocr.engine.PaddleOcr;

import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * ocr-engine's {@link PaddleOcr} as a candidate of the measurement: its detector on the whole
 * image, each piece it finds recognised (so the score is the engine's, not the table reader's).
 */
final class PaddleOcrEngine implements OcrEngine {

    private final PaddleOcr ocr;

    private PaddleOcrEngine(PaddleOcr ocr) {
        this.ocr = ocr;
    }

    /** The engine when ocr-engine's jar has its models, else why not. */
    static Optional<PaddleOcrEngine> find(StringBuilder whyNot) {
        try {
            return Optional.of(new PaddleOcrEngine(PaddleOcr.load()));
        } catch (UnreadableDocumentException e) {
            whyNot.append("PP-OCRv4: ").append(e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public String name() {
        return "PaddleOCR PP-OCRv4 (ONNX Runtime)";
    }

    @Override
    public String version() {
        return "ORT " + ai.onnxruntime.OrtEnvironment.getEnvironment().getVersion();
    }

    @Override
    public String model() {
        return "PP-OCRv4 det+rec";
    }

    @Override
    public Reading read(BufferedImage image, int dpi) throws Exception {
        List<Piece> pieces = new ArrayList<>();
        for (Rectangle box : ocr.detect(image)) {
            if (box.width < 2 || box.height < 2) {
                continue;
            }
            BufferedImage crop = new BufferedImage(box.width, box.height, BufferedImage.TYPE_BYTE_GRAY);
            Graphics2D g = crop.createGraphics();
            g.drawImage(image, -box.x, -box.y, null);
            g.dispose();
            LineReading read = ocr.recognise(crop);
            if (!read.text().isEmpty()) {
                pieces.add(new Piece(read.text(), read.figure(), box.getCenterX(), box.getCenterY(), read.confidence()));
            }
        }
        return new Reading(pieces, -1);
    }

    @Override
    public void close() throws Exception {
        ocr.close();
    }
}
