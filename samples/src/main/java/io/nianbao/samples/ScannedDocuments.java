package io.nianbao.samples;

import io.nianbao.core.model.ParsedReport;
import io.nianbao.samples.ReportDocument.Block;
import io.nianbao.samples.ReportDocument.Line;
import io.nianbao.samples.ReportDocument.Table;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.poi.util.Units;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;

/**
 * Reports as agencies publish them when they have no text to give: the office suite's PDF
 * ({@link PdfDocuments}, ruled tables, a table running over a page) printed and scanned — each page
 * an image at some resolution, a little skewed and speckled — and delivered as an image-only PDF,
 * a TIFF or a JPEG/PNG per page; or a document whose text is text but whose tables are pictures
 * (DOCX, HTML with {@code data:} images). For the OCR tests, the burst test and the bench.
 * Needs a Chinese font ({@link #available()}).
 */
public final class ScannedDocuments {

    /** How a page was scanned: resolution, rotation and sensor noise (a standard deviation in grey levels). */
    public record Scan(int dpi, double skewDegrees, double noise, long seed) {

        public static Scan clean(int dpi) {
            return new Scan(dpi, 0, 0, 0);
        }
    }

    private ScannedDocuments() {
    }

    /** Whether the machine has the Chinese font the documents are drawn in. */
    public static boolean available() {
        return Fonts.chinese().isPresent();
    }

    /** The report's pages, drawn as an office suite prints them and scanned. */
    public static List<BufferedImage> pages(ParsedReport report, Scan scan) {
        return scanned(PdfDocuments.drawn(ReportLayout.of(report), false), scan);
    }

    /** The report scanned into an image-only PDF: one JPEG page image per page, as scanners write them. */
    public static byte[] imagePdf(ParsedReport report, Scan scan) {
        try (PDDocument pdf = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (BufferedImage image : pages(report, scan)) {
                PDRectangle size = new PDRectangle(image.getWidth() * 72f / scan.dpi(), image.getHeight() * 72f / scan.dpi());
                PDPage page = new PDPage(size);
                pdf.addPage(page);
                PDImageXObject xObject = JPEGFactory.createFromImage(pdf, image, 0.85f);
                try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
                    content.drawImage(xObject, 0, 0, size.getWidth(), size.getHeight());
                }
            }
            pdf.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The report scanned into one multi-page TIFF (deflate-compressed grey pages). */
    public static byte[] tiff(ParsedReport report, Scan scan) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream(); ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionType("Deflate");
            writer.prepareWriteSequence(null);
            for (BufferedImage page : pages(report, scan)) {
                writer.writeToSequence(new IIOImage(page, null, null), param);
            }
            writer.endWriteSequence();
            stream.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
    }

