package io.nianbao.samples;

import com.ibm.icu.text.Transliterator;
import io.nianbao.samples.ReportDocument.Line;
import io.nianbao.samples.ReportDocument.Role;
import io.nianbao.samples.ReportDocument.Table;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static io.nianbao.samples.ReportRenderer.TEMPLATE_BLANK;

/**
 * The layouts reports reach us in: each named as an inspector would recognise it, each written
 * from a {@link ReportDocument}. Text as capture tools and converters leave it, portal pages as
 * the CMSs of Chinese government sites serve them, Word documents, and PDFs as office suites and
 * browsers print them.
 */
final class Layouts {

    private static final Charset GBK = Charset.forName("GBK");
    private static final Pattern FIGURE = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern WHOLE = Pattern.compile("-?\\d+");

    static final List<Layout> ALL = List.of(
            text("plain text, cells separated by tabs", StandardCharsets.UTF_8, d -> lines(d, "\t")),
            text("GBK text, cells separated by runs of spaces", GBK, d -> lines(d, "    ")),
            text("text with one cell per line", StandardCharsets.UTF_8, d -> lines(d, "\n")),
            text("a PDF converter's text, cells between pipes", StandardCharsets.UTF_8, d -> pipes(d, false)),
            text("a converter's markdown: marked headings, pipe tables with a header rule", StandardCharsets.UTF_8,
                    d -> pipes(d, true)),
            text("a web archive's one-line capture: the page's text on one line, headings inline, cells apart by runs of spaces",
                    StandardCharsets.UTF_8, d -> String.join("  ", ReportRenderer.lines(d, "  ", TEMPLATE_BLANK).stream()
                            .filter(l -> !l.isEmpty()).toList())),
            text("full-width digits", StandardCharsets.UTF_8, d -> lines(DocumentChanges.mapFigures(d, Layouts::fullWidth), "\t")),
            text("figures with their unit", StandardCharsets.UTF_8,
                    d -> lines(DocumentChanges.mapFigures(d, f -> WHOLE.matcher(f).matches() ? f + "件" : f), "\t")),
            text("figures with thousands separators", StandardCharsets.UTF_8,
                    d -> lines(DocumentChanges.mapFigures(d, Layouts::thousands), "\t")),
            text("traditional script with pinyin glosses", StandardCharsets.UTF_8,
                    d -> lines(DocumentChanges.mapWords(d, Layouts::traditionalWithGlosses), "\t")),
            new Layout("UTF-8 text with a byte-order mark and Windows line ends", Layout.Needs.NOTHING,
                    d -> ("\uFEFF" + lines(d, "\t").replace("\n", "\r\n")).getBytes(StandardCharsets.UTF_8)),
            html("a GBK TRS portal page with menus, breadcrumbs, an index table, share buttons and scripts",
                    d -> PortalPage.PLAIN.withChrome(Chrome.trsBefore(d), Chrome.TRS_AFTER)),
            html("a Hanweb portal page in UTF-8, the report in div#zoom, paragraphs and cells styled",
                    d -> PortalPage.PLAIN.withCharset(StandardCharsets.UTF_8).withChrome(Chrome.HANWEB_BEFORE, Chrome.HANWEB_AFTER)
                            .withMarkup(t -> "<p style=\"text-indent:2em;\">" + t + "</p>",
                                    t -> "<p style=\"text-align:center;\"><span style=\"font-family:宋体;font-size:14px;\">" + t + "</span></p>")),
            html("Word-exported HTML: mso styles, <o:p> in blank cells, figures split across spans",
                    d -> PortalPage.PLAIN.withChrome("<div class=WordSection1 style='layout-grid:15.6pt'>\n", "</div>\n")
                            .withBlank("<o:p>&nbsp;</o:p>")
                            .withMarkup(t -> "<p class=MsoNormal style='text-indent:32.0pt;mso-char-indent-count:2.0'>"
                                            + "<span style='font-size:16.0pt;font-family:仿宋_GB2312'>" + t + "</span></p>",
                                    t -> "<p class=MsoNormal align=center style='text-align:center'><span lang=EN-US style='font-size:10.5pt'>"
                                            + splitFigure(t, "</span><span lang=EN-US style='font-size:10.5pt'>") + "<o:p></o:p></span></p>")),
            html("WPS-exported HTML",
                    d -> PortalPage.PLAIN.withChrome("<div class=\"Section0\" style=\"layout-grid:15.6000pt;\">\n", "</div>\n")
                            .withMarkup(t -> "<p class=\"p0\" style=\"margin-bottom:0pt; margin-top:0pt; text-indent:32pt;\">"
                                            + "<span style=\"mso-spacerun:'yes'; font-family:仿宋_GB2312; font-size:16pt;\">" + t + "</span></p>",
                                    t -> "<p class=\"p0\" style=\"margin-bottom:0pt; margin-top:0pt; text-align:center;\">"
                                            + "<span style=\"mso-spacerun:'yes'; font-family:宋体; font-size:10.5pt;\">" + t
                                            + "</span><span style=\"mso-spacerun:'yes'; font-family:宋体; font-size:10.5pt;\"><o:p></o:p></span></p>")),
            html("&nbsp; in every blank cell", d -> PortalPage.PLAIN.withBlank("&nbsp;")),
            html("trailing blank cells omitted by the CMS", d -> PortalPage.PLAIN.omittingTrailingBlanks()),
            new Layout("each table split into three <table>s", Layout.Needs.NOTHING,
                    d -> PortalPage.write(DocumentChanges.splitTables(d, 3), PortalPage.PLAIN)),
            html("long labels broken with <br>", d -> PortalPage.PLAIN.withMarkup(PortalPage.PLAIN.paragraph(), Layouts::breakLongLabel)),
            new Layout("DOCX with Word tables, spanned cells merged", Layout.Needs.NOTHING, WordDocuments::docx),
            new Layout("DOC (Word 97), columns set with tabs", Layout.Needs.NOTHING, WordDocuments::docWithTabs),
            new Layout("a PDF drawn cell by cell in a Chinese font, as WPS and Word export it", Layout.Needs.CHINESE_FONT, true,
                    d -> PdfDocuments.drawn(d, false)),
            new Layout("a PDF with section 三's table across two pages", Layout.Needs.CHINESE_FONT, true,
                    d -> PdfDocuments.drawn(d, true)),
            new Layout("a browser-printed PDF of the portal page", Layout.Needs.CHROMIUM, true,
                    d -> Chromium.print(PortalPage.write(d, PortalPage.PLAIN))));

