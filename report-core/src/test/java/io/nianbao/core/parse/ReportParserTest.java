package io.nianbao.core.parse;

import io.nianbao.core.model.Finding;
import io.nianbao.core.model.ParsedReport;
import io.nianbao.core.model.ReportMetadata;
import io.nianbao.core.model.Template;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Tab-separated captures, and what the parser reports instead of guessing. */
class ReportParserTest {

    private static ParsedReport parse(String text) {
        return ReportParser.parse(List.of(text.split("\n", -1)), ReportMetadata.UNKNOWN, true);
    }

    @Test
    void textAndDamagedNumbersInCountCellsAreReportedNotGuessed() {
        ParsedReport r = parse("""
                三、收到和处理政府信息公开申请情况
                一、本年新收政府信息公开申请数量\t5\t若干\t0\t0\t0\t0\t5
                三、本年度办理结果\t(一)予以公开\t4\t1O\t0\t0\t0\t0\t4
                """);
        assertThat(r.applications().rows().get("newReceived")).containsExactly(5L, null, 0L, 0L, 0L, 0L, 5L);
        assertThat(r.applications().rows().get("granted")).containsExactly(4L, null, 0L, 0L, 0L, 0L, 4L);
        assertThat(r.parseFindings()).extracting(Finding::rule, Finding::location).containsExactly(
                org.assertj.core.groups.Tuple.tuple("CELL-INVALID", "三.newReceived.commercial"),
                org.assertj.core.groups.Tuple.tuple("PARSE-UNCERTAIN", "三.granted.commercial"));
        Finding uncertain = r.parseFindings().get(1);
        assertThat(uncertain.severity()).isEqualTo(io.nianbao.core.model.Severity.WARNING);
        assertThat(uncertain.responsibility()).isEqualTo(io.nianbao.core.model.Responsibility.SYSTEM);
    }

    private static final String SHORT_ROW = """
            三、收到和处理政府信息公开申请情况
            二、上年结转政府信息公开申请数量\t1\t0\t0\t1
            四、结转下年度继续办理\t0\t0\t0\t0\t0\t0\t0
            """;

