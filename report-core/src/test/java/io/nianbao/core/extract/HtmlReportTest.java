package io.nianbao.core.extract;

import io.nianbao.core.ReportReader;
import io.nianbao.core.model.ParsedReport;
import io.nianbao.core.model.ReportMetadata;
import io.nianbao.core.model.SectionKind;
import io.nianbao.core.model.Template;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** A portal page as many are served: GBK, tables with rowspan and colspan, blank cells. */
class HtmlReportTest {

    private static final Charset GBK = Charset.forName("GBK");

    private static String page(String metaCharset) {
        return """
                <html><head>%s<title>某某网</title></head><body>
                <div class="title">白沙镇人民政府2022年政府信息公开工作年度报告</div>
                <div>发布时间：2023-02-15</div>
                <p>一、总体情况</p><p>2022年，白沙镇认真落实政务公开各项要求。</p>
                <p>二、主动公开政府信息情况</p>
                <table border="1">
                <tr><td colspan="4">第二十条第（一）项</td></tr>
                <tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>
                <tr><td>规章</td><td>0</td><td>0</td><td>0</td></tr>
                <tr><td>行政规范性文件</td><td>2</td><td>1</td><td>9</td></tr>
                <tr><td colspan="4">第二十条第（八）项</td></tr>
                <tr><td>信息内容</td><td colspan="3">本年收费金额（单位：万元）</td></tr>
                <tr><td>行政事业性收费</td><td colspan="3">251000元</td></tr>
                </table>
                <p>三、收到和处理政府信息公开申请情况</p>
                <table>
                <tr><td colspan="3" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan="7">申请人情况</td></tr>
                <tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>
                <tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>
                <tr><td colspan="3">一、本年新收政府信息公开申请数量</td><td>5</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>6</td></tr>
                <tr><td colspan="3">二、上年结转政府信息公开申请数量</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr>
                <tr><td rowspan="4">三、本年度办理结果</td><td colspan="2">（一）予以公开</td><td>3</td><td>1</td><td></td><td>0</td><td>0</td><td>0</td><td>4</td></tr>
                <tr><td rowspan="2">（三）不予公开</td><td>1.属于国家秘密</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr>
                <tr><td>2.其他法律行政法规禁止公开</td><td>/</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr>
                <tr><td colspan="2">（七）总计</td><td>5</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>6</td></tr>
                <tr><td colspan="3">四、结转下年度继续办理</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr>
                </table>
                <p>四、政府信息公开行政复议、行政诉讼情况</p>
                <table>
                <tr><td colspan="5" rowspan="2">行政复议</td><td colspan="10">行政诉讼</td></tr>
                <tr><td colspan="5">未经复议直接起诉</td><td colspan="5">复议后起诉</td></tr>
                <tr><td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td>
                    <td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td>
                    <td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td></tr>
                <tr><td>1</td><td>0</td><td>0</td><td>0</td><td>1</td><td>0</td><td></td><td>0</td><td>0</td><td>0</td>
                    <td>0</td><td>0</td><td>0</td><td>2</td><td>2</td></tr>
                </table>
                <p>五、存在的主要问题及改进情况</p><p>公开内容还不够全面，下一步将加强培训。</p>
                <p>六、其他需要报告的事项</p><p>本年度未收取信息处理费。</p>
                </body></html>
                """.formatted(metaCharset);
    }

    @Test
    void gbkPageWithSpansReadsEveryCellAndKeepsBlanksBlank() throws Exception {
        ParsedReport r = new ReportReader().read(page("<meta charset=\"gbk\">").getBytes(GBK), ReportMetadata.UNKNOWN);
        assertReadRight(r);
    }

    @Test
    void undeclaredGbkIsRecognisedFromTheBytes() throws Exception {
        ParsedReport r = new ReportReader().read(page("").getBytes(GBK), ReportMetadata.UNKNOWN);
        assertReadRight(r);
    }

    private static void assertReadRight(ParsedReport r) {
        assertThat(r.meta()).isEqualTo(new ReportMetadata("白沙镇人民政府", io.nianbao.core.model.AgencyLevel.TOWNSHIP,
                2022, LocalDate.of(2023, 2, 15)));
        assertThat(r.template()).isEqualTo(Template.GB2021);
        assertThat(r.sections()).extracting(s -> s.kind()).containsExactly(SectionKind.values());
        assertThat(r.proactive().rows().get("normativeDocuments").values()).extracting(v -> v.intValueExact())
                .containsExactly(2, 1, 9);
        assertThat(r.proactive().rows().get("fees").get("amountTenThousandYuan")).isEqualByComparingTo("251000");
        assertThat(r.parseFindings()).anySatisfy(f -> {
            assertThat(f.rule()).isEqualTo("CELL-UNIT");
            assertThat(f.location()).isEqualTo("二.fees.amountTenThousandYuan");
        });
        var rows = r.applications().rows();
        assertThat(rows.keySet()).containsExactly("newReceived", "carriedOver", "granted", "denied.stateSecret",
                "denied.prohibitedByLaw", "totalHandled", "carriedForward");
        assertThat(rows.get("newReceived")).containsExactly(5L, 1L, 0L, 0L, 0L, 0L, 6L);
        assertThat(rows.get("granted")).containsExactly(3L, 1L, null, 0L, 0L, 0L, 4L);
        assertThat(rows.get("denied.prohibitedByLaw")).containsExactly(null, 0L, 0L, 0L, 0L, 0L, 0L);
        assertThat(r.reviewLitigation().groups().get("review")).containsExactly(1L, 0L, 0L, 0L, 1L);
        assertThat(r.reviewLitigation().groups().get("litigationDirect")).containsExactly(0L, null, 0L, 0L, 0L);
        assertThat(r.reviewLitigation().groups().get("litigationAfterReview")).containsExactly(0L, 0L, 0L, 2L, 2L);
        assertThat(r.parseFindings()).noneMatch(f -> f.rule().equals("TBL-SHAPE"));
    }

    @Test
    void gridExpansionPlacesCellsUnderRowspans() {
        var table = org.jsoup.Jsoup.parse("""
                <table><tr><td rowspan="2">A</td><td>1</td><td></td></tr><tr><td>2</td><td>3</td></tr></table>
                """).selectFirst("table");
        assertThat(HtmlExtractor.tableLines(table, ReadingLimits.start())).containsExactly("A\t1\t", "2\t3");
    }

    /** A CMS that drops a row's trailing empty <td>s: the page shows blank cells there, and so do the lines. */
    @Test
    void aRowCutShortOfItsTrailingBlankCellsReadsThemAsEmptyCells() {
        var table = org.jsoup.Jsoup.parse("""
                <table><tr><td>规章</td><td>1</td><td>2</td><td>3</td></tr><tr><td>行政规范性文件</td><td>4</td></tr></table>
                """).selectFirst("table");
        assertThat(HtmlExtractor.tableLines(table, ReadingLimits.start())).containsExactly("规章\t1\t2\t3", "行政规范性文件\t4\t\t");
    }
}