    private Layouts() {
    }

    /** The layouts this machine can write. */
    static List<Layout> available() {
        return ALL.stream().filter(Layout::available).toList();
    }

    static Layout named(String name) {
        return ALL.stream().filter(l -> l.name().equals(name)).findFirst().orElseThrow();
    }

    private static Layout text(String name, Charset charset, Function<ReportDocument, String> text) {
        return new Layout(name, Layout.Needs.NOTHING, d -> text.apply(d).getBytes(charset));
    }

    private static Layout html(String name, Function<ReportDocument, PortalPage.Style> style) {
        return new Layout(name, Layout.Needs.NOTHING, d -> PortalPage.write(d, style.apply(d)));
    }

    private static String lines(ReportDocument document, String separator) {
        return String.join("\n", ReportRenderer.lines(document, separator, TEMPLATE_BLANK)) + "\n";
    }

    /** Tables as pipe rows, blank cells empty; markdown marks headings and rules off each table's first row. */
    private static String pipes(ReportDocument document, boolean markdown) {
        List<String> out = new ArrayList<>();
        for (ReportDocument.Block block : document.blocks()) {
            switch (block) {
                case Line line -> out.add(markdown && line.role() == Role.HEADING ? "## " + line.text()
                        : markdown && line.role() == Role.TITLE ? "# " + line.text() : line.text());
                case Table table -> {
                    out.add("");
                    for (int r = 0; r < table.rows().size(); r++) {
                        List<ReportDocument.Cell> row = table.rows().get(r);
                        out.add(row.stream().map(ReportDocument.Cell::text).collect(Collectors.joining(" | ", "| ", " |")));
                        if (markdown && r == 0) {
                            out.add("|" + " --- |".repeat(row.size()));
                        }
                    }
                    out.add("");
                }
            }
        }
        return String.join("\n", out) + "\n";
    }

    private static String fullWidth(String figure) {
        StringBuilder b = new StringBuilder();
        figure.chars().forEach(c -> b.append(c >= '0' && c <= '9' ? (char) ('０' + c - '0') : c == '.' ? '．' : c == '-' ? '－' : (char) c));
        return b.toString();
    }

