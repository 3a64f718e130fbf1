package io.nianbao.core.extract;

import io.nianbao.core.UnreadableDocumentException;
import io.nianbao.core.UnreadableDocumentException.Reason;
import io.nianbao.core.extract.ReadingLimits.LimitExceeded;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.io.RandomAccessStreamCache.StreamCacheCreateFunction;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

import java.awt.geom.Point2D;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * PDF to lines, rebuilt from text positions rather than from the content stream's order: words
 * are grouped into visual lines by their vertical extent and cut into cells where a gap is wider
 * than a character, or where a narrower gap (cell padding, as browsers print tables) opens at a
 * column start that several lines of the page share. A table row's label wrapped over several
 * lines around its values (cells centred vertically) is joined onto the values' line, column by
 * column. Page headers and footers that are only a page number are dropped, so a table split
 * across pages reads as one.
 */
public final class PdfExtractor {

    /**
     * Where PDFBox keeps what it decrypts: in memory up to 4 MB, then in a scratch file, 64 MB at
     * most (beyond, the document is refused as corrupt).
     */
    private static final StreamCacheCreateFunction SCRATCH = MemoryUsageSetting.setupMixed(4L << 20, 64L << 20).streamCache;
    private static final Pattern PAGE_NUMBER = Pattern.compile("^[-—–\\s]*(?:第\\s*)?\\d{1,3}\\s*(?:页)?(?:\\s*[/共]\\s*\\d{1,3}\\s*页?)?[-—–\\s]*$");
    /** Share of the page height at top and bottom where page numbers live. */
    private static final float MARGIN = 0.1f;

    /** A cell holding a figure only. */
    private static final Pattern NUMBER = Pattern.compile("[-+]?[\\d,，]*\\d(?:\\.\\d+)?%?");
    /** A gap wider than this many characters always separates cells. */
    private static final float CELL_GAP = 1.2f;
    /** A gap wider than this share of a full-width character separates cells at a column start. */
    private static final float PADDING_GAP = 0.25f;
    /**
     * Between text and a figure, a gap this wide (a cell's padding and border: a label that fills
     * its cell) separates cells at a column start; glyphs of one word stand closer.
     */
    private static final float TOUCHING_GAP = 0.1f;
    /** Left edges within this distance (pt) are one column start. */
    private static final float ALIGN = 1f;
    /** Lines of the page whose cells start at an x for it to be a column start. */
    private static final int COLUMN_LINES = 3;
    /** How far (in full-width characters) a wrapped label line may stand from its row's values. */
    private static final float WRAP_REACH = 1.6f;

    /** A run of glyphs; {@code charWidth} is its mean advance (a full-width character for CJK). */
    private record Word(String text, float x0, float x1, float top, float bottom, float charWidth) {
    }

    /** A horizontal line drawn on the page (a table's border), y measured down from the top. */
    record Rule(float y, float x0, float x1) {
    }

    /** One cell on one visual line. */
    private record Segment(String text, float x0, float x1, float top, float bottom, float em) {
        float mid() {
            return (top + bottom) / 2;
        }

        boolean number() {
            return NUMBER.matcher(text).matches();
        }
    }

    private PdfExtractor() {
    }

    /**
     * The document's lines, page by page. Read within {@code limits}: its shape is checked on its
     * bytes first ({@link PdfStructure}), then on what PDFBox loaded (objects, and pages: the page
     * tree is walked by hand before PDFBox's page iterator, which takes in every page of the tree
     * at once, recursively), and glyphs and time are counted while pages are read.
     */
    public static List<String> lines(byte[] bytes, ReadingLimits limits) throws UnreadableDocumentException {
        try (PDDocument doc = open(bytes)) {
            if (countPages(doc) == 0) {
                throw new UnreadableDocumentException(Reason.CORRUPT, "PDF文件没有可读的页面。", "pdf without readable pages");
            }
            WordCollector collector = new WordCollector(limits);
            collector.writeText(doc, Writer.nullWriter());
            if (collector.lines.stream().noneMatch(l -> l.codePoints().anyMatch(Character::isLetterOrDigit))) {
                if (collector.drawn == 0) {
                    throw new UnreadableDocumentException(Reason.EMPTY, "PDF文件的页面上没有任何内容。", "pdf with blank pages");
                }
                throw new UnreadableDocumentException(Reason.NEEDS_OCR,
                        "需要OCR：该PDF没有可提取的文字（可能为扫描件，或文字已转为图形），请提供文字版或经OCR识别后再提交。", "pdf without text");
            }
            return collector.lines;
        } catch (InvalidPasswordException e) {
            throw new UnreadableDocumentException(Reason.UNSUPPORTED_TYPE, "PDF文件已加密，无法读取。", e.getMessage());
        } catch (IOException e) {
            throw new UnreadableDocumentException(Reason.CORRUPT, "PDF文件已损坏，无法读取。", String.valueOf(e.getMessage()));
        }
    }

