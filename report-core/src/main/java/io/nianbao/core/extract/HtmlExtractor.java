package io.nianbao.core.extract;

import io.nianbao.core.extract.ReadingLimits.LimitExceeded;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * HTML to lines: block elements end lines, and each table row becomes one line of tab-separated
 * cells. Row and column spans are expanded into a grid first, so every cell lands in its own row
 * and the cells a span covers are not repeated. An empty cell stays an empty cell (blank, not 0).
 * An image the page holds itself leaves a placeholder line, for OCR's lines to take its place
 * ({@link DocumentImages}).
 */
public final class HtmlExtractor {

    private static final Set<String> BLOCKS = Set.of("p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li",
            "ul", "ol", "section", "article", "header", "footer", "tr", "table", "title", "blockquote", "pre",
            "dd", "dt", "hr", "center", "form", "main", "nav", "aside");
    /** Spans beyond these are broken markup; honouring them would only cost memory. */
    private static final int MAX_ROWSPAN = 500;
    private static final int MAX_COLSPAN = 50;
    /** The source of an image the page holds itself, base64-encoded. */
    static final Pattern EMBEDDED_IMAGE = Pattern.compile("\\s*data:image/[^;,]*(;[^;,]*)*;base64,", Pattern.CASE_INSENSITIVE);

    private HtmlExtractor() {
    }

    /**
     * Fails when the page is larger than {@link ReadingLimits#MAX_HTML_BYTES} or has more elements
     * than {@link ReadingLimits#MAX_ELEMENTS}, counted on its bytes as the tags that open one ('<'
     * and a letter: a byte that no GBK or UTF-8 character contains), before the page takes the
     * memory of its tree.
     */
    public static void checkShape(byte[] html) {
        if (html.length > ReadingLimits.MAX_HTML_BYTES) {
            throw new LimitExceeded("网页超过" + ReadingLimits.MAX_HTML_BYTES / (1024 * 1024) + "MB",
                    "a page of " + html.length + " bytes");
        }
        int tags = 0;
        for (int i = 0; i + 1 < html.length; i++) {
            if (html[i] == '<' && ((html[i + 1] | 0x20) >= 'a' && (html[i + 1] | 0x20) <= 'z') && ++tags > ReadingLimits.MAX_ELEMENTS) {
                throw new LimitExceeded("网页元素超过" + ReadingLimits.MAX_ELEMENTS + "个",
                        "more than " + ReadingLimits.MAX_ELEMENTS + " elements");
            }
        }
    }

    /** The page as read: its tree, without what a browser does not show as text (scripts, styles). */
    static Document parse(String html) {
        Document doc = Jsoup.parse(html);
        doc.select("script, style, noscript, template").remove();
        return doc;
    }

    /**
     * The images the page holds itself ({@code <img src="data:image/...;base64,...">}), in
     * document order: those OCR can read without fetching anything.
     */
    static List<Element> embeddedImages(Document doc) {
        return doc.select("img").stream().filter(img -> EMBEDDED_IMAGE.matcher(img.attr("src")).lookingAt()).toList();
    }