    private static String thousands(String figure) {
        if (!FIGURE.matcher(figure).matches()) {
            return figure;
        }
        int point = figure.indexOf('.');
        String whole = point < 0 ? figure : figure.substring(0, point);
        String grouped = String.format("%,d", Long.parseLong(whole));
        return point < 0 ? grouped : grouped + figure.substring(point);
    }

    private static final Transliterator TO_TRADITIONAL = Transliterator.getInstance("Simplified-Traditional");
    private static final Transliterator TO_PINYIN = Transliterator.getInstance("Han-Latin");

    /** "镇" → "鎮(zhèn)": each character that traditional script writes otherwise, with its reading. */
    private static String traditionalWithGlosses(String text) {
        StringBuilder b = new StringBuilder();
        text.codePoints().forEach(cp -> {
            String c = new String(Character.toChars(cp));
            String traditional = TO_TRADITIONAL.transliterate(c);
            b.append(traditional);
            if (!traditional.equals(c)) {
                b.append('(').append(TO_PINYIN.transliterate(c).strip()).append(')');
            }
        });
        return b.toString();
    }

    /** A figure of two digits or more in two spans, as Word splits runs; other text as it is. */
    private static String splitFigure(String text, String spanBreak) {
        return text.length() >= 2 && text.chars().allMatch(Character::isDigit)
                ? text.substring(0, text.length() / 2) + spanBreak + text.substring(text.length() / 2) : text;
    }

    /** A label longer than eight characters broken in two lines. */
    private static String breakLongLabel(String text) {
        return text.length() > 8 && text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)
                ? text.substring(0, text.length() / 2) + "<br>" + text.substring(text.length() / 2) : text;
    }

    /** Portal chrome around the report. */
    static final class Chrome {

        static final String TRS_AFTER = """
                </div></div>
                <div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a> <a href="#">QQ空间</a></div>
                <div class="print">【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】</div>
                <div class="footer"><p>主办单位：青山县人民政府办公室　网站标识码：3201000001　<a href="https://beian.miit.gov.cn">苏ICP备05012345号</a></p></div>
                <script type="text/javascript">var _trsCount = 1234; document.getElementById("count").innerHTML = _trsCount;</script>
                """;

        static final String HANWEB_BEFORE = """
                <div id="top"><a href="/">网站首页</a> | <a href="/col/col1/index.html">政务公开</a> | <a href="/col/col2/index.html">政务服务</a></div>
                <div class="position">您当前的位置：<a href="/">首页</a> &gt; <a href="/col/col3/index.html">年度报告</a></div>
                <div class="main"><div id="zoom" style="font-size:16px; line-height:2em;">
                """;

        static final String HANWEB_AFTER = """
                </div></div>
                <div id="share"><span>【字体：<a href="javascript:doZoom(18)">大</a> <a href="javascript:doZoom(16)">中</a> <a href="javascript:doZoom(14)">小</a>】</span></div>
                <script src="/script/hanweb.js"></script>
                """;

        private Chrome() {
        }

        /** The TRS page's head: navigation, breadcrumbs and the index table of the 信息公开目录, dated as the report. */
        static String trsBefore(ReportDocument document) {
            String date = document.blocks().stream().filter(b -> b instanceof Line l && l.role() == Role.DATE)
                    .map(b -> ((Line) b).text().replaceAll("[^0-9-]", "")).findFirst().orElse("2024-01-25");
            return """
                    <div class="header"><ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li>\
                    <li><a href="/hdjl/">互动交流</a></li><li><a href="/zwfw/">政务服务</a></li></ul></div>
                    <div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/ndbg/">政府信息公开年报</a></div>
                    <table class="xxgk-info"><tr><td>索引号：</td><td>11320000014000000X/%s-00012</td><td>发布机构：</td><td>青山县人民政府办公室</td></tr>\
                    <tr><td>生成日期：</td><td>%s</td><td>公开方式：</td><td>主动公开</td></tr></table>
                    <div class="info">浏览次数：<span id="count">1234</span></div>
                    <div class="TRS_Editor"><div class="Custom_UnionStyle">
                    """.formatted(date.length() >= 4 ? date.substring(0, 4) : "2024", date);
        }
    }
}
