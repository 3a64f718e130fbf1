package io.nianbao.watch.portal;

/** What portals do to the real 平潭 2023 page: change its chrome only, or silently edit a table cell of the report. */
public final class PageEdits {

    private PageEdits() {
    }

    /** New menu and footer wording, a visit counter above the article, other scripts. */
    public static String chromeChanged(String page) {
        return replaced(replaced(replaced(page, "平潭行政服务中心", "平潭政务服务中心"),
                        "<div class=TRS_Editor>", "<div class=\"info\">浏览次数：4321</div><div class=TRS_Editor>"),
                "/images/model.min.js", "/images/model.v3.min.js")
                .replace("</body>", "<script>var visits = 4321; track(visits);</script></body>");
    }

    /** 行政许可 in section 二's table: 2629 decisions become 2630. */
    public static String tableCellChanged(String page) {
        return replaced(page, "<p style=\"text-indent: 0em;\">2629</p>", "<p style=\"text-indent: 0em;\">2630</p>");
    }

    private static String replaced(String page, String from, String to) {
        if (!page.contains(from)) {
            throw new IllegalStateException("the page no longer holds " + from);
        }
        return page.replace(from, to);
    }
}
