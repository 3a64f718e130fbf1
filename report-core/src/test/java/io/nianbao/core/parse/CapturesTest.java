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

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
    void cellsRunTogetherAreReadWhereTheirDigitsHaveOneReadingAndNamedWhereNot() {
        ParsedReport r = parse(ONE_LINE);
        // 7 digits for 7 cells, or 9 that add up in one way only.
        assertThat(r.applications().rows()).containsEntry("newReceived", List.of(71L, 3L, 0L, 0L, 0L, 0L, 74L))
                .containsEntry("carriedOver", List.of(1L, 0L, 0L, 0L, 0L, 0L, 1L))
                .containsEntry("granted", List.of(21L, 0L, 0L, 0L, 0L, 0L, 21L))
                .containsEntry("otherHandling.noCorrection", List.of(2L, 0L, 0L, 0L, 0L, 0L, 2L));
        assertThat(r.proactive().rows()).containsEntry("licensing", Map.of("decisions", BigDecimal.valueOf(10690)))
                .containsKey("regulations").doesNotContainKey("normativeDocuments");
        assertThat(r.proactive().rows().get("regulations").values()).allMatch(v -> v.signum() == 0);
        // 8855698 in three cells: 88/55/698, 885/56/98, …; no identity tells.
        assertThat(r.parseFindings()).filteredOn(f -> f.location().equals("二.normativeDocuments")).singleElement()
                .satisfies(f -> {
                    assertThat(f.rule()).isEqualTo("PARSE-UNCERTAIN");
                    assertThat(f.message()).contains("规范性文件8855698", "多种拆分方式");
                });
        assertThat(r.parseFindings()).filteredOn(f -> f.location().equals("二")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("单元格之间没有分隔", "规章000", "读取了只有一种拆分方式的2行", "其余1行未读取"));
        // Five figures for fifteen cells: ten blanks could be anywhere.
        assertThat(r.reviewLitigation()).isNull();
        assertThat(r.parseFindings()).filteredOn(f -> f.location().equals("四")).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("PARSE-UNCERTAIN");
            assertThat(f.responsibility()).isEqualTo(Responsibility.SYSTEM);
        });
        List<Finding> findings = checked(r);
        assertThat(findings).extracting(Finding::rule).doesNotContain("TBL-MISSING", "SEC-MISSING", "T3-BALANCE",
                "T3-RESULT-SUM", "T3-ROW-SUM", "TXT-T3-MISMATCH", "TXT-FEE");
        assertThat(findings).filteredOn(f -> f.responsibility() == Responsibility.AGENCY)
                .extracting(Finding::rule).doesNotContain("TBL-SHAPE");
    }

    /** Section 三 of GB2021 as a one-line capture writes it, each row's figures as given, other rows 0000000. */
    private static String applicationsRunTogether(Map<String, String> figures) {
        StringBuilder b = new StringBuilder("一、总体情况 本机关依法公开政府信息。三、收到和处理政府信息公开申请情况（本列数据的勾稽关系为：第一项加第二项之和，"
                + "等于第三项加第四项之和）申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他");
        List<String> labels = List.of("一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量", "三、本年度办理结果（一）予以公开",
                "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "（三）不予公开1.属于国家秘密", "2.其他法律行政法规禁止公开",
                "3.危及“三安全一稳定”", "4.保护第三方合法权益", "5.属于三类内部事务信息", "6.属于四类过程性信息", "7.属于行政执法案卷",
                "8.属于行政查询事项", "（四）无法提供1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确",
                "（五）不予处理1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请",
                "5.要求行政机关确认或重新出具已获取信息", "（六）其他处理1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
                "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "3.其他", "（七）总计", "四、结转下年度继续办理");
        List<String> keys = RowKeys.APPLICATION_KEYS.stream().filter(k -> !k.equals("otherHandling")).toList();
        for (int i = 0; i < labels.size(); i++) {
            b.append(labels.get(i)).append(figures.getOrDefault(keys.get(i), "0000000"));
        }
        return b.append("四、政府信息公开行政复议、行政诉讼情况 五、存在的主要问题及改进情况 无。六、其他需要报告的事项 无。").toString();
    }

    @Test
    void aRowWithSeveralReadingsIsReadWhereOnlyOneKeepsTheColumnsIdentities() {
        // 101000011 adds up as 10 1 0 0 0 0 11 and as 1 0 10 0 0 0 11: the new applications,
        // written apart, and the columns' balance single out the first.
        String decided = applicationsRunTogether(Map.of("newReceived", "10 1 0 0 0 0 11",
                "granted", "101000011", "totalHandled", "101000011"));
        Map<String, List<Long>> rows = parse(decided).applications().rows();
        assertThat(rows.get("granted")).containsExactly(10L, 1L, 0L, 0L, 0L, 0L, 11L);
        assertThat(rows.get("totalHandled")).containsExactly(10L, 1L, 0L, 0L, 0L, 0L, 11L);

        // Run together too, the new applications leave both readings standing: nothing is guessed.
        ParsedReport undecided = parse(applicationsRunTogether(Map.of("newReceived", "101000011",
                "granted", "101000011", "totalHandled", "101000011")));
        assertThat(undecided.applications().rows()).doesNotContainKeys("newReceived", "granted", "totalHandled")
                .containsKey("carriedOver");
        assertThat(undecided.parseFindings()).extracting(Finding::location)
                .contains("三.newReceived", "三.granted", "三.totalHandled");
    }

    @Test
    void aRowWhoseDigitsDoNotAddUpOrMayHideABlankIsNotRead() {
        // 1000910: as many digits as cells, yet 1+0+0+0+9+1 is not 0: it was 1, blank, 0, 0, 0, 9, 10.
        // 000000: six zeros for seven cells, one of them blank, which one nobody can tell.
        ParsedReport r = parse(applicationsRunTogether(Map.of("granted", "1000910", "partlyGranted", "000000")));
        assertThat(r.applications().rows()).doesNotContainKeys("granted", "partlyGranted").containsKey("newReceived");
        assertThat(r.parseFindings()).extracting(Finding::location).contains("三.granted", "三.partlyGranted");
        assertThat(checked(r)).extracting(Finding::rule).doesNotContain("T3-ROW-SUM", "T3-RESULT-SUM", "CELL-BLANK");
    }

    @Test
    void aCountWithItsUnitInTheTextOfARunTogetherTableIsProseNotARow() {
        ParsedReport r = parse(ONE_LINE.replace("二、主动公开政府信息情况", "二、主动公开政府信息情况 本年办理行政许可97件。"));
        assertThat(r.proactive().rows()).containsEntry("licensing", Map.of("decisions", BigDecimal.valueOf(10690)));
    }

    @Test
    void theNumberOfASubRowIsNotTakenForTheLastDigitOfTheRowBefore() {
        // "…禁止公开00000003.危及…": seven zeros, then the third sub-row.
        ParsedReport r = parse(applicationsRunTogether(Map.of("denied.prohibitedByLaw", "2000002")));
        assertThat(r.applications().rows().get("denied.prohibitedByLaw")).containsExactly(2L, 0L, 0L, 0L, 0L, 0L, 2L);
        assertThat(r.applications().rows().get("denied.securityStability")).containsOnly(0L);
    }

    @Test
    void aSectionWhoseHeadingIsNotFoundInsideALineIsUnreadNotMissing() {
        // The agency dropped the numeral ("、主动公开政府信息情况"): on a line of its own the heading
        // is still found; inside running text it is not, and the section may well be there.
        ParsedReport r = parse(ONE_LINE.replace("二、主动公开政府信息情况", "、主动公开政府信息情况"));
        assertThat(r.parseFindings()).filteredOn(f -> f.location().equals("二")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("主动公开政府信息情况", "不认定报告缺少该部分"));
        assertThat(checked(r)).extracting(Finding::rule).doesNotContain("SEC-MISSING", "TBL-MISSING");

        String lines = ONE_LINE.replace("二、主动公开政府信息情况", "\n、主动公开政府信息情况\n").replace(" 三、", "\n三、")
                .replace(" 四、", "\n四、").replace(" 五、", "\n五、").replace(" 六、", "\n六、").replace("一、总体情况", "\n一、总体情况\n");
        assertThat(parse(lines).sections()).extracting(s -> s.kind()).contains(SectionKind.PROACTIVE);
    }

    @Test
    void aRowsLabelAndFiguresApartBySingleSpacesAreARowAndProseIsNot() {
        String converted = """
                一、总体情况
                全年发布短视频 584 条，累计观看量 1924252
                二、主动公开政府信息情况
                本机关全年办理行政许可 120
                第二十条第（五）项
                信息内容本年处理决定数量
                行政许可 97
                行政处罚 0
                第二十条第（八）项
                信息内容本年收费金额（单位：万元）
                行政事业性收费 12.5
                三、收到和处理政府信息公开申请情况
                （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）
                一、本年新收政府信息公开申请数量 3 1 0 0 0 0 4
                二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0
                本年予以公开 3 件，占比 75%
                """;
        ParsedReport r = parse(converted);
        assertThat(r.proactive().rows()).containsEntry("licensing", Map.of("decisions", BigDecimal.valueOf(97)))
                .containsEntry("penalties", Map.of("decisions", BigDecimal.ZERO))
                .containsEntry("fees", Map.of("amountTenThousandYuan", new BigDecimal("12.5")));
        assertThat(r.applications().rows()).containsEntry("newReceived", List.of(3L, 1L, 0L, 0L, 0L, 0L, 4L))
                .doesNotContainKey("granted");
        assertThat(r.sections().getFirst().text()).contains("累计观看量 1924252");
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

    /**
     * Section 三 of GB2021 as a converter's markdown, every row 0 but those given, the rows named
     * in {@code withoutLabel} as a row of figures alone, their labels on a line of their own
     * further up, as converters set apart the labels of multi-line cells.
     */
    private static String markdownWithoutLabels(Map<String, String> figures, List<String> withoutLabel) {
        StringBuilder b = new StringBuilder("三、收到和处理政府信息公开申请情况\n");
        for (String key : RowKeys.applicationTemplate(true)) {
            String cells = figures.getOrDefault(key, "0 | 0 | 0 | 0 | 0 | 0 | 0");
            String label = key.equals("otherHandling.other") ? "3.其他" : RowKeys.name(key);
            if (withoutLabel.contains(key)) {
                b.append(label).append("\n| ").append(cells).append(" |\n");
            } else {
                b.append("| ").append(label).append(" | ").append(cells).append(" |\n");
            }
        }
        return b.append("四、政府信息公开行政复议、行政诉讼情况\n").toString();
    }

    @Test
    void rowsWithoutLabelsArePlacedWhereTheOrderLeavesEachOnePlaceAndTheResultsAddUp() {
        Map<String, String> figures = Map.of("newReceived", "6 | 1 | 0 | 0 | 0 | 0 | 7",
                "partlyGranted", "2 | 0 | 0 | 0 | 0 | 0 | 2", "unavailable.notHeld", "3 | 1 | 0 | 0 | 0 | 0 | 4",
                "unavailable.needsCreation", "1 | 0 | 0 | 0 | 0 | 0 | 1", "totalHandled", "6 | 1 | 0 | 0 | 0 | 0 | 7");
        List<String> withoutLabel = List.of("partlyGranted", "unavailable.notHeld", "unavailable.needsCreation");
        ParsedReport r = parse(markdownWithoutLabels(figures, withoutLabel));
        assertThat(r.applications().rows()).containsEntry("partlyGranted", List.of(2L, 0L, 0L, 0L, 0L, 0L, 2L))
                .containsEntry("unavailable.notHeld", List.of(3L, 1L, 0L, 0L, 0L, 0L, 4L))
                .containsEntry("unavailable.needsCreation", List.of(1L, 0L, 0L, 0L, 0L, 0L, 1L));
        assertThat(r.parseFindings()).filteredOn(f -> f.location().equals("三.partlyGranted")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("没有栏目名称", "按表格行序", "各项办理结果之和等于总计"));

        // Results that do not add up to 总计: the placement is not borne out, and nothing is placed.
        Map<String, String> offTotal = new HashMap<>(figures);
        offTotal.put("totalHandled", "6 | 1 | 0 | 0 | 0 | 0 | 8");
        ParsedReport off = parse(markdownWithoutLabels(offTotal, withoutLabel));
        assertThat(off.applications().rows()).doesNotContainKeys("partlyGranted", "unavailable.notHeld");
        assertThat(checked(off)).filteredOn(f -> f.responsibility() == Responsibility.AGENCY).extracting(Finding::rule)
                .doesNotContain("T3-RESULT-SUM", "TBL-SHAPE");

        // A row other than a result is borne out only by the balance: 7 + 1 carried over is not 7 + 0 carried forward.
        Map<String, String> carried = new HashMap<>(figures);
        carried.put("carriedOver", "1 | 0 | 0 | 0 | 0 | 0 | 1");
        List<String> carriedWithoutLabel = List.of("carriedOver", "partlyGranted");
        assertThat(parse(markdownWithoutLabels(carried, carriedWithoutLabel)).applications().rows())
                .doesNotContainKeys("carriedOver", "partlyGranted");
        carried.put("carriedForward", "1 | 0 | 0 | 0 | 0 | 0 | 1");
        assertThat(parse(markdownWithoutLabels(carried, carriedWithoutLabel)).applications().rows())
                .containsEntry("carriedOver", List.of(1L, 0L, 0L, 0L, 0L, 0L, 1L))
                .containsEntry("partlyGranted", List.of(2L, 0L, 0L, 0L, 0L, 0L, 2L));

        // Two rows without labels where one is missing (a row the converter doubled): that place is
        // not certain, and without its row the results cannot bear out the other places either.
        String doubled = markdownWithoutLabels(figures, withoutLabel).replace("| 2 | 0 | 0 | 0 | 0 | 0 | 2 |",
                "| 2 | 0 | 0 | 0 | 0 | 0 | 2 |\n| 2 | 0 | 0 | 0 | 0 | 0 | 2 |");
        assertThat(parse(doubled).applications().rows()).doesNotContainKeys("partlyGranted", "unavailable.notHeld")
                .containsKey("granted");
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
