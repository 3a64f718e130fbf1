package io.nianbao.ocr.engine;

import ai.onnxruntime.OrtException;
import io.nianbao.core.UnreadableDocumentException;
import io.nianbao.core.UnreadableDocumentException.Reason;
import io.nianbao.core.ocr.RecognisedCell;
import io.nianbao.core.ocr.RecognisedLine;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.lang.Character.UnicodeScript;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reads a page image into the lines the parser reads: each row of a ruled table as one line of
 * cells (as {@code HtmlExtractor} gives a table's rows: every cell once, in the row it starts in,
 * left to right, an empty cell as an empty text), and the text outside tables as lines of prose,
 * all top to bottom. Tables are found by their rules ({@link RuleFinder}); a page tilted as a
 * whole is turned level by the tilt of its rules first. Each cell is read from its own picture,
 * inside its rules, so a figure never runs into its neighbour's; a cell that reads as a figure
 * (nothing of a Chinese character in it) is decoded with digits, '.', ',' and '-' alone. A table
 * that goes on from the page before is just more rows. A long image (a report's pages one under
 * another) is read in strips of about an A4 page's height ({@link PageStrips}), one after the
 * other, each as a page: shrunk whole, its prose would be too small to read.
 *
 * <p>Bounded: a page (or strip) of more than {@link #MAX_PIXELS} is scaled down first; a page
 * (or strip) with more than {@link #MAX_CELLS} table cells or {@link #MAX_PROSE_PIECES} pieces of
 * prose is refused, and so is an image more than {@link #MAX_PAGES_TALL} A4 pages tall: an image
 * is read in at most {@code 4 × MAX_PAGES_TALL + 1} strips (each but the last a quarter of a page
 * high or more), one at a time, each within the limits of a page.
 * Measured on an A4 page holding section 三's table and six lines of prose, at 200 and 300 dpi,
 * in a JVM of 256 MB heap: 0.19 GB resident with the models loaded, 0.50–0.68 GB at the page's
 * peak, 2.5–3.1 s on one core. Thread-safe as {@link PaddleOcr} is: it keeps nothing between pages.
 */
public final class PageReader {

    /** An A4 page at 300 dpi: finer scans are read at that resolution. */
    public static final long MAX_PIXELS = 2480L * 3508;
    /** An annual report's largest table has about 300 cells. */
    public static final int MAX_CELLS = 2_000;
    /** A page of dense prose has about 50 lines. */
    public static final int MAX_PROSE_PIECES = 400;
    /**
     * A long image is read up to this many A4 pages tall for its width: 10 pages of a report at
     * 200 dpi are 24 million pixels, held once in grey.
     */
    public static final int MAX_PAGES_TALL = 16;
    /** A strip is read with white rows of a fiftieth of its width above and below: turned level by 2°, it loses nothing. */
    private static final int STRIP_MARGIN = 50;
    /** A tilt below this is left as it is: it moves a line's ends by less than a pixel in 600. */
    private static final double LEVEL_ENOUGH = Math.toRadians(0.1);

    private final PaddleOcr ocr;

    public PageReader(PaddleOcr ocr) {
        this.ocr = ocr;
    }

    /** A line read and how far down the page it lies, for putting tables and prose in order. */
    private record Placed(double y, RecognisedLine line) {
    }

    /**
     * The lines of a page image, top to bottom: a page much taller than A4 for its width (a long
     * image) is read strip by strip ({@link PageStrips}), each at the image's own resolution.
     *
     * @throws UnreadableDocumentException TOO_COMPLEX beyond {@link #MAX_PAGES_TALL}, or for a strip
     *                                     beyond {@link #MAX_CELLS} or {@link #MAX_PROSE_PIECES}
     */
    public List<RecognisedLine> read(BufferedImage image) throws UnreadableDocumentException {
        if (!PageStrips.tall(image.getWidth(), image.getHeight())) {
            return readPage(image);
        }
        if (image.getHeight() > (long) MAX_PAGES_TALL * PageStrips.stripHeight(image.getWidth())) {
            throw new UnreadableDocumentException(Reason.TOO_COMPLEX, "图片过长，超过" + MAX_PAGES_TALL + "个A4页面的长度",
                    "an image of " + image.getWidth() + "×" + image.getHeight() + " pixels, more than " + MAX_PAGES_TALL + " A4 pages tall");
        }
        BufferedImage grey = GreyImages.grey(image);
        int margin = grey.getWidth() / STRIP_MARGIN;
        List<RecognisedLine> lines = new ArrayList<>();
        for (PageStrips.Strip strip : PageStrips.of(grey)) {
            lines.addAll(readPage(GreyImages.rows(grey, strip.top(), strip.bottom(), margin)));
        }
        return lines;
    }

    private List<RecognisedLine> readPage(BufferedImage image) throws UnreadableDocumentException {
        BufferedImage page = GreyImages.grey(GreyImages.atMost(image, MAX_PIXELS));
        InkMap ink = InkMap.of(page);
        RuleFinder.Found found = RuleFinder.find(ink);
        double tilt = tilt(found);
        if (Math.abs(tilt) > LEVEL_ENOUGH) {
            page = GreyImages.rotate(page, -tilt);
            ink = InkMap.of(page);
            found = RuleFinder.find(ink);
        }
        try {
            List<Placed> lines = new ArrayList<>();
            int cells = 0;
            BufferedImage prose = found.tables().isEmpty() ? page : LineCrops.crop(page, 0, 0, page.getWidth(), page.getHeight());
            for (RuleFinder.Ruling table : found.tables()) {
                List<List<TableGrid.Cell>> rows = new TableGrid(table.horizontal(), table.vertical()).rowsOfCells();
                cells += rows.stream().mapToInt(List::size).sum();
                if (cells > MAX_CELLS) {
                    throw new UnreadableDocumentException(Reason.TOO_COMPLEX, "图片中的表格单元格超过" + MAX_CELLS + "个",
                            "more than " + MAX_CELLS + " table cells on a page image");
                }
                double inset = Math.ceil(table.thickness() / 2) + 2;
                for (List<TableGrid.Cell> row : rows) {
                    List<RecognisedCell> read = new ArrayList<>(row.size());
                    for (TableGrid.Cell cell : row) {
                        read.add(readCell(page, cell, inset, ink.threshold(), found.textHeight()));
                    }
                    double top = row.stream().mapToDouble(c -> c.corners()[0][1]).average().orElse(0);
                    lines.add(new Placed(top, new RecognisedLine(read, true)));
                }
                whiten(prose, table.bounds(), (int) Math.ceil(table.thickness()) + 2);
            }
            lines.addAll(prose(prose));
            lines.sort(Comparator.comparingDouble(Placed::y));
            return lines.stream().map(Placed::line).toList();
        } catch (OrtException e) {
            throw new UnreadableDocumentException(Reason.NEEDS_OCR, "需要OCR：OCR识别出错", "ONNX Runtime failed on a page: " + e);
        }
    }

    /** The page's tilt, radians clockwise: the horizontal rules' mean angle, longer rules counting more. */
    private static double tilt(RuleFinder.Found found) {
        double weighted = 0;
        double total = 0;
        for (RuleFinder.Ruling table : found.tables()) {
            for (Rule rule : table.horizontal()) {
                double length = rule.spans().stream().mapToDouble(s -> s[1] - s[0]).sum();
                weighted += Math.atan(rule.slope()) * length;
                total += length;
            }
        }
        return total == 0 ? 0 : weighted / total;
    }

    /**
     * A cell's text: its lines read and joined; when nothing of it is a Chinese character, its
     * figure decoding. Its confidence is its least sure line's; an empty cell is surely empty.
     */
    private RecognisedCell readCell(BufferedImage page, TableGrid.Cell cell, double inset, int threshold, double textHeight)
            throws OrtException {
        BufferedImage picture = LineCrops.cell(page, cell.corners(), inset);
        if (picture == null) {
            return new RecognisedCell("", 1);
        }
        StringBuilder text = new StringBuilder();
        StringBuilder figure = new StringBuilder();
        double textConfidence = 1;
        double figureConfidence = 1;
        for (BufferedImage line : LineCrops.lines(picture, threshold, textHeight)) {
            LineReading reading = ocr.recognise(line);
            text.append(reading.text());
            figure.append(reading.figure());
            textConfidence = Math.min(textConfidence, reading.confidence());
            figureConfidence = Math.min(figureConfidence, reading.figureConfidence());
        }
        boolean looksLikeFigure = !figure.isEmpty() && text.codePoints().noneMatch(c -> UnicodeScript.of(c) == UnicodeScript.HAN);
        return looksLikeFigure ? new RecognisedCell(figure.toString(), figureConfidence) : new RecognisedCell(text.toString(), textConfidence);
    }

    /** Prose: the detector's pieces of text, put together into lines where they lie side by side. */
    private List<Placed> prose(BufferedImage page) throws OrtException, UnreadableDocumentException {
        List<Rectangle> boxes = new ArrayList<>(ocr.detect(page));
        if (boxes.size() > MAX_PROSE_PIECES) {
            throw new UnreadableDocumentException(Reason.TOO_COMPLEX, "图片中的文字超过" + MAX_PROSE_PIECES + "段",
                    "more than " + MAX_PROSE_PIECES + " text pieces on a page image");
        }
        boxes.sort(Comparator.comparingDouble(Rectangle::getCenterY));
        List<List<Rectangle>> lines = new ArrayList<>();
        for (Rectangle box : boxes) {
            List<Rectangle> last = lines.isEmpty() ? null : lines.getLast();
            if (last != null && Math.abs(box.getCenterY() - last.getFirst().getCenterY()) < last.getFirst().height / 2.0) {
                last.add(box);
            } else {
                lines.add(new ArrayList<>(List.of(box)));
            }
        }
        List<Placed> placed = new ArrayList<>();
        for (List<Rectangle> line : lines) {
            line.sort(Comparator.comparingInt((Rectangle r) -> r.x));
            StringBuilder text = new StringBuilder();
            double confidence = 1;
            for (Rectangle box : line) {
                LineReading reading = ocr.recognise(LineCrops.crop(page, box.x, box.y, box.x + box.width, box.y + box.height));
                if (!reading.text().isEmpty()) {
                    text.append(text.isEmpty() ? "" : " ").append(reading.text());
                    confidence = Math.min(confidence, reading.confidence());
                }
            }
            if (!text.isEmpty()) {
                placed.add(new Placed(line.getFirst().getCenterY(), RecognisedLine.prose(text.toString(), confidence)));
            }
        }
        return placed;
    }

    /** Whitens a table's area (and a margin) so prose detection does not see it again. */
    private static void whiten(BufferedImage page, Rectangle area, int margin) {
        Graphics2D g = page.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(area.x - margin, area.y - margin, area.width + 2 * margin, area.height + 2 * margin);
        g.dispose();
    }
}