    /**
     * The document loaded within the limits that show before its pages are read: its structure
     * on its bytes, its objects once loaded, its font programs (the largest left out).
     */
    static PDDocument open(byte[] bytes) throws IOException {
        SubstituteFonts.install();
        PdfStructure.Shape shape = PdfStructure.check(bytes);
        PDDocument doc = Loader.loadPDF(new RandomAccessReadBuffer(bytes), "", null, null, SCRATCH);
        try {
            if (doc.getDocument().getXrefTable().size() > ReadingLimits.MAX_PDF_OBJECTS) {
                throw new LimitExceeded("对象超过" + ReadingLimits.MAX_PDF_OBJECTS + "个",
                        doc.getDocument().getXrefTable().size() + " objects in the cross-reference table");
            }
            leaveOutLargeFontPrograms(doc, shape.encrypted() ? PdfStructure.checkDecrypted(doc) : shape.fontPrograms());
            return doc;
        } catch (IOException | RuntimeException e) {
            doc.close();
            throw e;
        }
    }

    /**
     * The pages of the page tree, walked by hand: at most {@link ReadingLimits#MAX_PAGES}
     * whatever the tree's /Count says, no deeper than the nesting limit; a node met twice (a
     * cycle) is counted once.
     */
    private static int countPages(PDDocument doc) {
        int declared = doc.getNumberOfPages();
        if (declared > ReadingLimits.MAX_PAGES) {
            throw tooManyPages(declared + " pages declared");
        }
        int pages = 0;
        COSDictionary root = doc.getDocumentCatalog().getCOSObject().getCOSDictionary(COSName.PAGES);
        Set<COSDictionary> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<PageNode> stack = new ArrayDeque<>();
        if (root != null) {
            stack.push(new PageNode(root, 1));
        }
        while (!stack.isEmpty()) {
            PageNode next = stack.pop();
            if (!seen.add(next.node())) {
                continue;
            }
            ReadingLimits.checkNesting(next.depth());
            COSArray kids = next.node().getCOSArray(COSName.KIDS);
            if (kids == null) {
                if (++pages > ReadingLimits.MAX_PAGES) {
                    throw tooManyPages("more than " + ReadingLimits.MAX_PAGES + " pages in the page tree");
                }
                continue;
            }
            if (kids.size() > ReadingLimits.MAX_PAGES) {
                throw tooManyPages("a page tree node with " + kids.size() + " kids");
            }
            for (int k = kids.size() - 1; k >= 0; k--) {
                if (kids.getObject(k) instanceof COSDictionary kid) {
                    stack.push(new PageNode(kid, next.depth() + 1));
                }
            }
        }
        return pages;
    }

    private record PageNode(COSDictionary node, int depth) {
    }

