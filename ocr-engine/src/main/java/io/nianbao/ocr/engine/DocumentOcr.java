package io.nianbao.ocr.engine;

import ai.onnxruntime.OrtException;
import io.nianbao.core.UnreadableDocumentException;
import io.nianbao.core.UnreadableDocumentException.Reason;
import io.nianbao.core.extract.DocumentImage;
import io.nianbao.core.extract.DocumentImages;
import io.nianbao.core.ocr.RecognisedLine;
import io.nianbao.core.ocr.Recognition;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * OCR of a whole document: its images ({@link DocumentImages}: a scan's pages, a photo, the
 * pictures of a Word or web document), rendered and read one at a time, so that a document holds
 * one page in memory however many it has (a long image: itself in grey and one strip of it). What ocr-service runs per request and {@code nianbao
 * check} runs in process. Thread-safe: the models are shared, each call reads its own pages.
 */
public final class DocumentOcr implements AutoCloseable {

    private final PaddleOcr models;
    private final PageReader pages;
    private final UnreadableDocumentException unavailable;

    private DocumentOcr(PaddleOcr models, UnreadableDocumentException unavailable) {
        this.models = models;
        this.pages = models == null ? null : new PageReader(models);
        this.unavailable = unavailable;
    }

    /** The models loaded, or an OCR that refuses every document with why there are none (NEEDS_OCR). */
    public static DocumentOcr load() {
        try {
            return new DocumentOcr(PaddleOcr.load(), null);
        } catch (UnreadableDocumentException e) {
            return new DocumentOcr(null, e);
        }
    }

    /** Whether the models are there: else {@link #read} refuses every document. */
    public boolean available() {
        return models != null;
    }

    /**
     * What OCR read on each of the document's images.
     *
     * @throws UnreadableDocumentException NEEDS_OCR without models; TOO_COMPLEX beyond the limits of
     *                                     images and pages ({@link DocumentImages}, {@link PageReader});
     *                                     CORRUPT for an image that cannot be decoded
     */
    public Recognition read(byte[] document) throws UnreadableDocumentException {
        if (unavailable != null) {
            throw unavailable;
        }
        Map<Integer, List<RecognisedLine>> images = new LinkedHashMap<>();
        for (DocumentImage image : DocumentImages.of(document)) {
            BufferedImage rendered;
            try {
                rendered = image.render();
            } catch (IOException | RuntimeException e) {
                throw new UnreadableDocumentException(Reason.CORRUPT,
                        "文件中的第" + (image.index() + 1) + "张图片已损坏或格式异常，无法识别。", "image " + image.index() + ": " + e);
            }
            images.put(image.index(), pages.read(rendered));
        }
        return new Recognition(images);
    }

    /** Frees the models' native memory. */
    @Override
    public void close() {
        if (models != null) {
            try {
                models.close();
            } catch (OrtException e) {
                throw new IllegalStateException("ONNX Runtime could not free the OCR models", e);
            }
        }
    }
}
