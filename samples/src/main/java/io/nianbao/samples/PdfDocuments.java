package io.nianbao.samples;

import io.nianbao.samples.ReportDocument.Block;
import io.nianbao.samples.ReportDocument.Line;
import io.nianbao.samples.ReportDocument.Table;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A laid-out report as an office suite (WPS, Word) exports it to PDF: A4 pages, text in a
 * Chinese font, tables drawn cell by cell with their borders, long labels wrapped inside their
 * cells, each cell's lines centred vertically over the rows it spans, page numbers at the foot.
 * A table breaks across pages only between rows no spanned cell crosses.
 */
final class PdfDocuments {

    static final float MARGIN = 56;
    private static final float TEXT_SIZE = 10.5f;
    private static final float CELL_SIZE = 9f;
    private static final float PADDING = 3f;
    private static final float WIDEST_TEXT_COLUMN = 110f;

    private final PDDocument pdf = new PDDocument();
    private final PDFont font;
    private PDPageContentStream page;
    private float y;
    private int pages;

    private PdfDocuments(File fontFile, TrueTypeCollection collection) throws IOException {
        if (collection == null) {
            font = PDType0Font.load(pdf, fontFile);
        } else {
            AtomicReference<TrueTypeFont> first = new AtomicReference<>();
            collection.processAllFonts(f -> first.compareAndSet(null, f));
            font = PDType0Font.load(pdf, first.get(), true);
        }
    }