    /** The pages one under another: the 长图 agencies post where a page would not do. */
    public static BufferedImage longImage(List<BufferedImage> pages) {
        int width = pages.stream().mapToInt(BufferedImage::getWidth).max().orElse(1);
        BufferedImage tall = new BufferedImage(width, pages.stream().mapToInt(BufferedImage::getHeight).sum(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = tall.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, tall.getWidth(), tall.getHeight());
        int y = 0;
        for (BufferedImage page : pages) {
            g.drawImage(page, 0, y, null);
            y += page.getHeight();
        }
        g.dispose();
        return tall;
    }

    /** One image in {@code format} ("png", "jpeg"), as a phone or a scanner saves a page. */
    public static byte[] image(BufferedImage page, String format) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            if (!ImageIO.write(page, format, out)) {
                throw new IllegalArgumentException("no ImageIO writer for " + format);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The report as a Word document whose prose is text and whose three tables are scanned pictures. */
    public static byte[] docxWithTablePictures(ParsedReport report, Scan scan) {
        try (XWPFDocument docx = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (Block block : ReportLayout.of(report).blocks()) {
                switch (block) {
                    case Line line -> docx.createParagraph().createRun().setText(line.text());
                    case Table table -> {
                        for (BufferedImage picture : tablePictures(table, scan)) {
                            byte[] png = image(picture, "png");
                            docx.createParagraph().createRun().addPicture(new ByteArrayInputStream(png), Document.PICTURE_TYPE_PNG,
                                    "table.png", Units.toEMU(picture.getWidth() * 72.0 / scan.dpi()),
                                    Units.toEMU(picture.getHeight() * 72.0 / scan.dpi()));
                        }
                    }
                }
            }
            docx.write(out);
            return out.toByteArray();
        } catch (IOException | org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The report as a web page whose prose is text and whose tables are scanned pictures inlined as {@code data:} URIs. */
    public static byte[] htmlWithTablePictures(ParsedReport report, Scan scan) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>年度报告</title></head><body>\n");
        for (Block block : ReportLayout.of(report).blocks()) {
            switch (block) {
                case Line line -> html.append("<p>").append(escape(line.text())).append("</p>\n");
                case Table table -> {
                    for (BufferedImage picture : tablePictures(table, scan)) {
                        html.append("<p><img alt=\"表格\" src=\"data:image/png;base64,")
                                .append(Base64.getEncoder().encodeToString(image(picture, "png"))).append("\"></p>\n");
                    }
                }
            }
        }
        return html.append("</body></html>\n").toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A table alone, drawn and scanned, each page of it cut to the drawing. */
    private static List<BufferedImage> tablePictures(Table table, Scan scan) {
        return scanned(PdfDocuments.drawn(new ReportDocument(List.of(table)), false), scan).stream()
                .map(page -> cropped(page, scan.dpi())).toList();
    }

    private static List<BufferedImage> scanned(byte[] pdf, Scan scan) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFRenderer renderer = new PDFRenderer(document);
            Random random = new Random(scan.seed());
            List<BufferedImage> pages = new ArrayList<>();
            for (int i = 0; i < document.getNumberOfPages(); i++) {
                pages.add(distorted(renderer.renderImageWithDPI(i, scan.dpi(), ImageType.GRAY), scan, random));
            }
            return pages;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The page rotated about its centre onto white paper, then speckled with Gaussian noise. */
    private static BufferedImage distorted(BufferedImage page, Scan scan, Random random) {
        BufferedImage out = page;
        if (scan.skewDegrees() != 0) {
            out = new BufferedImage(page.getWidth(), page.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
            Graphics2D g = out.createGraphics();
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, out.getWidth(), out.getHeight());
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(page, AffineTransform.getRotateInstance(Math.toRadians(scan.skewDegrees()),
                    page.getWidth() / 2.0, page.getHeight() / 2.0), null);
            g.dispose();
        }
        if (scan.noise() > 0) {
            WritableRaster raster = out.getRaster();
            for (int y = 0; y < out.getHeight(); y++) {
                for (int x = 0; x < out.getWidth(); x++) {
                    int v = (int) Math.round(raster.getSample(x, y, 0) + random.nextGaussian() * scan.noise());
                    raster.setSample(x, y, 0, Math.clamp(v, 0, 255));
                }
            }
        }
        return out;
    }

    /** The page cut to its drawing (the dark pixels above the foot's page number), with a margin of white. */
    private static BufferedImage cropped(BufferedImage page, int dpi) {
        int minX = page.getWidth(), minY = page.getHeight(), maxX = -1, maxY = -1;
        var raster = page.getRaster();
        int aboveFoot = page.getHeight() - (int) (PdfDocuments.MARGIN * dpi / 72);
        for (int y = 0; y < aboveFoot; y++) {
            for (int x = 0; x < page.getWidth(); x++) {
                if (raster.getSample(x, y, 0) < 128) {
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        if (maxX < 0) {
            return page;
        }
        int margin = 12;
        int x0 = Math.max(0, minX - margin), y0 = Math.max(0, minY - margin);
        return page.getSubimage(x0, y0, Math.min(page.getWidth(), maxX + margin) - x0, Math.min(page.getHeight(), maxY + margin) - y0);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
