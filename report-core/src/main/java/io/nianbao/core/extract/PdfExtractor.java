package io.nianbao.core.extract;

import io.nianbao.core.UnreadableDocumentException;
import io.nianbao.core.UnreadableDocumentException.Reason;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * PDF to lines, rebuilt from text positions rather than from the content stream's order: words
 * are grouped into visual lines by their vertical extent, and a gap wider than a character
 * between two words on a line becomes a tab (a table column boundary). Page headers and footers
 * that are only a page number are dropped, so a table split across pages reads as one.
 */
public final class PdfExtractor {

    /** Pages beyond this are not read: annual reports run to a dozen pages. */
    private static final int MAX_PAGES = 60;
    private static final Pattern PAGE_NUMBER = Pattern.compile("^[-—–\\s]*(?:第\\s*)?\\d{1,3}\\s*(?:页)?(?:\\s*[/共]\\s*\\d{1,3}\\s*页?)?[-—–\\s]*$");
    /** Share of the page height at top and bottom where page numbers live. */
    private static final float MARGIN = 0.1f;

    private record Word(String text, float x0, float x1, float top, float bottom, float charWidth) {
    }

    private PdfExtractor() {
    }

    public static List<String> lines(byte[] bytes, long deadlineNanos) throws UnreadableDocumentException {
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            int pages = Math.min(doc.getNumberOfPages(), MAX_PAGES);
            if (pages == 0) {
                throw new UnreadableDocumentException(Reason.EMPTY, "PDF文件没有页面。", "pdf without pages");
            }
            List<String> out = new ArrayList<>();
            boolean anyText = false;
            for (int p = 1; p <= pages; p++) {
                if (System.nanoTime() > deadlineNanos) {
                    throw new UnreadableDocumentException(Reason.TOO_LARGE, "文件过大或过于复杂，无法在限定时间内读取。", "pdf deadline at page " + p);
                }
                WordCollector collector = new WordCollector();
                collector.setStartPage(p);
                collector.setEndPage(p);
                collector.getText(doc);
                float height = doc.getPage(p - 1).getMediaBox().getHeight();
                List<String> pageLines = pageLines(collector.words, height);
                anyText |= pageLines.stream().anyMatch(l -> l.codePoints().anyMatch(Character::isLetterOrDigit));
                out.addAll(pageLines);
            }
            if (!anyText) {
                throw new UnreadableDocumentException(Reason.NEEDS_OCR,
                        "需要OCR：该PDF只有图像、没有可提取的文字（可能为扫描件），请提供文字版或经OCR识别后再提交。", "pdf without text");
            }
            return out;
        } catch (InvalidPasswordException e) {
            throw new UnreadableDocumentException(Reason.UNSUPPORTED_TYPE, "PDF文件已加密，无法读取。", e.getMessage());
        } catch (IOException e) {
            throw new UnreadableDocumentException(Reason.CORRUPT, "PDF文件已损坏，无法读取。", String.valueOf(e.getMessage()));
        }
    }

    /** Collects words with their boxes instead of writing text. */
    private static final class WordCollector extends PDFTextStripper {
        final List<Word> words = new ArrayList<>();

        WordCollector() {
            super();
            setSortByPosition(false);
        }

        @Override
        protected void writeString(String text, List<TextPosition> positions) {
            if (positions.isEmpty() || text.isBlank()) {
                return;
            }
            float x0 = Float.MAX_VALUE;
            float x1 = -Float.MAX_VALUE;
            float top = Float.MAX_VALUE;
            float bottom = -Float.MAX_VALUE;
            for (TextPosition t : positions) {
                x0 = Math.min(x0, t.getXDirAdj());
                x1 = Math.max(x1, t.getXDirAdj() + t.getWidthDirAdj());
                float h = Math.max(t.getHeightDir(), 1f);
                top = Math.min(top, t.getYDirAdj() - h);
                bottom = Math.max(bottom, t.getYDirAdj());
            }
            float charWidth = Math.max((x1 - x0) / Math.max(1, text.strip().length()), 1f);
            words.add(new Word(text.strip(), x0, x1, top, bottom, charWidth));
        }

        @Override
        protected void writeLineSeparator() {
        }

        @Override
        protected void writeWordSeparator() {
        }
    }

    /** Words grouped into visual lines (top to bottom), each line's words joined left to right. */
    static List<String> pageLines(List<Word> words, float pageHeight) {
        List<Word> sorted = new ArrayList<>(words);
        sorted.sort(Comparator.comparingDouble(w -> (w.top() + w.bottom()) / 2));
        List<List<Word>> lines = new ArrayList<>();
        List<Word> line = new ArrayList<>();
        float lineTop = 0;
        float lineBottom = 0;
        for (Word w : sorted) {
            float mid = (w.top() + w.bottom()) / 2;
            if (!line.isEmpty() && mid > lineTop && mid < lineBottom) {
                line.add(w);
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line);
            }
            line = new ArrayList<>();
            line.add(w);
            lineTop = w.top();
            lineBottom = w.bottom();
        }
        if (!line.isEmpty()) {
            lines.add(line);
        }
        List<String> out = new ArrayList<>(lines.size());
        for (List<Word> l : lines) {
            String text = join(l);
            float top = l.getFirst().top();
            boolean inMargin = top < pageHeight * MARGIN || top > pageHeight * (1 - MARGIN);
            if (inMargin && PAGE_NUMBER.matcher(text.replace('\t', ' ')).matches()) {
                continue;
            }
            out.add(text);
        }
        return out;
    }

    /** Words left to right; a gap wider than about a character separates cells. */
    private static String join(List<Word> line) {
        line.sort(Comparator.comparingDouble(Word::x0));
        StringBuilder b = new StringBuilder();
        Word prev = null;
        for (Word w : line) {
            if (prev != null) {
                float gap = w.x0() - prev.x1();
                float unit = Math.min(prev.charWidth(), w.charWidth());
                b.append(gap > unit * 1.2f ? '\t' : "");
            }
            b.append(w.text());
            prev = w;
        }
        return b.toString();
    }
}