    /**
     * The page's lines; where an embedded image stands ({@link #embeddedImages}), a line
     * {@link DocumentImages#placeholder} follows the line or the table row that holds it.
     */
    public static List<String> lines(String html, ReadingLimits limits) {
        Document doc = parse(html);
        Map<Element, Integer> images = new IdentityHashMap<>();
        embeddedImages(doc).forEach(img -> images.put(img, images.size()));
        List<String> lines = new ArrayList<>();
        List<String> placeholders = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        Element root = doc.body() != null ? doc.body() : doc;
        if (doc.title() != null && !doc.title().isBlank()) {
            lines.add(doc.title());
        }
        root.filter(new NodeFilter() {
            private int nodes;
            /** The width of the table just read, while no text has come after it: a table split in two goes on. */
            private int continuedWidth;

            @Override
            public FilterResult head(Node node, int depth) {
                if (++nodes % 1024 == 0) {
                    limits.checkTime();
                }
                if (node instanceof TextNode t) {
                    current.append(t.getWholeText().replace('\n', ' '));
                } else if (node instanceof Element e) {
                    if (images.containsKey(e)) {
                        placeholders.add(DocumentImages.placeholder(images.get(e)));
                    }
                    if (e.nameIs("table")) {
                        if (flush(current, lines, placeholders, limits)) {
                            continuedWidth = 0;
                        }
                        Table table = table(e, continuedWidth, images, limits);
                        lines.addAll(table.lines());
                        continuedWidth = table.width();
                        return FilterResult.SKIP_ENTIRELY;
                    }
                    if (BLOCKS.contains(e.normalName()) && flush(current, lines, placeholders, limits)) {
                        continuedWidth = 0;
                    }
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                if (node instanceof Element e && BLOCKS.contains(e.normalName()) && flush(current, lines, placeholders, limits)) {
                    continuedWidth = 0;
                }
                return FilterResult.CONTINUE;
            }
        });
        flush(current, lines, placeholders, limits);
        return lines;
    }

    /**
     * Ends the current line, and adds the placeholders of the images met since the last line
     * after it (an image inside a line of text leaves that line whole); returns whether it held text.
     */
    private static boolean flush(StringBuilder current, List<String> lines, List<String> placeholders, ReadingLimits limits) {
        String s = current.toString().strip();
        limits.chars(s.length());
        current.setLength(0);
        if (!s.isEmpty()) {
            lines.add(s);
        }
        lines.addAll(placeholders);
        placeholders.clear();
        return !s.isEmpty();
    }

    /** A table's lines and its width in grid columns. */
    record Table(List<String> lines, int width) {
    }

    /** One line per grid row: the cells that start in that row, in column order, tab-separated. */
    static List<String> tableLines(Element table, ReadingLimits limits) {
        return table(table, 0, Map.of(), limits).lines();
    }

    /**
     * @param atLeastWide the width of the table this one continues (0 when none): rows of a
     *                    table's second part show their trailing blank cells to that width
     * @param images      the page's embedded images by element: their placeholders follow the row
     *                    whose cells hold them
     */
    private static Table table(Element table, int atLeastWide, Map<Element, Integer> images, ReadingLimits limits) {
        Map<Long, Boolean> covered = new HashMap<>();
        List<Map<Integer, String>> grid = new ArrayList<>();
        Map<Integer, List<String>> placeholdersByRow = new HashMap<>();
        List<Element> rows = table.select("> tr, > thead > tr, > tbody > tr, > tfoot > tr");
        for (int r = 0; r < rows.size(); r++) {
            while (grid.size() <= r) {
                grid.add(new TreeMap<>());
            }
            int col = 0;
            for (Element cell : rows.get(r).children()) {
                if (!cell.nameIs("td") && !cell.nameIs("th")) {
                    continue;
                }
                while (covered.containsKey(key(r, col))) {
                    col++;
                }
                int rowspan = span(cell.attr("rowspan"), MAX_ROWSPAN);
                int colspan = span(cell.attr("colspan"), MAX_COLSPAN);
                limits.cells((long) rowspan * colspan);
                String text = cellText(cell);
                limits.chars(text.length());
                for (Element img : cell.select("img")) {
                    if (images.containsKey(img)) {
                        placeholdersByRow.computeIfAbsent(r, row -> new ArrayList<>()).add(DocumentImages.placeholder(images.get(img)));
                    }
                }
                grid.get(r).put(col, text);
                for (int dr = 0; dr < rowspan; dr++) {
                    for (int dc = 0; dc < colspan; dc++) {
                        covered.put(key(r + dr, col + dc), Boolean.TRUE);
                    }
                }
                col += colspan;
            }
        }
        // A row with fewer cells than the table is as wide shows blank cells at its end (a CMS
        // that drops a row's trailing empty <td>s): they are empty cells, as the page shows them.
        int width = Math.min(atLeastWide, MAX_COLSPAN);
        for (long slot : covered.keySet()) {
            width = Math.max(width, (int) slot + 1);
        }
        List<String> out = new ArrayList<>(grid.size());
        for (int r = 0; r < grid.size(); r++) {
            Map<Integer, String> row = grid.get(r);
            if (!row.isEmpty()) {
                for (int col = width - 1; col >= 0 && !covered.containsKey(key(r, col)); col--) {
                    limits.cells(1);
                    row.put(col, "");
                }
                out.add(String.join("\t", row.values()));
                out.addAll(placeholdersByRow.getOrDefault(r, List.of()));
            }
        }
        return new Table(out, width);
    }

    /** A cell's text on one line; tabs inside would split it. */
    private static String cellText(Element cell) {
        return cell.text().replace('\t', ' ').strip();
    }

    private static long key(int row, int col) {
        return ((long) row << 32) | col;
    }

    private static int span(String attr, int max) {
        try {
            int v = Integer.parseInt(attr.strip());
            return Math.max(1, Math.min(v, max));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