    /**
     * Font programs beyond {@link ReadingLimits#MAX_FONT_BYTES} together are not loaded, the
     * largest first: PDFBox holds a loaded program about four times over (a whole CJK font of
     * 11 MB took 40 MB), and text extraction needs none of it where the PDF maps its glyphs to
     * text itself (ToUnicode), as Word's and WPS's PDFs do. A font left out reads through
     * {@link SubstituteFonts}.
     */
    private static void leaveOutLargeFontPrograms(PDDocument doc, List<PdfStructure.FontProgram> programs) {
        long kept = 0;
        List<PdfStructure.FontProgram> largestFirst = new ArrayList<>(programs);
        largestFirst.sort(Comparator.comparingLong(PdfStructure.FontProgram::inflatedBytes).reversed());
        for (PdfStructure.FontProgram program : largestFirst) {
            if (kept + program.inflatedBytes() <= ReadingLimits.MAX_FONT_BYTES) {
                kept += program.inflatedBytes();
            } else {
                doc.getDocument().getObjectFromPool(new COSObjectKey(program.objectNumber(), program.generation())).setToNull();
            }
        }
    }

    private static LimitExceeded tooManyPages(String detail) {
        return new LimitExceeded("页数超过" + ReadingLimits.MAX_PAGES + "页", detail);
    }

    /**
     * Collects words with their boxes instead of writing text, page by page; counts glyphs per
     * page and time, and what was drawn besides text.
     */
    private static final class WordCollector extends PDFTextStripper {
        /** Operators that paint a path or show text, and the inline image operator. */
        private static final Set<String> PAINTING = Set.of("f", "F", "f*", "B", "B*", "b", "b*", "S", "s", "sh", "BI",
                "Tj", "TJ", "'", "\"");

        private final ReadingLimits limits;
        final List<String> lines = new ArrayList<>();
        private final List<Word> words = new ArrayList<>();
        /** Horizontal edges of the page's drawn rectangles and lines. */
        private final List<Rule> rules = new ArrayList<>();
        private float pageHeight;
        private float[] pathStart;
        private int glyphs;
        private int operators;
        /** Images, painted paths and shown text: a document of only those, without text read, is a scan or unmapped glyphs. */
        int drawn;

        WordCollector(ReadingLimits limits) {
            super();
            this.limits = limits;
            setSortByPosition(false);
            setShouldSeparateByBeads(false);
        }

        @Override
        protected void startPage(PDPage page) {
            words.clear();
            rules.clear();
            pageHeight = page.getMediaBox().getHeight();
            glyphs = 0;
        }

        @Override
        protected void endPage(PDPage page) {
            List<String> pageLines = pageLines(words, pageHeight, rules);
            limits.chars(pageLines.stream().mapToLong(String::length).sum());
            lines.addAll(pageLines);
            words.clear();
            rules.clear();
        }

        /**
         * Keeps the horizontal edges a content stream draws (rectangles, and straight horizontal
         * lines), as far as MAX_GLYPHS_PER_PAGE allows: they tell a table's rows apart.
         */
        private void collectEdges(String name, List<COSBase> operands) {
            boolean path = name.equals("re") || name.equals("m") || name.equals("l");
            if (!path || rules.size() >= ReadingLimits.MAX_GLYPHS_PER_PAGE) {
                return;
            }
            float[] v = numbers(operands);
            if (name.equals("re") && v.length == 4) {
                Point2D.Float a = onPage(v[0], v[1]);
                Point2D.Float b = onPage(v[0] + v[2], v[1] + v[3]);
                if (Math.abs(b.x - a.x) > 2) {
                    addRule(a.y, a.x, b.x);
                    if (Math.abs(b.y - a.y) > 2) {
                        addRule(b.y, a.x, b.x);
                    }
                }
            } else if (name.equals("m") && v.length == 2) {
                pathStart = v;
            } else if (name.equals("l") && v.length == 2 && pathStart != null) {
                Point2D.Float a = onPage(pathStart[0], pathStart[1]);
                Point2D.Float b = onPage(v[0], v[1]);
                if (Math.abs(b.y - a.y) < 1 && Math.abs(b.x - a.x) > 2) {
                    addRule(a.y, a.x, b.x);
                }
                pathStart = v;
            }
        }

        /** A point of the content stream in page space (y up). */
        private Point2D.Float onPage(float x, float y) {
            return getGraphicsState().getCurrentTransformationMatrix().transformPoint(x, y);
        }

        /** A horizontal edge at page-space height {@code y}, kept measured down from the top as text is. */
        private void addRule(float y, float x0, float x1) {
            rules.add(new Rule(pageHeight - y, Math.min(x0, x1), Math.max(x0, x1)));
        }

