package io.nianbao.core.ocr;

import java.util.List;
import java.util.Map;

/**
 * What OCR read from a document's images ({@link io.nianbao.core.extract.DocumentImages}): each
 * image's lines, by the image's index. An image OCR could not read is absent.
 */
public record Recognition(Map<Integer, List<RecognisedLine>> images) {

    public Recognition {
        images = Map.copyOf(images);
    }

    public List<RecognisedLine> linesOf(int image) {
        return images.getOrDefault(image, List.of());
    }
}
