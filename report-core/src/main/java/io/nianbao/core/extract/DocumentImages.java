package io.nianbao.core.extract;

import io.nianbao.core.UnreadableDocumentException;
import io.nianbao.core.UnreadableDocumentException.Reason;
import io.nianbao.core.extract.ReadingLimits.LimitExceeded;
import org.jsoup.nodes.Element;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The images of a document that OCR reads, in document order: every page of a PDF without text
 * (a scan), every frame of an image (a page of a multi-page TIFF), the pictures of a DOCX, and
 * the images an HTML page holds itself as data: URIs. Other documents have none.
 *
 * <p>Read within limits: {@link ReadingLimits#MAX_IMAGES} images, each of at most
 * {@link ReadingLimits#MAX_IMAGE_PIXELS} by its header (checked here, before any is decoded) and,
 * inside a document, {@link ReadingLimits#MAX_IMAGE_BYTES}. Images are decoded when rendered, one
 * at a time.
 *
 * <p>The HTML and DOCX extractors leave a line {@link #placeholder(int)} where each of these
 * images stands, so that the lines OCR reads on image {@code i} can take the place of placeholder
 * {@code i}.
 */
public final class DocumentImages {

    /** U+FFFC, the object replacement character, stands for an image in text: a line of it and digits is no report's text. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\uFFFC(\\d{1,9})\uFFFC");

    private DocumentImages() {
    }

    /**
     * @throws UnreadableDocumentException with reason TOO_COMPLEX when a limit is crossed, or as a
     *                                     reading of the document would refuse it (corrupt,
     *                                     undecodable)
     */
    public static List<DocumentImage> of(byte[] document) throws UnreadableDocumentException {
        try {
            return switch (DocumentType.detect(document)) {
                case PDF -> PdfPage.ofScan(document);
                case IMAGE -> frames(document);
                case DOCX -> docxPictures(document);
                case HTML -> htmlImages(document);
                case DOC, TEXT, OTHER_ZIP, OTHER_OLE, OTHER_BINARY -> List.of();
            };
        } catch (LimitExceeded e) {
            throw e.unreadable();
        } catch (IOException | RuntimeException e) {
            throw new UnreadableDocumentException(Reason.CORRUPT, "文件已损坏或格式异常，无法读取其中的图片。",
                    e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** The line that stands for image {@code index} among a document's lines. */
    public static String placeholder(int index) {
        return "\uFFFC" + index + "\uFFFC";
    }

    /** The index of the image a line stands for, or -1 when it is a line of text. */
    public static int placeholderIndex(String line) {
        Matcher m = PLACEHOLDER.matcher(line);
        return m.matches() ? Integer.parseInt(m.group(1)) : -1;
    }

    /** The lines without image placeholders: what they were before images had any. */
    public static List<String> withoutPlaceholders(List<String> lines) {
        return lines.stream().filter(line -> placeholderIndex(line) < 0).toList();
    }

    private static List<DocumentImage> frames(byte[] image) throws IOException {
        int frames = EncodedImage.frames(image);
        List<DocumentImage> images = new ArrayList<>(frames);
        for (int i = 0; i < frames; i++) {
            images.add(new EncodedImage(i, () -> image, i));
        }
        return images;
    }

    /** Each picture's part is inflated here to check its size, and again when it is rendered. */
    private static List<DocumentImage> docxPictures(byte[] docx) throws IOException {
        List<String> parts = WordExtractor.docxPictures(docx, ReadingLimits.start());
        ReadingLimits.checkImageCount(parts.size());
        List<DocumentImage> images = new ArrayList<>(parts.size());
        for (String part : parts) {
            if (part != null) {
                EncodedImage.checkSize(WordExtractor.docxPicture(docx, part));
            }
            images.add(new EncodedImage(images.size(), () -> {
                if (part == null) {
                    throw new IOException("a picture whose relationship names no part of the DOCX");
                }
                return WordExtractor.docxPicture(docx, part);
            }, 0));
        }
        return images;
    }

    /** An HTML page's images are held decoded: together they are smaller than the page. */
    private static List<DocumentImage> htmlImages(byte[] page) throws IOException, UnreadableDocumentException {
        HtmlExtractor.checkShape(page);
        List<Element> elements = HtmlExtractor.embeddedImages(HtmlExtractor.parse(TextDecoder.decodeOrRefuse(page, true)));
        ReadingLimits.checkImageCount(elements.size());
        List<DocumentImage> images = new ArrayList<>(elements.size());
        for (Element element : elements) {
            byte[] image = dataUriImage(element.attr("src"));
            EncodedImage.checkSize(image);
            images.add(new EncodedImage(images.size(), () -> image, 0));
        }
        return images;
    }

    /** The bytes of an embedded image's data: URI ({@link HtmlExtractor#EMBEDDED_IMAGE}). */
    private static byte[] dataUriImage(String src) {
        Matcher head = HtmlExtractor.EMBEDDED_IMAGE.matcher(src);
        if (!head.lookingAt()) {
            throw new IllegalArgumentException("not an embedded image");
        }
        String base64 = src.substring(head.end());
        if (base64.length() / 4L * 3 > ReadingLimits.MAX_IMAGE_BYTES) {
            throw ReadingLimits.imageTooLarge("a data: URI of " + base64.length() + " characters");
        }
        // The MIME decoder passes over the line breaks and spaces pages wrap long URIs with.
        return Base64.getMimeDecoder().decode(base64.strip());
    }
}