        private static float[] numbers(List<COSBase> operands) {
            float[] v = new float[operands.size()];
            for (int i = 0; i < v.length; i++) {
                if (!(operands.get(i) instanceof COSNumber n)) {
                    return new float[0];
                }
                v[i] = n.floatValue();
            }
            return v;
        }

        @Override
        protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
            if (++operators % 512 == 0) {
                limits.checkTime();
            }
            String name = operator.getName();
            collectEdges(name, operands);
            if (PAINTING.contains(name) || name.equals("Do") && !operands.isEmpty()
                    && operands.getFirst() instanceof COSName xobject && getResources() != null
                    && getResources().isImageXObject(xobject)) {
                drawn++;
            }
            super.processOperator(operator, operands);
        }

        @Override
        protected void processTextPosition(TextPosition text) {
            if (++glyphs > ReadingLimits.MAX_GLYPHS_PER_PAGE) {
                throw new LimitExceeded("单页文字超过" + ReadingLimits.MAX_GLYPHS_PER_PAGE + "个字符",
                        "more than " + ReadingLimits.MAX_GLYPHS_PER_PAGE + " glyphs on a page");
            }
            super.processTextPosition(text);
        }

        /**
         * A run is cut where a glyph leaves the baseline or steps back (text from another cell),
         * and where text and a figure stand apart (a label touching its cell's value).
         */
        @Override
        protected void writeString(String text, List<TextPosition> positions) {
            int from = 0;
            for (int i = 1; i <= positions.size(); i++) {
                if (i == positions.size() || jumps(positions.get(i - 1), positions.get(i))) {
                    boolean whole = from == 0 && i == positions.size();
                    add(whole ? text : null, positions.subList(from, i));
                    from = i;
                }
            }
        }

        private static boolean jumps(TextPosition a, TextPosition b) {
            float gap = b.getXDirAdj() - (a.getXDirAdj() + a.getWidthDirAdj());
            return Math.abs(b.getYDirAdj() - a.getYDirAdj()) > Math.max(a.getHeightDir(), 1f) / 2
                    || b.getXDirAdj() < a.getXDirAdj() + a.getWidthDirAdj() / 2
                    || gap > TOUCHING_GAP * Math.max(a.getWidthDirAdj(), 1f) && figure(first(a.getUnicode())) != figure(first(b.getUnicode()));
        }

        /** A word from its glyphs; {@code text} is the stripper's own text when the run is whole. */
        private void add(String whole, List<TextPosition> glyphs) {
            StringBuilder text = new StringBuilder();
            float x0 = Float.MAX_VALUE;
            float x1 = -Float.MAX_VALUE;
            float top = Float.MAX_VALUE;
            float bottom = -Float.MAX_VALUE;
            for (TextPosition t : glyphs) {
                text.append(t.getUnicode());
                x0 = Math.min(x0, t.getXDirAdj());
                x1 = Math.max(x1, t.getXDirAdj() + t.getWidthDirAdj());
                float h = Math.max(t.getHeightDir(), 1f);
                top = Math.min(top, t.getYDirAdj() - h);
                bottom = Math.max(bottom, t.getYDirAdj());
            }
            String s = (whole != null ? whole : text.toString()).strip();
            if (s.isEmpty()) {
                return;
            }
            float charWidth = Math.max((x1 - x0) / s.length(), 1f);
            words.add(new Word(s, x0, x1, top, bottom, charWidth));
        }

        @Override
        protected void writeLineSeparator() {
        }

