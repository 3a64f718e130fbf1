package io.nianbao.watch.portal;

import io.nianbao.watch.CorpusWild;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReportLinksTest {

    private static final String LISTING_URL = "https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/index.htm";
    private static final String TRS = "dd a[href], li a[href], td a[href]";

    /** The real listing of 平潭's column: its ten reports, their years and the dates beside them (not the URL's), none of its menus. */
    @Test
    void theRealPingtanListingGivesItsTenReports() {
        ReportLinks.Found found = ReportLinks.find(CorpusWild.text(CorpusWild.LISTING), LISTING_URL, TRS, "pingtan", List.of());

        assertThat(found.matched()).isGreaterThan(10);
        assertThat(found.links()).hasSize(10);
        assertThat(found.links().getFirst()).isEqualTo(new ReportLink(
                "https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/202603/t20260313_105587.htm",
                "平潭综合实验区2025年度政府信息公开工作年度报告", 2025, "pingtan", LocalDate.of(2026, 3, 10)));
        assertThat(found.links()).extracting(ReportLink::year).containsExactly(2025, 2024, 2023, 2022, 2021, 2020, 2019, 2018, 2017, 2016);
        assertThat(found.links().get(2).publishedOn()).isEqualTo(LocalDate.of(2024, 3, 8));
    }

    @Test
    void aSelectorThatMatchesNothingSaysSo() {
        ReportLinks.Found found = ReportLinks.find(CorpusWild.text(CorpusWild.LISTING), LISTING_URL, "div.gone a", "pingtan", List.of());
        assertThat(found.matched()).isZero();
        assertThat(found.links()).isEmpty();
    }

    /** A department column: each report belongs to the agency its title names; others' reports are left out. */
    @Test
    void aDepartmentColumnNamesTheAgencyByTitle() {
        String html = """
                <ul>
                  <li><a href="/a/1.html">沭阳县发展和改革局2023年度政府信息公开工作年度报告</a><span>2024-01-20</span></li>
                  <li><a href="/a/2.html">沭阳县发展和改革委员会办公室2023年度政府信息公开工作年度报告</a><span>2024-01-21</span></li>
                  <li><a href="/a/3.html">沭阳县教育局2023年度政府信息公开工作年度报告</a></li>
                  <li><a href="/a/4.html">沭阳县财政局2023年度预算公开</a></li>
                </ul>""";
        List<ReportLinks.Agency> agencies = List.of(new ReportLinks.Agency("shuyang-fgj", "沭阳县发展和改革局"),
                new ReportLinks.Agency("shuyang-fgw-office", "沭阳县发展和改革委员会办公室"));

        ReportLinks.Found found = ReportLinks.find(html, "https://www.shuyang.gov.cn/col/index.html", "li a[href]", null, agencies);

        assertThat(found.links()).extracting(ReportLink::url, ReportLink::agencyId, ReportLink::publishedOn).containsExactly(
                org.assertj.core.groups.Tuple.tuple("https://www.shuyang.gov.cn/a/1.html", "shuyang-fgj", LocalDate.of(2024, 1, 20)),
                org.assertj.core.groups.Tuple.tuple("https://www.shuyang.gov.cn/a/2.html", "shuyang-fgw-office", LocalDate.of(2024, 1, 21)));
    }

    /** Hanweb writes a listing's rows as CDATA records inside a script; they are read as the page's rows. */
    @Test
    void hanwebRecordsInsideAScriptAreRead() {
        String html = """
                <div id="4401224"><script type="text/xml"><datastore><nextgroup><![CDATA[<a href="/x"></a>]]></nextgroup>
                <recordset>
                <record><![CDATA[<li><a href="/art/2024/1/28/art_1_1.html" title="某某区2023年政府信息公开工作年度报告">某某区2023年…</a><span>2024-01-28</span></li>]]></record>
                <record><![CDATA[<li><a href="/art/2023/1/20/art_1_2.html" title="某某区2022年政府信息公开工作年度报告">某某区2022年…</a><span>2023-01-20</span></li>]]></record>
                </recordset></datastore></script></div>""";

        ReportLinks.Found found = ReportLinks.find(html, "https://www.example.gov.cn/col/col1/index.html", "li a[href]", "mouqu", List.of());

        assertThat(found.links()).extracting(ReportLink::year, ReportLink::publishedOn)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2023, LocalDate.of(2024, 1, 28)),
                        org.assertj.core.groups.Tuple.tuple(2022, LocalDate.of(2023, 1, 20)));
    }
}
