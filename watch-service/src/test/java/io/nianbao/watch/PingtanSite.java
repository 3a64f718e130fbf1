package io.nianbao.watch;

import java.nio.charset.StandardCharsets;

/**
 * 平潭's 政府信息公开年报 column as the real portal serves it, under a path of a {@link TestPortal}:
 * the real listing and the three real report pages it links (the seven others answer 404), and a
 * second listing page, rendered, with one more report whose date only its own metadata gives.
 */
final class PingtanSite {

    static final String PAGE_2023 = "/202403/t20240308_87885.htm";
    static final String PAGE_2022 = "/202302/t20230220_80629.htm";
    static final String PAGE_2019 = "/202001/t20200120_80576.htm";
    static final String PAGE_2015 = "/201601/t20160120_1.htm";

    private PingtanSite() {
    }

    /** Serves the column under {@code prefix} (its listing: prefix + "/index.htm"). */
    static void serve(TestPortal portal, String prefix) {
        portal.page(prefix + "/index.htm", CorpusWild.read(CorpusWild.LISTING));
        portal.page(prefix + PAGE_2023, CorpusWild.read(CorpusWild.PAGE_2023));
        portal.page(prefix + PAGE_2022, CorpusWild.read("2022-pingtan-shiyanqu-page.html"));
        portal.page(prefix + PAGE_2019, CorpusWild.read("2019-pingtan-shiyanqu-page.html"));
    }

    /** A second listing page (index_1.htm) with an older report; index_2.htm answers 404. */
    static void serveSecondPage(TestPortal portal, String prefix) {
        portal.page(prefix + "/index_1.htm", """
                <html><body><div class="list"><dl><dd><a href=".%s" title="平潭综合实验区2015年度政府信息公开工作年度报告">平潭综合实验区2015年度…</a></dd></dl></div></body></html>"""
                .formatted(PAGE_2015));
        portal.page(prefix + PAGE_2015, """
                <html><head><meta name="PubDate" content="2016-01-20 09:30"/><title>平潭综合实验区2015年度政府信息公开工作年度报告</title></head>
                <body><div class="TRS_Editor"><p>一、总体情况</p><p>2015年，平潭综合实验区主动公开政府信息1200条。</p>
                <p>六、其他需要报告的事项</p><p>无。</p></div></body></html>""".getBytes(StandardCharsets.UTF_8));
    }
}