    /**
     * The document in the machine's Chinese font ({@link Fonts}); {@code breakInsideApplications}
     * starts a new page in the middle of section 三's table.
     */
    static byte[] drawn(ReportDocument document, boolean breakInsideApplications) {
        File file = Fonts.chinese().orElseThrow(() -> new IllegalStateException("no Chinese font"));
        try (TrueTypeCollection collection = file.getName().endsWith(".ttc") ? new TrueTypeCollection(file) : null) {
            return new PdfDocuments(file, collection).write(document, breakInsideApplications);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] write(ReportDocument document, boolean breakInsideApplications) throws IOException {
        newPage();
        for (Block block : document.blocks()) {
            switch (block) {
                case Line line -> paragraph(line.text());
                case Table table -> table(table, breakInsideApplications && table.section().name().equals("APPLICATIONS"));
            }
        }
        page.close();
        try (pdf; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            pdf.save(out);
            return out.toByteArray();
        }
    }

    private void paragraph(String text) throws IOException {
        for (String line : wrap(text, PDRectangle.A4.getWidth() - 2 * MARGIN, TEXT_SIZE)) {
            if (y - TEXT_SIZE * 1.6f < MARGIN) {
                newPage();
            }
            y -= TEXT_SIZE * 1.6f;
            show(line, MARGIN, y, TEXT_SIZE);
        }
    }

    private void table(Table table, boolean breakInTheMiddle) throws IOException {
        // A paragraph's baseline is y: the table starts below its descenders, as office suites space them.
        y -= TEXT_SIZE * 0.6f;
        Grid grid = Grid.of(table);
        float[] widths = columnWidths(grid);
        float[] heights = rowHeights(grid, widths);
        List<Integer> cuts = DocumentChanges.cutPoints(table);
        int forcedBreak = breakInTheMiddle && !cuts.isEmpty() ? cuts.get(cuts.size() / 2) : -1;
        int from = 0;
        List<Integer> ends = new ArrayList<>(cuts);
        ends.add(grid.starts().size());
        for (int to : ends) {
            float height = 0;
            for (int r = from; r < to; r++) {
                height += heights[r];
            }
            if (from == forcedBreak || y - height < MARGIN + 20) {
                newPage();
            }
            drawRows(grid, widths, heights, from, to);
            from = to;
        }
        y -= TEXT_SIZE;
    }

    /** Rows [from, to), no spanned cell crossing their edges, drawn down from y. */
    private void drawRows(Grid grid, float[] widths, float[] heights, int from, int to) throws IOException {
        float top = y;
        float[] rowTops = new float[to - from + 1];
        rowTops[0] = top;
        for (int r = from; r < to; r++) {
            rowTops[r - from + 1] = rowTops[r - from] - heights[r];
        }
        for (int r = from; r < to; r++) {
            for (Grid.Placed p : grid.starts().get(r)) {
                float x = MARGIN;
                for (int c = 0; c < p.column(); c++) {
                    x += widths[c];
                }
                float w = 0;
                for (int c = p.column(); c < p.column() + p.cell().colspan(); c++) {
                    w += widths[c];
                }
                float cellTop = rowTops[r - from];
                float cellBottom = rowTops[Math.min(r + p.cell().rowspan(), to) - from];
                page.addRect(x, cellBottom, w, cellTop - cellBottom);
                page.stroke();
                List<String> lines = wrap(p.cell().text(), w - 2 * PADDING, CELL_SIZE);
                float block = lines.size() * CELL_SIZE * 1.3f;
                float baseline = (cellTop + cellBottom) / 2 + block / 2 - CELL_SIZE;
                for (String line : lines) {
                    float textWidth = width(line, CELL_SIZE);
                    show(line, x + (w - textWidth) / 2, baseline, CELL_SIZE);
                    baseline -= CELL_SIZE * 1.3f;
                }
            }
        }
        y = rowTops[to - from];
    }

    /**
     * Columns as wide as their widest cell, text columns at most {@link #WIDEST_TEXT_COLUMN}; text
     * columns then narrowed to fit the page (their labels wrap), never a figure's column.
     */
    private float[] columnWidths(Grid grid) throws IOException {
        float[] widths = new float[grid.columns()];
        boolean[] figures = new boolean[grid.columns()];
        for (List<Grid.Placed> row : grid.starts()) {
            for (Grid.Placed p : row) {
                if (p.cell().colspan() == 1) {
                    boolean figure = p.cell().kind() == ReportDocument.Kind.VALUE;
                    float wanted = (figure ? width(p.cell().text(), CELL_SIZE) : Math.min(width(p.cell().text(), CELL_SIZE), WIDEST_TEXT_COLUMN))
                            + 2 * PADDING + 1;
                    widths[p.column()] = Math.max(widths[p.column()], wanted);
                    figures[p.column()] |= figure;
                }
            }
        }
        float figureWidth = 0;
        float textWidth = 0;
        for (int c = 0; c < widths.length; c++) {
            if (figures[c]) {
                // A figure's column is as wide as its widest figure; its header wraps.
                widths[c] = 0;
                for (List<Grid.Placed> row : grid.starts()) {
                    for (Grid.Placed p : row) {
                        if (p.column() == c && p.cell().colspan() == 1 && p.cell().kind() == ReportDocument.Kind.VALUE) {
                            widths[c] = Math.max(widths[c], width(p.cell().text(), CELL_SIZE) + 2 * PADDING + 1);
                        }
                    }
                }
                widths[c] = Math.max(widths[c], 3 * CELL_SIZE);
                figureWidth += widths[c];
            } else {
                widths[c] = Math.max(widths[c], 3 * CELL_SIZE);
                textWidth += widths[c];
            }
        }
        float scale = Math.min(1f, (PDRectangle.A4.getWidth() - 2 * MARGIN - figureWidth) / textWidth);
        for (int c = 0; c < widths.length; c++) {
            widths[c] *= figures[c] ? 1 : scale;
        }
        return widths;
    }

    private float[] rowHeights(Grid grid, float[] widths) throws IOException {
        float[] heights = new float[grid.starts().size()];
        for (int r = 0; r < heights.length; r++) {
            heights[r] = CELL_SIZE * 1.3f + 2 * PADDING;
            for (Grid.Placed p : grid.starts().get(r)) {
                if (p.cell().rowspan() == 1) {
                    float w = 0;
                    for (int c = p.column(); c < p.column() + p.cell().colspan(); c++) {
                        w += widths[c];
                    }
                    int lines = wrap(p.cell().text(), w - 2 * PADDING, CELL_SIZE).size();
                    heights[r] = Math.max(heights[r], lines * CELL_SIZE * 1.3f + 2 * PADDING);
                }
            }
        }
        return heights;
    }

    private List<String> wrap(String text, float width, float size) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            String c = new String(Character.toChars(cp));
            if (!line.isEmpty() && width(line + c, size) > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(c);
            i += Character.charCount(cp);
        }
        if (!line.isEmpty() || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    private float width(String text, float size) throws IOException {
        return font.getStringWidth(text) / 1000 * size;
    }

    private void show(String text, float x, float baseline, float size) throws IOException {
        if (text.isEmpty()) {
            return;
        }
        page.beginText();
        page.setFont(font, size);
        page.newLineAtOffset(x, baseline);
        page.showText(text);
        page.endText();
    }

    private void newPage() throws IOException {
        if (page != null) {
            page.close();
        }
        PDPage p = new PDPage(PDRectangle.A4);
        pdf.addPage(p);
        page = new PDPageContentStream(pdf, p);
        page.setLineWidth(0.5f);
        pages++;
        String number = "- " + pages + " -";
        show(number, (PDRectangle.A4.getWidth() - width(number, CELL_SIZE)) / 2, MARGIN / 2, CELL_SIZE);
        y = PDRectangle.A4.getHeight() - MARGIN;
    }
}
