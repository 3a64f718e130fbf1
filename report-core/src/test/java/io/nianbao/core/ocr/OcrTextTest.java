package io.nianbao.core.ocr;

import io.nianbao.core.model.Finding;
import io.nianbao.core.model.ParsedReport;
import io.nianbao.core.model.ReportMetadata;
import io.nianbao.core.model.Responsibility;
import io.nianbao.core.parse.Cell;
import io.nianbao.core.parse.CellReader;
import io.nianbao.core.parse.ReportParser;
import io.nianbao.core.parse.RowKeys;
import io.nianbao.core.parse.TextNormalizer;
import io.nianbao.core.rules.RuleContext;
import io.nianbao.core.rules.RuleEngine;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** OCR's table rows as the parser reads them: tab-joined cells, the unsure ones marked. */
class OcrTextTest {

    private static final RecognisedCell ZERO = new RecognisedCell("0", 0.99);
    private static final List<String> LABELS = List.of("一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量",
            "三、本年度办理结果（一）予以公开", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "（三）不予公开1.属于国家秘密",
            "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”", "4.保护第三方合法权益", "5.属于三类内部事务信息", "6.属于四类过程性信息",
            "7.属于行政执法案卷", "8.属于行政查询事项", "（四）无法提供1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作",
            "3.补正后申请内容仍不明确", "（五）不予处理1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请",
            "5.要求行政机关确认或重新出具已获取信息", "（六）其他处理1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
            "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "3.其他", "（七）总计", "四、结转下年度继续办理");
    private static final List<String> KEYS = RowKeys.APPLICATION_KEYS.stream().filter(k -> !k.equals("otherHandling")).toList();

    /**
     * Section 三 of GB2021 as OCR reads it into rows: 3 applications received and granted, all
     * cells read with confidence but those given; then the report as ReportReader makes it.
     */
    private static ParsedReport read(Map<String, List<RecognisedCell>> rows) {
        Map<String, List<RecognisedCell>> table = new HashMap<>();
        List<RecognisedCell> three = List.of(cell("3"), ZERO, ZERO, ZERO, ZERO, ZERO, cell("3"));
        for (String key : List.of("newReceived", "granted", "totalHandled")) {
            table.put(key, three);
        }
        table.putAll(rows);
        List<String> lines = new ArrayList<>(List.of("一、总体情况", "本机关依法公开政府信息。", "三、收到和处理政府信息公开申请情况",
                "本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和\t申请人情况",
                "\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计"));
        for (int i = 0; i < KEYS.size(); i++) {
            List<RecognisedCell> cells = new ArrayList<>(List.of(new RecognisedCell(LABELS.get(i), 0.95)));
            cells.addAll(table.getOrDefault(KEYS.get(i), List.of(ZERO, ZERO, ZERO, ZERO, ZERO, ZERO, ZERO)));
            lines.add(cells.stream().map(OcrText::cellText).collect(Collectors.joining("\t")));
        }
        lines.addAll(List.of("五、存在的主要问题及改进情况", "无。"));
        ParsedReport r = ReportParser.parse(lines, ReportMetadata.UNKNOWN, true);
        return new ParsedReport(r.meta(), r.template(), r.sections(), r.proactive(), r.applications(), r.reviewLitigation(),
                r.parseFindings(), true);
    }

    private static RecognisedCell cell(String text) {
        return new RecognisedCell(text, 0.97);
    }

    private static RecognisedCell unsure(String text) {
        return new RecognisedCell(text, 0.6);
    }

    private static List<Finding> checked(ParsedReport report) {
        return new RuleEngine().run(RuleContext.of(report));
    }

    @Test
    void aConfidentCellIsItsTextAndAnUnsureOneIsUncertainWithWhatWasSeen() {
        assertThat(OcrText.cellText(cell("12"))).isEqualTo("12");
        Cell unsure = CellReader.read(TextNormalizer.normalize(OcrText.cellText(unsure("12"))), 0);
        assertThat(unsure.kind()).isEqualTo(Cell.Kind.UNCERTAIN);
        assertThat(unsure.raw()).isEqualTo("12");
        assertThat(unsure.value()).isNull();
        assertThat(CellReader.read(OcrText.cellText(unsure("/")), 0).kind()).isEqualTo(Cell.Kind.UNCERTAIN);
    }

    @Test
    void anUnsureLabelStaysText() {
        assertThat(OcrText.cellText(unsure("（一）予以公开"))).isEqualTo("（一）予以公开");
        assertThat(OcrText.cellText(unsure("3件"))).isNotEqualTo("3件");
        assertThat(OcrText.cellText(cell("1\t2"))).isEqualTo("1 2");
    }

    @Test
    void theTableReadWithConfidenceIsTheReportsOwnAndBlamesNoOne() {
        ParsedReport r = read(Map.of());
        assertThat(r.applications().rows().get("granted")).containsExactly(3L, 0L, 0L, 0L, 0L, 0L, 3L);
        assertThat(r.parseFindings()).isEmpty();
        assertThat(checked(OcrDigits.settle(r))).extracting(Finding::rule).doesNotContain("T3-ROW-SUM", "T3-RESULT-SUM", "T3-BALANCE", "CELL-BLANK");
    }

    @Test
    void anUnsureCellIsNullAndNamedThenRestoredWhereTheIdentitiesConfirmIt() {
        ParsedReport r = read(Map.of("granted", List.of(cell("3"), ZERO, ZERO, ZERO, ZERO, ZERO, unsure("3"))));

        assertThat(r.applications().rows().get("granted")).containsExactly(3L, 0L, 0L, 0L, 0L, 0L, null);
        assertThat(r.parseFindings()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("PARSE-UNCERTAIN");
            assertThat(f.responsibility()).isEqualTo(Responsibility.SYSTEM);
            assertThat(f.location()).isEqualTo("三.granted.total");
            assertThat(f.message()).isEqualTo("经OCR识别，单元格表三“予以公开”总计读作“3”，识别把握不足，该值按空白处理，请对照原图核对。");
            assertThat(f.evidence()).isEqualTo("3");
        });
        ParsedReport settled = OcrDigits.settle(r);
        assertThat(settled.applications().rows().get("granted")).containsExactly(3L, 0L, 0L, 0L, 0L, 0L, 3L);
        assertThat(settled.parseFindings()).isEmpty();
    }

