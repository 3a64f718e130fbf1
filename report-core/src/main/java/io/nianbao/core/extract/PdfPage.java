package io.nianbao.core.extract;

import io.nianbao.core.UnreadableDocumentException;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * A page of a PDF without text (a scan), rendered in grey at {@link #DPI} for OCR, or at the
 * resolution that keeps it within {@link ReadingLimits#renderedPixels} (a long page has more). The
 * document is loaded again for each page rendered, so that none of it is held in between.
 *
 * @param pdf the whole document
 */
record PdfPage(int index, byte[] pdf) implements DocumentImage {

    /** Enough for OCR to read a report's small print: 10 pt characters are 28 pixels high. */
    static final float DPI = 200;

    /**
     * The pages of a PDF that has no text to extract, each checked for the images it draws
     * (their declared size, against {@link ReadingLimits#MAX_IMAGE_PIXELS}); none for a PDF
     * with text.
     */
    static List<DocumentImage> ofScan(byte[] pdf) throws UnreadableDocumentException, IOException {
        try {
            PdfExtractor.lines(pdf, ReadingLimits.start());
            return List.of();
        } catch (UnreadableDocumentException e) {
            if (e.reason() != UnreadableDocumentException.Reason.NEEDS_OCR) {
                throw e;
            }
        }
        try (PDDocument doc = PdfExtractor.open(pdf)) {
            int pages = doc.getNumberOfPages();
            ReadingLimits.checkImageCount(pages);
            List<DocumentImage> images = new ArrayList<>(pages);
            Set<COSBase> seen = Collections.newSetFromMap(new IdentityHashMap<>());
            for (int i = 0; i < pages; i++) {
                checkImages(doc.getPage(i).getCOSObject().getCOSDictionary(COSName.RESOURCES), 1, seen);
                images.add(new PdfPage(i, pdf));
            }
            return images;
        }
    }

    /**
     * Checks the images a page's resources hold, and those of the forms it draws, on their
     * dictionaries: PDFBox decodes an image whole before it scales it.
     */
    private static void checkImages(COSDictionary resources, int depth, Set<COSBase> seen) {
        COSDictionary xobjects = resources == null ? null : resources.getCOSDictionary(COSName.XOBJECT);
        if (xobjects == null) {
            return;
        }
        ReadingLimits.checkNesting(depth);
        for (COSName name : xobjects.keySet()) {
            if (!(xobjects.getDictionaryObject(name) instanceof COSStream xobject) || !seen.add(xobject)) {
                continue;
            }
            if (COSName.IMAGE.equals(xobject.getCOSName(COSName.SUBTYPE))) {
                checkImage(xobject);
                if (xobject.getDictionaryObject(COSName.SMASK) instanceof COSStream mask) {
                    checkImage(mask);
                }
            } else {
                checkImages(xobject.getCOSDictionary(COSName.RESOURCES), depth + 1, seen);
            }
        }
    }

    private static void checkImage(COSStream image) {
        ReadingLimits.checkImagePixels(Math.max(0, image.getInt(COSName.WIDTH)), Math.max(0, image.getInt(COSName.HEIGHT)));
    }

    @Override
    public BufferedImage render() throws IOException {
        try (PDDocument doc = PdfExtractor.open(pdf)) {
            PDPage page = doc.getPage(index);
            PDRectangle box = page.getCropBox();
            double area = Math.max(1, (double) box.getWidth() * box.getHeight());
            float scale = (float) Math.min(DPI / 72, Math.sqrt(ReadingLimits.renderedPixels(box.getWidth(), box.getHeight()) / area));
            PDFRenderer renderer = new PDFRenderer(doc);
            renderer.setSubsamplingAllowed(true);
            return renderer.renderImage(index, scale, ImageType.GRAY);
        }
    }
}
