package io.nianbao.core.extract;

import io.nianbao.core.ReportReader;
import io.nianbao.core.UnreadableDocumentException;
import io.nianbao.core.UnreadableDocumentException.Reason;
import io.nianbao.core.model.ReportMetadata;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.poi.common.usermodel.PictureType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.zip.CRC32;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Each kind of document gives its images in document order, at the indices of the placeholders
 * its extractor leaves; every image limit refuses the document as too complex, naming the limit.
 */
class DocumentImagesTest {

    @Test
    void aPdfWithoutTextGivesEachPageRenderedInGreyAt200Dpi() throws Exception {
        byte[] pdf = pdfOfImages(blackBlock(300, 200), blackBlock(200, 300));

        List<DocumentImage> pages = DocumentImages.of(pdf);

        assertThat(pages).extracting(DocumentImage::index).containsExactly(0, 1);
        BufferedImage first = pages.getFirst().render();
        assertThat(first.getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
        // A4 is 8.27 × 11.69 inches.
        assertThat(first.getWidth()).isBetween(1650, 1656);
        assertThat(first.getHeight()).isBetween(2336, 2342);
        // Each page's image drawn at its top left corner, 1 pt to a pixel of it: 200/72 pixels of the render.
        assertThat(grey(first, 5, 5)).isLessThan(64);
        assertThat(grey(first, 250 * 200 / 72, 5)).isLessThan(64);
        assertThat(grey(first, 250 * 200 / 72, 250 * 200 / 72)).isGreaterThan(192);
        BufferedImage second = pages.get(1).render();
        assertThat(grey(second, 250 * 200 / 72, 5)).isGreaterThan(192);
        assertThat(grey(second, 5, 250 * 200 / 72)).isLessThan(64);
    }

    @Test
    void aPdfWithTextHasNoImagesToRead() throws Exception {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(72, 720);
                content.showText("Annual report 2024");
                content.endText();
            }
            doc.save(out);
            assertThat(DocumentImages.of(out.toByteArray())).isEmpty();
        }
    }

    @Test
    void anImageGivesItselfAndAMultiPageTiffEachPage() throws Exception {
        for (String format : List.of("png", "jpeg")) {
            List<DocumentImage> images = DocumentImages.of(encoded(blackBlock(120, 80), format));
            assertThat(images).as(format).singleElement().satisfies(image -> {
                assertThat(image.index()).isZero();
                assertThat(image.render().getWidth()).isEqualTo(120);
                assertThat(image.render().getHeight()).isEqualTo(80);
            });
        }

        List<DocumentImage> pages = DocumentImages.of(tiff(blackBlock(100, 50), blackBlock(110, 60), blackBlock(120, 70)));

        assertThat(pages).extracting(DocumentImage::index).containsExactly(0, 1, 2);
        List<Integer> widths = new ArrayList<>();
        for (DocumentImage page : pages) {
            widths.add(page.render().getWidth());
        }
        assertThat(widths).containsExactly(100, 110, 120);
    }

    @Test
    void anImageOfMorePixelsThanRenderedIsSubsampled() throws Exception {
        // 12 million pixels: every second pixel of every second row is rendered.
        BufferedImage large = new BufferedImage(4000, 3000, BufferedImage.TYPE_BYTE_GRAY);

        BufferedImage rendered = DocumentImages.of(encoded(large, "png")).getFirst().render();

        assertThat(rendered.getWidth()).isEqualTo(2000);
        assertThat(rendered.getHeight()).isEqualTo(1500);
    }

    @Test
    void aLongImageIsRenderedInGreyAtFullScaleThoughItHasMorePixelsThanAPage() throws Exception {
        // Three A4 pages at 200 dpi one under another: 11.6 million pixels, decoded in two bands of rows.
        BufferedImage tall = new BufferedImage(1654, 7017, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = tall.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, tall.getWidth(), tall.getHeight());
        g.setColor(new Color(20, 20, 120));
        List<Integer> marks = List.of(0, 2000, 6040, 7000);
        for (int y : marks) {
            g.fillRect(100, y, 60, 12);
        }
        g.dispose();

        for (String format : List.of("png", "jpeg")) {
            BufferedImage rendered = DocumentImages.of(encoded(tall, format)).getFirst().render();

            assertThat(rendered.getType()).as(format).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
            assertThat(rendered.getWidth()).as(format).isEqualTo(1654);
            assertThat(rendered.getHeight()).as(format).isEqualTo(7017);
            for (int y : marks) {
                assertThat(grey(rendered, 130, y + 3)).as(format + " mark at " + y).isLessThan(96);
                assertThat(grey(rendered, 130, y + 9)).as(format + " mark at " + y).isLessThan(96);
                assertThat(grey(rendered, 130, y + 15)).as(format + " under the mark at " + y).isGreaterThan(192);
            }
        }
    }

    @Test
    void aLongPdfPageIsRenderedAt200DpiThoughItHasMorePixelsThanAPage() throws Exception {
        PDRectangle threePages = new PDRectangle(PDRectangle.A4.getWidth(), 3 * PDRectangle.A4.getHeight());

        BufferedImage rendered = DocumentImages.of(pdfOfImages(threePages, blackBlock(300, 200))).getFirst().render();

        assertThat(rendered.getWidth()).isBetween(1650, 1656);
        assertThat(rendered.getHeight()).isBetween(3 * 2336, 3 * 2342);
    }

    @Test
    void aTransparentPixelIsRenderedAsWhitePaper() throws Exception {
        BufferedImage image = new BufferedImage(40, 40, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.BLACK);
        g.fillRect(0, 0, 20, 40);
        g.dispose();

        BufferedImage rendered = DocumentImages.of(encoded(image, "png")).getFirst().render();

        assertThat(grey(rendered, 5, 20)).isLessThan(64);
        assertThat(grey(rendered, 30, 20)).isGreaterThan(192);
    }

    @Test
    void aDocxGivesItsPicturesInDocumentOrderWhereItsPlaceholdersStand() throws Exception {
        byte[] docx;
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.createParagraph().createRun().setText("表一如下：");
            doc.createParagraph().createRun().addPicture(new ByteArrayInputStream(encoded(blackBlock(30, 10), "png")),
                    PictureType.PNG, "one.png", 300_000, 100_000);
            XWPFTable table = doc.createTable(1, 2);
            table.getRow(0).getCell(0).setText("表二");
            table.getRow(0).getCell(1).getParagraphs().getFirst().createRun().addPicture(
                    new ByteArrayInputStream(encoded(blackBlock(40, 20), "png")), PictureType.PNG, "two.png", 400_000, 200_000);
            doc.createParagraph().createRun().setText("完");
            doc.write(out);
            docx = out.toByteArray();
        }

        List<DocumentImage> images = DocumentImages.of(docx);
        List<String> lines = WordExtractor.docx(docx, ReadingLimits.start());

        assertThat(images).extracting(DocumentImage::index).containsExactly(0, 1);
        assertThat(images.get(0).render().getWidth()).isEqualTo(30);
        assertThat(images.get(1).render().getWidth()).isEqualTo(40);
        assertThat(lines).containsSubsequence("表一如下：", DocumentImages.placeholder(0), "表二\t", DocumentImages.placeholder(1), "完");
        assertThat(DocumentImages.withoutPlaceholders(lines)).doesNotContain(DocumentImages.placeholder(0), DocumentImages.placeholder(1));
    }

    @Test
    void anHtmlPageGivesTheImagesItHoldsInDocumentOrderWhereItsPlaceholdersStand() throws Exception {
        String html = "<html><body><p>表一：<img src=\"" + dataUri(blackBlock(30, 10)) + "\"> 见上</p>"
                + "<p><img src=\"https://example.gov.cn/logo.png\"></p>"
                + "<table><tr><td>表二</td><td><img src=\"" + dataUri(blackBlock(40, 20)) + "\"></td></tr>"
                + "<tr><td>1</td><td>2</td></tr></table><p>完</p></body></html>";
        byte[] page = html.getBytes(StandardCharsets.UTF_8);

        List<DocumentImage> images = DocumentImages.of(page);
        List<String> lines = HtmlExtractor.lines(html, ReadingLimits.start());

        assertThat(images).extracting(DocumentImage::index).containsExactly(0, 1);
        assertThat(images.get(0).render().getWidth()).isEqualTo(30);
        assertThat(images.get(1).render().getWidth()).isEqualTo(40);
        // An image within a line of text follows the line, which stays whole; one in a table follows its row.
        assertThat(lines).containsExactly("表一： 见上", DocumentImages.placeholder(0), "表二\t", DocumentImages.placeholder(1), "1\t2", "完");
    }

    @Test
    void placeholdersLeaveTheLinesOfTheReportAsTheyWereWithoutImages() throws Exception {
        String image = "<img src=\"" + dataUri(blackBlock(30, 10)) + "\">";
        String page = "<p>一、总体情况%s</p><table><tr><td>%s</td><td>1</td></tr><tr><td>a</td><td>2</td></tr></table>%s<table><tr><td>b</td><td>3</td></tr></table>";

        List<String> withImages = HtmlExtractor.lines(page.formatted(image, image, image), ReadingLimits.start());
        List<String> without = HtmlExtractor.lines(page.formatted("", "", ""), ReadingLimits.start());

        assertThat(withImages).hasSize(without.size() + 3);
        assertThat(DocumentImages.withoutPlaceholders(withImages)).isEqualTo(without);
    }

    @Test
    void documentsWithoutImagesToReadHaveNone() throws Exception {
        assertThat(DocumentImages.of("一、总体情况\n本年度".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(DocumentImages.of("<html><body><p>一、总体情况</p><img src=\"/a.png\"></body></html>"
                .getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void moreImagesThanTheLimitAreRefusedAsTooComplex() throws Exception {
        StringBuilder html = new StringBuilder("<html><body>");
        String image = "<p><img src=\"" + dataUri(blackBlock(4, 4)) + "\"></p>";
        html.append(image.repeat(ReadingLimits.MAX_IMAGES + 1)).append("</body></html>");

        assertTooComplex(html.toString().getBytes(StandardCharsets.UTF_8), "图片或扫描页超过" + ReadingLimits.MAX_IMAGES + "个");
        assertTooComplex(pdfOfImages(java.util.Collections.nCopies(ReadingLimits.MAX_IMAGES + 1, blackBlock(4, 4))
                .toArray(BufferedImage[]::new)), "图片或扫描页超过" + ReadingLimits.MAX_IMAGES + "个");
        assertThat(DocumentImages.of(html.toString().replaceFirst("<p><img[^>]*></p>", "").getBytes(StandardCharsets.UTF_8)))
                .hasSize(ReadingLimits.MAX_IMAGES);
    }

    @Test
    void anImageDeclaringMorePixelsThanTheLimitIsRefusedOnItsHeader() throws Exception {
        // 100,000 × 100,000 pixels of a few dozen bytes: decoded, 10 GB.
        byte[] bomb = pngHeaderOnly(100_000, 100_000);
        String limit = "单张图片超过" + ReadingLimits.MAX_IMAGE_PIXELS / 10_000 + "万像素";

        assertTooComplex(bomb, limit);
        assertTooComplex(("<p><img src=\"data:image/png;base64," + Base64.getEncoder().encodeToString(bomb) + "\"></p>")
                .getBytes(StandardCharsets.UTF_8), limit);
        assertTooComplex(pdfDrawingImageDeclared(100_000, 100_000), limit);
    }

    @Test
    void aPictureOfMoreBytesThanTheLimitIsRefused() throws Exception {
        byte[] docx;
        byte[] picture = new byte[ReadingLimits.MAX_IMAGE_BYTES + 1];
        System.arraycopy(encoded(blackBlock(4, 4), "png"), 0, picture, 0, 8);
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.createParagraph().createRun().addPicture(new ByteArrayInputStream(picture), PictureType.PNG, "big.png", 10_000, 10_000);
            doc.write(out);
            docx = out.toByteArray();
        }

        assertTooComplex(docx, "单张图片超过" + ReadingLimits.MAX_IMAGE_BYTES / (1024 * 1024) + "MB");
    }

    @Test
    void theReaderStillRefusesAScanAsNeedingOcr() throws Exception {
        UnreadableDocumentException refused = catchThrowableOfType(UnreadableDocumentException.class,
                () -> new ReportReader().read(encoded(blackBlock(10, 10), "png"), ReportMetadata.UNKNOWN));

        assertThat(refused.reason()).isEqualTo(Reason.NEEDS_OCR);
    }

    private static void assertTooComplex(byte[] document, String limit) {
        UnreadableDocumentException refused = catchThrowableOfType(UnreadableDocumentException.class, () -> DocumentImages.of(document));
        assertThat(refused).isNotNull();
        assertThat(refused.reason()).as(refused.getMessage()).isEqualTo(Reason.TOO_COMPLEX);
        assertThat(refused.chineseMessage()).contains(limit);
    }

    private static BufferedImage blackBlock(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.BLACK);
        g.fillRect(0, 0, width, height);
        g.dispose();
        return image;
    }

    private static int grey(BufferedImage image, int x, int y) {
        return image.getRaster().getSample(x, y, 0);
    }

    private static byte[] encoded(BufferedImage image, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(image, format, out)).isTrue();
        return out.toByteArray();
    }

    private static String dataUri(BufferedImage image) throws IOException {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(encoded(image, "png"));
    }

    private static byte[] tiff(BufferedImage... pages) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.prepareWriteSequence(null);
            for (BufferedImage page : pages) {
                writer.writeToSequence(new IIOImage(page, null, null), null);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /** A PDF of A4 pages, each drawing one image at its top left corner, 1 pt to a pixel; no text. */
    private static byte[] pdfOfImages(BufferedImage... images) throws IOException {
        return pdfOfImages(PDRectangle.A4, images);
    }

    /** A PDF of pages of this size, each drawing one image at its top left corner. */
    private static byte[] pdfOfImages(PDRectangle size, BufferedImage... images) throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (BufferedImage image : images) {
                PDPage page = new PDPage(size);
                doc.addPage(page);
                PDImageXObject xobject = LosslessFactory.createFromImage(doc, image);
                try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                    content.drawImage(xobject, 0, size.getHeight() - image.getHeight());
                }
            }
            doc.save(out);
            return out.toByteArray();
        }
    }

    /** A one-page PDF drawing a small image whose dictionary declares it {@code width × height}. */
    private static byte[] pdfDrawingImageDeclared(int width, int height) throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            PDImageXObject xobject = LosslessFactory.createFromImage(doc, blackBlock(4, 4));
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.drawImage(xobject, 0, 0, 100, 100);
            }
            xobject.getCOSObject().setInt(COSName.WIDTH, width);
            xobject.getCOSObject().setInt(COSName.HEIGHT, height);
            doc.save(out);
            return out.toByteArray();
        }
    }

    /** A PNG signature and an IHDR chunk declaring the size, and nothing of the pixels. */
    private static byte[] pngHeaderOnly(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(17).put("IHDR".getBytes(StandardCharsets.US_ASCII))
                .putInt(width).putInt(height).put((byte) 8).put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0);
        CRC32 crc = new CRC32();
        crc.update(ihdr.array());
        return ByteBuffer.allocate(8 + 4 + 17 + 4)
                .put(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'})
                .putInt(13).put(ihdr.array()).putInt((int) crc.getValue()).array();
    }
}