        @Override
        protected void writeWordSeparator() {
        }
    }

    /** Words grouped into visual lines (top to bottom), cut into cells, wrapped labels joined. */
    static List<String> pageLines(List<Word> words, float pageHeight, List<Rule> rules) {
        List<List<Word>> lines = visualLines(words);
        List<Float> starts = columnStarts(lines);
        List<List<Segment>> rows = new ArrayList<>(lines.size());
        for (List<Word> l : lines) {
            rows.add(segments(l, starts));
        }
        List<String> out = new ArrayList<>(rows.size());
        for (List<Segment> row : withBlankCells(joinWrappedLabels(rows, rules))) {
            String text = text(row);
            float top = row.stream().map(Segment::top).min(Float::compare).orElseThrow();
            boolean inMargin = top < pageHeight * MARGIN || top > pageHeight * (1 - MARGIN);
            if (inMargin && PAGE_NUMBER.matcher(text.replace('\t', ' ')).matches()) {
                continue;
            }
            out.add(text);
        }
        return out;
    }

    /** Lines top to bottom, each left to right: a word joins a line when its middle is within the line's first word. */
    private static List<List<Word>> visualLines(List<Word> words) {
        List<Word> sorted = new ArrayList<>(words);
        sorted.sort(Comparator.comparingDouble(w -> (w.top() + w.bottom()) / 2));
        List<List<Word>> lines = new ArrayList<>();
        List<Word> line = new ArrayList<>();
        for (Word w : sorted) {
            float mid = (w.top() + w.bottom()) / 2;
            if (!line.isEmpty() && mid > line.getFirst().top() && mid < line.getFirst().bottom()) {
                line.add(w);
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line);
            }
            line = new ArrayList<>();
            line.add(w);
        }
        if (!line.isEmpty()) {
            lines.add(line);
        }
        lines.forEach(l -> l.sort(Comparator.comparingDouble(Word::x0)));
        return lines;
    }

    /** Left edges at which words open a line or follow a gap on at least {@link #COLUMN_LINES} lines. */
    private static List<Float> columnStarts(List<List<Word>> lines) {
        List<Float> edges = new ArrayList<>();
        for (List<Word> l : lines) {
            List<Float> own = new ArrayList<>();
            for (int i = 0; i < l.size(); i++) {
                Word w = l.get(i);
                if ((i == 0 || gap(l.get(i - 1), w) > PADDING_GAP * em(l.get(i - 1), w))
                        && own.stream().noneMatch(x -> Math.abs(x - w.x0()) <= ALIGN)) {
                    own.add(w.x0());
                }
            }
            edges.addAll(own);
        }
        edges.sort(Float::compare);
        List<Float> starts = new ArrayList<>();
        int lo = 0;
        int hi = 0;
        for (float x : edges) {
            while (edges.get(lo) < x - ALIGN) {
                lo++;
            }
            while (hi < edges.size() && edges.get(hi) <= x + ALIGN) {
                hi++;
            }
            if (hi - lo >= COLUMN_LINES) {
                starts.add(x);
            }
        }
        return starts;
    }

    private static float gap(Word a, Word b) {
        return b.x0() - a.x1();
    }

    /** The width of a full-width character near two words: the wider of their advances. */
    private static float em(Word a, Word b) {
        return Math.max(a.charWidth(), b.charWidth());
    }

    /** A line's words cut into cells. */
    private static List<Segment> segments(List<Word> line, List<Float> columnStarts) {
        List<Segment> out = new ArrayList<>();
        List<Word> cell = new ArrayList<>();
        for (Word w : line) {
            if (!cell.isEmpty() && separates(cell.getLast(), w, columnStarts)) {
                out.add(segment(cell));
                cell = new ArrayList<>();
            }
            cell.add(w);
        }
        out.add(segment(cell));
        return out;
    }

    private static boolean separates(Word prev, Word w, List<Float> columnStarts) {
        float gap = gap(prev, w);
        if (gap > CELL_GAP * Math.min(prev.charWidth(), w.charWidth())) {
            return true;
        }
        boolean textMeetsFigure = figure(prev.text().charAt(prev.text().length() - 1)) != figure(w.text().charAt(0));
        return gap > (textMeetsFigure ? TOUCHING_GAP : PADDING_GAP) * em(prev, w)
                && columnStarts.stream().anyMatch(x -> Math.abs(x - w.x0()) <= ALIGN);
    }

    /** Whether a character is part of a figure: a digit, or a sign or point within one. */
    private static boolean figure(char c) {
        return c >= '0' && c <= '9' || c == '.' || c == '-' || c == ',';
    }

    /** A glyph's first character; a glyph without one is no figure. */
    private static char first(String glyph) {
        return glyph == null || glyph.isEmpty() ? ' ' : glyph.charAt(0);
    }

    private static Segment segment(List<Word> words) {
        StringBuilder text = new StringBuilder();
        float top = Float.MAX_VALUE;
        float bottom = -Float.MAX_VALUE;
        float em = 0;
        for (Word w : words) {
            text.append(w.text());
            top = Math.min(top, w.top());
            bottom = Math.max(bottom, w.bottom());
            em = Math.max(em, w.charWidth());
        }
        return new Segment(text.toString(), words.getFirst().x0(), words.getLast().x1(), top, bottom, em);
    }

    /**
     * Lines of text only that lie wholly left of a nearby row's values are that row's wrapped
     * labels (a table centres a row's cells vertically, so they wrap above and below the values):
     * they are moved onto the nearest such row, unless a border drawn between them says the text
     * is a row of its own.
     */
    private static List<List<Segment>> joinWrappedLabels(List<List<Segment>> lines, List<Rule> rules) {
        List<List<Segment>> merged = new ArrayList<>();
        for (List<Segment> l : lines) {
            merged.add(new ArrayList<>(l));
        }
        boolean[] moved = new boolean[lines.size()];
        float maxEm = (float) lines.stream().flatMap(List::stream).mapToDouble(Segment::em).max().orElse(0);
        for (int i = 0; i < lines.size(); i++) {
            List<Segment> line = lines.get(i);
            if (line.stream().anyMatch(Segment::number)) {
                continue;
            }
            int row = -1;
            float best = Float.MAX_VALUE;
            // Lines run top to bottom: look only as far as any row could reach (plus a line's own height).
            for (int step : new int[]{-1, 1}) {
                for (int j = i + step; j >= 0 && j < lines.size(); j += step) {
                    if (Math.abs(lines.get(j).getFirst().mid() - line.getFirst().mid()) > (WRAP_REACH + 1) * maxEm) {
                        break;
                    }
                    Float distance = reach(line, lines.get(j), rules);
                    if (distance != null && distance < best) {
                        row = j;
                        best = distance;
                    }
                }
            }
            if (row >= 0) {
                merged.get(row).addAll(line);
                moved[i] = true;
            }
        }
        List<List<Segment>> out = new ArrayList<>();
        for (int i = 0; i < merged.size(); i++) {
            if (!moved[i]) {
                out.add(merged.get(i));
            }
        }
        return out;
    }

    /**
     * A blank cell prints nothing, so a row with one reads short. Within a table's body (two rows
     * of figures or more, with nothing between them but pieces of wrapped labels left of the
     * figures), the figures of all rows mark the value columns; where a row has no figure in a
     * column right of its label, an empty cell is put in. A body whose columns are not clear (a
     * row with two figures in one column, or no row with a figure in every column) is left as it is.
     */
    static List<List<Segment>> withBlankCells(List<List<Segment>> rows) {
        List<List<Segment>> out = new ArrayList<>(rows.size());
        int from = 0;
        while (from < rows.size()) {
            int to = from;
            int figureRows = 0;
            while (to < rows.size() && (hasFigure(rows.get(to)) || figureRows > 0 && labelPiece(rows, to))) {
                figureRows += hasFigure(rows.get(to)) ? 1 : 0;
                to++;
            }
            if (figureRows >= 2) {
                out.addAll(fillBlanks(rows.subList(from, to)));
            } else {
                out.addAll(rows.subList(from, Math.max(to, from + 1)));
            }
            from = Math.max(to, from + 1);
        }
        return out;
    }

    private static boolean hasFigure(List<Segment> row) {
        return row.stream().anyMatch(Segment::number);
    }

    /** A line of text only, between rows of figures and wholly left of the figures of the row before it. */
    private static boolean labelPiece(List<List<Segment>> rows, int i) {
        if (i + 1 >= rows.size() || !hasFigure(rows.get(i + 1)) || !hasFigure(rows.get(i - 1))) {
            return false;
        }
        float firstFigure = (float) rows.get(i - 1).stream().filter(Segment::number).mapToDouble(Segment::x0).min().orElseThrow();
        return rows.get(i).stream().allMatch(s -> s.x1() <= firstFigure);
    }

    private static List<List<Segment>> fillBlanks(List<List<Segment>> body) {
        List<float[]> columns = new ArrayList<>();
        body.stream().flatMap(List::stream).filter(Segment::number).sorted(Comparator.comparingDouble(Segment::x0))
                .forEach(s -> {
                    if (!columns.isEmpty() && s.x0() <= columns.getLast()[1]) {
                        columns.getLast()[1] = Math.max(columns.getLast()[1], s.x1());
                    } else {
                        columns.add(new float[]{s.x0(), s.x1()});
                    }
                });
        boolean fullRow = false;
        for (List<Segment> row : body) {
            int filled = 0;
            for (float[] column : columns) {
                long figures = row.stream().filter(s -> s.number() && s.x0() < column[1] && s.x1() > column[0]).count();
                if (figures > 1) {
                    return body;
                }
                filled += (int) figures;
            }
            fullRow |= filled == columns.size();
        }
        if (!fullRow) {
            // No row fills every column found: the rows are of more than one table's columns.
            return body;
        }
        List<List<Segment>> out = new ArrayList<>(body.size());
        for (List<Segment> row : body) {
            if (!hasFigure(row)) {
                out.add(row);
                continue;
            }
            float labelEnd = (float) row.stream().filter(s -> !s.number()).mapToDouble(Segment::x1).max().orElse(-Float.MAX_VALUE);
            Segment first = row.getFirst();
            List<Segment> filled = new ArrayList<>(row);
            for (float[] column : columns) {
                boolean empty = row.stream().noneMatch(s -> s.x0() < column[1] && s.x1() > column[0]);
                if (empty && column[0] > labelEnd) {
                    filled.add(new Segment("", column[0], column[1], first.top(), first.bottom(), first.em()));
                }
            }
            out.add(filled);
        }
        return out;
    }

    /** The vertical distance from a text line to a row of values it can be a wrapped label of, or null. */
    private static Float reach(List<Segment> text, List<Segment> row, List<Rule> rules) {
        Segment firstValue = row.stream().filter(Segment::number).findFirst().orElse(null);
        if (row.size() < 2 || firstValue == null || text.getLast().x1() > firstValue.x0()) {
            return null;
        }
        // A border drawn between them: the text is a row of its own (its cells left blank).
        float from = Math.min(text.getFirst().mid(), firstValue.mid());
        float to = Math.max(text.getFirst().mid(), firstValue.mid());
        float x0 = text.getFirst().x0();
        float x1 = text.getLast().x1();
        if (rules.stream().anyMatch(r -> r.y() > from && r.y() < to && r.x0() < x1 && r.x1() > x0)) {
            return null;
        }
        float em = Math.max(text.stream().map(Segment::em).max(Float::compare).orElseThrow(), firstValue.em());
        float distance = Math.abs(text.getFirst().mid() - firstValue.mid());
        return distance <= WRAP_REACH * em ? distance : null;
    }

    /** Cells left to right, tab-separated; pieces of one column (overlapping in x) top to bottom, joined. */
    private static String text(List<Segment> row) {
        List<Segment> sorted = new ArrayList<>(row);
        sorted.sort(Comparator.comparingDouble(Segment::x0));
        List<List<Segment>> columns = new ArrayList<>();
        float right = -Float.MAX_VALUE;
        for (Segment s : sorted) {
            if (columns.isEmpty() || s.x0() >= right) {
                columns.add(new ArrayList<>());
                right = s.x1();
            } else {
                right = Math.max(right, s.x1());
            }
            columns.getLast().add(s);
        }
        StringBuilder b = new StringBuilder();
        for (List<Segment> column : columns) {
            column.sort(Comparator.comparingDouble(Segment::top));
            if (!b.isEmpty()) {
                b.append('\t');
            }
            column.forEach(s -> b.append(s.text()));
        }
        return b.toString();
    }
}