    @Test
    void aRowWithTooFewCellsIsLeftOutAndNamed() {
        ParsedReport r = parse(SHORT_ROW);
        assertThat(r.applications().rows()).containsOnlyKeys("carriedForward");
        assertThat(r.parseFindings()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("TBL-SHAPE");
            assertThat(f.responsibility()).isEqualTo(io.nianbao.core.model.Responsibility.AGENCY);
            assertThat(f.location()).isEqualTo("三.carriedOver");
            assertThat(f.message()).contains("应有7个单元格", "实际读到4个");
        });
    }

    /** A PDF has no cells: a row found short by position may have lost a blank cell in reading. */
    @Test
    void aShortRowOfCellsFoundByPositionIsOursToLookAtNotTheAgencys() {
        ParsedReport r = ReportParser.parse(List.of(SHORT_ROW.split("\n", -1)), ReportMetadata.UNKNOWN, false);
        assertThat(r.applications().rows()).containsOnlyKeys("carriedForward");
        assertThat(r.parseFindings()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("PARSE-UNCERTAIN");
            assertThat(f.responsibility()).isEqualTo(io.nianbao.core.model.Responsibility.SYSTEM);
            assertThat(f.location()).isEqualTo("三.carriedOver");
            assertThat(f.message()).contains("按文字位置", "应有7个单元格", "实际读到4个", "不归责于报告机关");
        });
    }

    @Test
    void aTableWhoseHeadingIsMissingIsFoundByItsHeader() {
        ParsedReport r = parse("""
                一、总体情况
                本年度未发生行政复议。
                行政复议\t行政诉讼
                0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t1\t0\t0\t0\t1
                五、存在的主要问题及改进情况
                无
                """);
        assertThat(r.reviewLitigation().groups().get("litigationAfterReview")).containsExactly(1L, 0L, 0L, 0L, 1L);
    }

    @Test
    void gb2019SectionTwoIsToldFromItsColumns() {
        ParsedReport r = parse("""
                二、主动公开政府信息情况
                信息内容\t上一年项目数量\t本年增/减\t处理决定数量
                行政许可\t1004\t-12\t43797
                第二十条第(九)项
                信息内容\t采购项目数量\t采购总金额
                政府集中采购\t276\t2945.15万元
                """);
        assertThat(r.template()).isEqualTo(Template.GB2019);
        assertThat(r.proactive().rows().get("licensing").get("itemsChange")).isEqualByComparingTo("-12");
        assertThat(r.proactive().rows().get("procurement").get("amountYuan")).isEqualByComparingTo("2945.15");
        assertThat(r.parseFindings()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("CELL-UNIT");
            assertThat(f.location()).isEqualTo("二.procurement.amountYuan");
        });
    }

    @Test
    void hintsWinAndTheLevelFollowsTheWinningAgency() {
        String text = "青山县人民政府办公室2023年政府信息公开工作年度报告\n发布日期:2024-01-20\n一、总体情况\n无";
        ParsedReport r = ReportParser.parse(List.of(text.split("\n")),
                new ReportMetadata("大竹县石子镇人民政府", null, 2022, null), true);
        assertThat(r.meta()).isEqualTo(new ReportMetadata("大竹县石子镇人民政府",
                io.nianbao.core.model.AgencyLevel.TOWNSHIP, 2022, java.time.LocalDate.of(2024, 1, 20)));
    }

    /** An empty cell right after the label, or ending the line, is a blank cell of the row, not layout. */
    @Test
    void emptyCellsOpeningOrClosingARowAreItsBlankCells() {
        ParsedReport r = parse("""
                三、收到和处理政府信息公开申请情况
                自然人\t法人或其他组织\t总计\t\t\t
                一、本年新收政府信息公开申请数量\t\t1\t0\t0\t0\t0\t
                四、结转下年度继续办理\t\t\t
                """);
        assertThat(r.applications().rows().get("newReceived")).containsExactly(null, 1L, 0L, 0L, 0L, 0L, null);
        assertThat(r.applications().rows().get("carriedForward")).as("a row of nothing but empty cells").containsOnlyNulls();
        assertThat(r.applications().rows()).as("the header's 总计 is no row").doesNotContainKey("totalHandled");
        assertThat(r.parseFindings()).isEmpty();
    }

    /** A template row's label with nothing read after it is not silently absent. */
    @Test
    void aRowLabelWithoutValuesIsNamedAsNotRead() {
        ParsedReport r = parse("""
                二、主动公开政府信息情况
                第二十条第(一)项
                信息内容\t本年制发件数\t本年废止件数\t现行有效件数
                规章\t0\t0\t0
                行政规范性文件
                第二十条第(五)项
                行政许可\t5
                """);
        assertThat(r.proactive().rows()).containsOnlyKeys("regulations", "licensing");
        assertThat(r.parseFindings()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("PARSE-UNCERTAIN");
            assertThat(f.location()).isEqualTo("二.normativeDocuments");
            assertThat(f.responsibility()).isEqualTo(io.nianbao.core.model.Responsibility.SYSTEM);
        });
    }

    /** Figures whose label was lost run into the row above: that row and the missing one are not read, and said so. */
    @Test
    void figuresRunIntoTheRowAboveLeaveBothRowsUnread() {
        ParsedReport r = parse("""
                二、主动公开政府信息情况
                第二十条第(六)项
                信息内容\t本年处理决定数量
                行政处罚\t3
                7
                第二十条第(八)项
                行政事业性收费\t0
                """);
        assertThat(r.proactive().rows()).containsOnlyKeys("fees");
        assertThat(r.parseFindings()).extracting(Finding::location).contains("二.penalties", "二.coercion");
        assertThat(r.parseFindings()).allSatisfy(f -> assertThat(f.rule()).isEqualTo("PARSE-UNCERTAIN"));
    }
}
