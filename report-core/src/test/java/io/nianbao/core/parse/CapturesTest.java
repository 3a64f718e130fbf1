package io.nianbao.core.parse;

import io.nianbao.core.model.Finding;
import io.nianbao.core.model.ParsedReport;
import io.nianbao.core.model.ReportMetadata;
import io.nianbao.core.model.Responsibility;
import io.nianbao.core.model.SectionKind;
import io.nianbao.core.model.Template;
import io.nianbao.core.rules.RuleContext;
import io.nianbao.core.rules.RuleEngine;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Captures that lost part of a report's structure, as archivers and converters deliver them: what
 * can be read is read, what cannot is PARSE-UNCERTAIN (to operators), and nothing lost in the
 * capture is blamed on the agency or put in another cell.
 */
class CapturesTest {

    private static ParsedReport parse(String text) {
        return ReportParser.parse(List.of(text.split("\n", -1)), ReportMetadata.UNKNOWN, true);
    }

    private static List<Finding> checked(ParsedReport report) {
        return new RuleEngine().run(RuleContext.of(report));
    }

    /** A web archiver's one-line capture: headings inside the text, each table row's cells run together. */
    private static final String ONE_LINE = "某区2022年政府信息公开工作年度报告 根据《条例》要求编制本报告。一、总体情况 2022年，本区推进政务公开。"
            + "二、主动公开政府信息情况第二十条第（一）项 信息内容 本年制发件数 本年废止件数 现行有效件数 规章000行政规范性文件8855698"
            + "第二十条第（五）项信息内容本年处理决定数量行政许可10690 "
            + "三、收到和处理政府信息公开申请情况（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） 申请人情况 自然人 "
            + "一、本年新收政府信息公开申请数量 713000074二、上年结转政府信息公开申请数量 1000001三、本年度办理结果 （一）予以公开 "
            + "210000021（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 2000002 "
            + "四、政府信息公开行政复议、行政诉讼情况行政复议 行政诉讼 结果维持结果纠正其他结果尚未审结总计 0 0 0 0 0 "
            + "五、存在的主要问题及改进情况 2022年，政策解读形式单一。 六、其他需要报告的事项 2022年，无收取信息处理费情况。";

    @Test
    void headingsInsideALineAreFoundAndTheTemplateIsToldByTheTablesWording() {
        ParsedReport r = parse(ONE_LINE);
        assertThat(r.sections()).extracting(s -> s.kind()).containsExactly(SectionKind.values());
        assertThat(r.sections().getLast().text()).isEqualTo("2022年,无收取信息处理费情况。");
        assertThat(r.template()).isEqualTo(Template.GB2021);
    }

    @Test
    void tablesWhoseCellsRanTogetherAreUnreadNotMissingAndNotGuessed() {
        ParsedReport r = parse(ONE_LINE);
        assertThat(r.applications()).isNull();
        assertThat(r.parseFindings()).filteredOn(f -> f.location().equals("三")).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("PARSE-UNCERTAIN");
            assertThat(f.responsibility()).isEqualTo(Responsibility.SYSTEM);
            assertThat(f.message()).contains("单元格之间没有分隔", "713000074");
        });
        List<Finding> findings = checked(r);
        assertThat(findings).extracting(Finding::rule).doesNotContain("TBL-MISSING", "SEC-MISSING", "T3-BALANCE",
                "T3-RESULT-SUM", "T3-ROW-SUM", "TXT-T3-MISMATCH", "TXT-FEE");
        assertThat(findings).filteredOn(f -> f.responsibility() == Responsibility.AGENCY)
                .extracting(Finding::rule).doesNotContain("TBL-SHAPE");
    }

    @Test
    void aHeadingFollowedByItsTextOnOneLineStandsAlone() {
        assertThat(InlineHeadings.split("一、总体情况：2023年，本局依法公开。")).containsExactly("一、总体情况", "：2023年，本局依法公开。");
        assertThat(InlineHeadings.split("五、政府信息公开工作存在的主要问题及改进情况")).as("a heading alone").hasSize(1);
        // The rows of section 三 are numbered like headings, and are not taken for them.
        assertThat(InlineHeadings.split("二、上年结转政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1")).hasSize(1);
    }

    /** A PDF converter's markdown: labels it could not place stand on lines of their own, rows of values without them. */
    private static final String MARKDOWN = """
            三、收到和处理政府信息公开申请情况
            | 一、本年新收政府信息公开申请数量 | 32 | 2 | 0 | 0 | 0 | 0 | 34 |
            | 二、上年结转政府信息公开申请数量 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |
            | 三、 | （一）予以公开 | 9 | 0 | 0 | 0 | 0 | 0 | 9 |
            | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
            1.本机关不掌握相关政
            府信息
            | 1 | 0 | 0 | 0 | 0 | 0 | 1 |
            | 6.属于四类过程性信息 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |
            | 8.属于行政查询事项 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
            | 4 | 0 | 0 | 0 | 0 | 0 | 4 |
            | （七）总计 | 33 | 2 | 0 | 0 | 0 | 0 | 35 |
            | 四、结转下年度继续办理 | 1 | 0 | 0 | 0 | 0 | 0 |  |
            四、政府信息公开行政复议、行政诉讼情况
            """;

    @Test
    void aRowOfValuesWithoutItsLabelIsPlacedNowhereAndTheRowsItMayBeAreUnread() {
        ParsedReport r = parse(MARKDOWN);
        var rows = r.applications().rows();
        assertThat(rows.get("granted")).containsExactly(9L, 0L, 0L, 0L, 0L, 0L, 9L);
        assertThat(rows.get("denied.processInformation")).containsExactly(1L, 0L, 0L, 0L, 0L, 0L, 1L);
        assertThat(rows.get("denied.administrativeQuery")).as("its line alone, not the unlabelled one after it")
                .containsExactly(0L, 0L, 0L, 0L, 0L, 0L, 0L);
        assertThat(rows).as("the label on lines of its own is not the unlabelled row's").doesNotContainKey("unavailable.notHeld");
        assertThat(r.parseFindings()).filteredOn(f -> f.location().equals("三.unavailable.notHeld")).singleElement()
                .satisfies(f -> assertThat(f.rule()).isEqualTo("PARSE-UNCERTAIN"));
        assertThat(r.parseFindings()).extracting(Finding::rule).doesNotContain("TBL-SHAPE");
    }

    @Test
    void theClosingPipeEndsARowAndAnEmptyCellBeforeItIsABlank() {
        var rows = parse(MARKDOWN).applications().rows();
        assertThat(rows.get("carriedForward")).containsExactly(1L, 0L, 0L, 0L, 0L, 0L, null);
    }

    @Test
    void rulesComputeOverWhatWasReadAndNothingElse() {
        List<Finding> findings = checked(parse(MARKDOWN));
        // 34 + 2 = 36 against 35 + a blank: read, so an accusation; the result rows are not all read: no sum over them.
        assertThat(findings).extracting(Finding::rule).contains("T3-BALANCE", "CELL-BLANK").doesNotContain("T3-RESULT-SUM");
    }
}
