package io.nianbao.core.rules;

import io.nianbao.core.model.Finding;
import io.nianbao.core.model.Responsibility;
import io.nianbao.core.model.SectionKind;
import io.nianbao.core.model.Severity;
import io.nianbao.core.parse.CellReader;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RuleEngineTest {

    @Test
    void aConsistentReportHasNoFindings() {
        assertThat(new RuleEngine().run(ReportBuilder.valid().context())).isEmpty();
    }

    @Test
    void parseFindingsComeFirstThenRulesInCatalogOrder() {
        var ctx = ReportBuilder.valid()
                .parseFinding(RuleId.PARSE_UNCERTAIN, "二.licensing.decisions")
                .without(SectionKind.PROBLEMS)
                .row("newReceived", 7L, 1L, 0L, 0L, 0L, 0L, 9L)
                .context();
        List<String> rules = new RuleEngine().run(ctx).stream().map(Finding::rule).toList();
        assertThat(rules).containsExactly("PARSE-UNCERTAIN", "SEC-MISSING", "T3-BALANCE", "T3-ROW-SUM");
    }

    /** An inspector forwarding a finding about a scanned report looks at the image first. */
    @Test
    void findingsAgainstTheAgencyInAReportReadByOcrSaySo() {
        ReportBuilder report = ReportBuilder.valid()
                .parseFinding(RuleId.PARSE_UNCERTAIN, "二.licensing.decisions")
                .parseFinding(CellInvalid.of("三.granted.commercial", "若干", "填写了文字"))
                .row("newReceived", 7L, 1L, 0L, 0L, 0L, 0L, 9L);
        List<Finding> asRead = new RuleEngine().run(RuleContext.of(report.build()));
        List<Finding> byOcr = new RuleEngine().run(RuleContext.of(report.byOcr().build()));

        assertThat(byOcr).extracting(Finding::rule).containsExactlyElementsOf(asRead.stream().map(Finding::rule).toList());
        assertThat(byOcr).filteredOn(f -> f.rule().equals("PARSE-UNCERTAIN")).singleElement()
                .satisfies(f -> assertThat(f.evidence()).isNull());
        assertThat(byOcr).filteredOn(f -> f.rule().equals("CELL-INVALID")).singleElement()
                .satisfies(f -> assertThat(f.evidence()).isEqualTo("经OCR识别：若干"));
        assertThat(byOcr).filteredOn(f -> f.rule().equals("T3-ROW-SUM")).singleElement()
                .satisfies(f -> assertThat(f.evidence()).isEqualTo("经OCR识别，请对照原图核对"));
        assertThat(asRead).extracting(Finding::evidence).noneMatch(e -> e != null && e.contains("OCR"));
    }

    /** A heading OCR did not find is no proof that the agency left the section out: it is ours to look at. */
    @Test
    void whatAReportReadByOcrLacksInItsLayoutIsOursNotTheAgencys() {
        ReportBuilder report = ReportBuilder.valid().without(SectionKind.PROBLEMS);
        assertThat(new RuleEngine().run(RuleContext.of(report.build()))).extracting(Finding::rule).contains("SEC-MISSING");

        List<Finding> byOcr = new RuleEngine().run(RuleContext.of(report.byOcr().build()));
        assertThat(byOcr).extracting(Finding::rule).doesNotContain("SEC-MISSING");
        assertThat(byOcr).filteredOn(f -> f.location() != null && f.location().equals("五")).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("PARSE-UNCERTAIN");
            assertThat(f.responsibility()).isEqualTo(Responsibility.SYSTEM);
            assertThat(f.message()).startsWith("该报告经OCR识别").contains("不归责于报告机关");
        });
    }

    /** What a finding quotes of a report read by OCR is the text as read, without the parser's marks of unsure cells. */
    @Test
    void findingsOfAReportReadByOcrQuoteNoMarks() {
        String marked = "二、上年结转政府信息公开申请数量\t1\t" + CellReader.UNCONFIDENT + "0";
        ReportBuilder report = ReportBuilder.valid().byOcr()
                .parseFinding(new Finding("PARSE-UNCERTAIN", Severity.WARNING, Responsibility.SYSTEM, "三", null, null,
                        "原文“" + marked + "”", marked));
        assertThat(new RuleEngine().run(RuleContext.of(report.build())))
                .filteredOn(f -> "三".equals(f.location())).singleElement().satisfies(f -> {
                    assertThat(f.message()).isEqualTo("原文“二、上年结转政府信息公开申请数量\t1\t0”");
                    assertThat(f.evidence()).doesNotContain(String.valueOf(CellReader.UNCONFIDENT));
                });
    }

    @Test
    void runsEveryReportLevelRuleOfTheCatalog() {
        List<RuleId> parserOwned = List.of(RuleId.TBL_SHAPE, RuleId.CELL_INVALID, RuleId.CELL_UNIT, RuleId.PARSE_UNCERTAIN);
        // PUB-MISSING is validate-service's (no report to run on); FMT-UNSUPPORTED decides whether the others run.
        List<RuleId> expected = Arrays.stream(RuleId.values())
                .filter(r -> !parserOwned.contains(r) && r != RuleId.PUB_MISSING && r != RuleId.FMT_UNSUPPORTED).toList();
        assertThat(new RuleEngine().rules().stream().map(ReportRule::id)).containsExactlyElementsOf(expected);
    }

    /** A report of the format before GB2019 is out of scope: said so once, to operators, and accused of nothing. */
    @Test
    void aReportOfTheFormatBefore2019HasOneFindingThatSaysItIsOutOfScope() {
        var old = ReportBuilder.valid().year(2017).without(SectionKind.PROBLEMS)
                .section(SectionKind.APPLICATIONS, "三、依申请公开政府信息情况", "").context();
        assertThat(new RuleEngine().run(old)).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("FMT-UNSUPPORTED");
            assertThat(f.responsibility().name()).isEqualTo("SYSTEM");
            assertThat(f.message()).startsWith("2017年度报告采用2019年以前的年度报告格式");
        });
        var undated = ReportBuilder.valid().year(null).section(SectionKind.OTHER_MATTERS, "四、政府信息公开的收费及减免情况", "无").context();
        assertThat(new RuleEngine().run(undated)).extracting(Finding::rule).containsExactly("FMT-UNSUPPORTED");
    }

    @Test
    void ruleIdsAreTheCatalogSpelling() {
        assertThat(RuleId.T3_RESULT_SUM.id()).isEqualTo("T3-RESULT-SUM");
        assertThat(RuleId.PARSE_UNCERTAIN.responsibility().name()).isEqualTo("SYSTEM");
    }
}
