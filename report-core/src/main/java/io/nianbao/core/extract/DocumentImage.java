package io.nianbao.core.extract;

import java.awt.image.BufferedImage;
import java.io.IOException;

/**
 * One image of a document for OCR to read ({@link DocumentImages}): a page of a scan, a picture in
 * a Word document or an HTML page. Decoded only when rendered, so that a document's images are
 * held in memory one at a time.
 */
public interface DocumentImage {

    /** Its place among the document's images: the index of its {@link DocumentImages#placeholder}. */
    int index();

    /**
     * The image's pixels in grey, at most {@link ReadingLimits#MAX_RENDERED_PIXELS} of them for
     * each A4 page's height it has for its width (a larger image is rendered smaller; a long image
     * keeps its pages' resolution: {@link ReadingLimits#renderedPixels}).
     *
     * @throws IOException when it cannot be decoded (a format ImageIO does not read, broken data)
     */
    BufferedImage render() throws IOException;
}
