package io.nianbao.samples;

import io.nianbao.core.model.ParsedReport;
import io.nianbao.samples.ReportDocument.Cell;
import io.nianbao.samples.ReportDocument.Line;
import io.nianbao.samples.ReportDocument.Table;
import org.jsoup.nodes.Entities;

import java.nio.charset.Charset;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A report as a government portal serves it: prose in paragraphs and the three tables drawn as
 * the printed template draws them, headers and row groups spanned with rowspan and colspan. The
 * {@link Style} says how a portal's CMS writes the page around and inside them.
 */
public final class PortalPage {

    /**
     * How a CMS writes a page.
     *
     * @param charset            the page's encoding, declared in its head
     * @param before             markup between {@code <body>} and the report (menus, breadcrumbs)
     * @param after              markup after the report (share buttons, footer, scripts)
     * @param paragraph          a line of text (escaped) as the CMS wraps it
     * @param cell               a cell's text (escaped, possibly empty) as the CMS wraps it inside its {@code <td>}
     * @param blank              the markup of a blank value cell, before {@code cell} wraps it
     * @param omitTrailingBlanks the CMS drops the blank cells that end a row
     */
    public record Style(Charset charset, String before, String after, UnaryOperator<String> paragraph,
                        UnaryOperator<String> cell, String blank, boolean omitTrailingBlanks) {

        public Style withCharset(Charset newCharset) {
            return new Style(newCharset, before, after, paragraph, cell, blank, omitTrailingBlanks);
        }

        public Style withChrome(String newBefore, String newAfter) {
            return new Style(charset, newBefore, newAfter, paragraph, cell, blank, omitTrailingBlanks);
        }

        public Style withMarkup(UnaryOperator<String> newParagraph, UnaryOperator<String> newCell) {
            return new Style(charset, before, after, newParagraph, newCell, blank, omitTrailingBlanks);
        }

        public Style withBlank(String newBlank) {
            return new Style(charset, before, after, paragraph, cell, newBlank, omitTrailingBlanks);
        }

        public Style omittingTrailingBlanks() {
            return new Style(charset, before, after, paragraph, cell, blank, true);
        }
    }

    /** A plain GBK page: paragraphs, bordered tables, blank cells empty. */
    public static final Style PLAIN = new Style(Charset.forName("GBK"), "", "",
            text -> "<p>" + text + "</p>", UnaryOperator.identity(), "", false);

    private PortalPage() {
    }

    public static byte[] gbk(ParsedReport report) {
        return write(ReportLayout.of(report), PLAIN);
    }

    public static byte[] write(ReportDocument document, Style style) {
        return html(document, style).getBytes(style.charset());
    }

    public static String html(ReportDocument document, Style style) {
        String title = document.blocks().stream().filter(b -> b instanceof Line l && l.role() == ReportDocument.Role.TITLE)
                .map(b -> ((Line) b).text()).findFirst().orElse("");
        StringBuilder html = new StringBuilder("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=")
                .append(style.charset().name().toLowerCase()).append("\"><title>").append(Entities.escape(title))
                .append("</title></head><body>\n").append(style.before());
        for (ReportDocument.Block block : document.blocks()) {
            switch (block) {
                case Line line -> html.append(style.paragraph().apply(Entities.escape(line.text()))).append('\n');
                case Table table -> table(table, style, html);
            }
        }
        return html.append(style.after()).append("</body></html>\n").toString();
    }

    private static void table(Table table, Style style, StringBuilder html) {
        html.append("<table border=\"1\" cellspacing=\"0\">\n");
        for (List<Cell> row : table.rows()) {
            int end = row.size();
            while (style.omitTrailingBlanks() && end > 0 && row.get(end - 1).isBlankValue()) {
                end--;
            }
            html.append("<tr>");
            for (Cell cell : row.subList(0, end)) {
                html.append("<td").append(cell.rowspan() > 1 ? " rowspan=\"" + cell.rowspan() + "\"" : "")
                        .append(cell.colspan() > 1 ? " colspan=\"" + cell.colspan() + "\"" : "").append('>')
                        .append(style.cell().apply(cell.isBlankValue() ? style.blank() : Entities.escape(cell.text())))
                        .append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</table>\n");
    }
}