    @Test
    void anUnsureCellTheIdentitiesDoNotConfirmStaysNull() {
        ParsedReport settled = OcrDigits.settle(read(Map.of("granted", List.of(cell("3"), ZERO, ZERO, ZERO, ZERO, ZERO, unsure("8")))));

        assertThat(settled.applications().rows().get("granted").get(6)).isNull();
        // The fixture has section 三 only: what is said of the other sections is beside the point.
        assertThat(checked(settled)).filteredOn(f -> f.location().startsWith("三"))
                .extracting(Finding::responsibility).containsOnly(Responsibility.SYSTEM);
    }

    @Test
    void aConfidentMisreadByOneDigitIsNullAndNoRowSumIsFound() {
        // 予以公开's 总计 is 3 on the page; OCR read 8 with confidence.
        ParsedReport settled = OcrDigits.settle(read(Map.of("granted", List.of(cell("3"), ZERO, ZERO, ZERO, ZERO, ZERO, cell("8")))));

        assertThat(settled.applications().rows().get("granted").get(6)).isNull();
        List<Finding> findings = checked(settled);
        assertThat(findings).extracting(Finding::rule).doesNotContain("T3-ROW-SUM", "T3-RESULT-SUM");
        assertThat(findings).filteredOn(f -> f.location().equals("三.granted.total")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("读作“8”", "改动该值的一位数字即可成立"));
    }

    @Test
    void aRowOffByMoreThanADigitIsTheAgencysAndSaysItWasReadByOcr() {
        ParsedReport settled = OcrDigits.settle(read(Map.of("granted", List.of(cell("3"), ZERO, ZERO, ZERO, ZERO, ZERO, cell("47")))));

        assertThat(checked(settled)).filteredOn(f -> f.rule().equals("T3-ROW-SUM")).singleElement().satisfies(f -> {
            assertThat(f.location()).isEqualTo("三.granted.total");
            assertThat(f.responsibility()).isEqualTo(Responsibility.AGENCY);
            assertThat(f.evidence()).startsWith("经OCR识别");
        });
    }

    @Test
    void linesJoinATableRowsCellsByTabsAndHideTheDigitsOfProseReadWithoutConfidence() {
        List<String> lines = OcrText.lines(List.of(
                RecognisedLine.prose("共收到申请26件。", 0.97),
                RecognisedLine.prose("共收到申请26件，上年结转1件。", 0.6),
                new RecognisedLine(List.of(new RecognisedCell("行政许可", 0.8), cell("1287"), new RecognisedCell("42", 0.5)), true)));

        assertThat(lines).containsExactly("共收到申请26件。", "共收到申请??件，上年结转?件。",
                "行政许可\t1287\t" + CellReader.UNCONFIDENT + "42");
    }
}
