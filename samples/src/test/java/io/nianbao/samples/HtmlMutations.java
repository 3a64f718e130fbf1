package io.nianbao.samples;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Lossless changes of a portal page's markup, as CMSs make them. (Lossy ones are not made here:
 * an HTML table's cells are the page's own, so a page with a cell deleted is another page, not
 * a page read with a loss.)
 */
final class HtmlMutations {

    static final List<Mutation<Document>> ALL = List.of(
            new Mutation<>("blank cells written as &nbsp;, a placeholder, or nothing", true, HtmlMutations::blankMarkers),
            new Mutation<>("a table split in two <table>s", true, HtmlMutations::splitTable),
            new Mutation<>("menus before the report, share buttons and a footer after it", true, HtmlMutations::chrome));

    private HtmlMutations() {
    }

    private static Document blankMarkers(Document page, Random random) {
        List<String> markers = List.of("&nbsp;", "", "/", "—", "<o:p>&nbsp;</o:p>");
        String marker = markers.get(random.nextInt(markers.size()));
        for (Element cell : page.select("td, th")) {
            String text = cell.text().replace('\u00a0', ' ').strip();
            if (text.isEmpty() || DocumentMutations.BLANK_MARKERS.contains(text)) {
                cell.html(marker);
            }
        }
        return page;
    }

    /** Cut before a row no rowspan from above reaches; the rows after it move to a new table. */
    private static Document splitTable(Document page, Random random) {
        List<Element> tables = page.select("table").stream().filter(t -> t.select("table table").isEmpty()).toList();
        List<Element> candidates = new ArrayList<>();
        List<Integer> cuts = new ArrayList<>();
        for (Element table : tables) {
            List<Element> rows = table.select("> tr, > tbody > tr");
            int reach = 0;
            for (int r = 0; r < rows.size(); r++) {
                if (r > 0 && reach <= r) {
                    candidates.add(table);
                    cuts.add(r);
                }
                for (Element cell : rows.get(r).children()) {
                    reach = Math.max(reach, r + span(cell.attr("rowspan")));
                }
            }
        }
        if (candidates.isEmpty()) {
            return page;
        }
        int pick = random.nextInt(candidates.size());
        Element table = candidates.get(pick);
        List<Element> rows = table.select("> tr, > tbody > tr");
        Element second = table.shallowClone();
        Element body = second.appendElement("tbody");
        for (Element row : rows.subList(cuts.get(pick), rows.size())) {
            body.appendChild(row);
        }
        table.after(second);
        return page;
    }

    private static Document chrome(Document page, Random random) {
        page.body().prepend("<div class=\"nav\"><a href=\"/\">首页</a> | <a href=\"/zwgk/\">政务公开</a></div>"
                + "<div class=\"crumb\">当前位置：首页 &gt; 政务公开 &gt; 政府信息公开年报</div>");
        page.body().append("<div class=\"share\">分享到：微信 微博</div><div class=\"footer\">主办单位：青山县人民政府办公室"
                + " 网站标识码：3201000001</div><script>var views = 1234;</script>");
        return page;
    }

    private static int span(String attr) {
        try {
            return Math.max(1, Integer.parseInt(attr.strip()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
