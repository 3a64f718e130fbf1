package io.nianbao.core.rules;

import io.nianbao.core.model.Finding;
import io.nianbao.core.model.SectionKind;
import io.nianbao.core.model.Severity;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** TXT-T2/T3/T4-MISMATCH: counts in the prose against the tables, without false alarms. */
class NarrativeRulesTest {

    private static RuleContext overview(ReportBuilder b, String text) {
        return b.section(SectionKind.OVERVIEW, text).context();
    }

    @Nested
    class TxtT3MismatchTest {
        @Test
        void firesForACountOfAnotherScopeQuotingTheSentence() {
            // Hongze 2024, as a PDF breaks it: 17 applications for the office, 95 in the district's table.
            var b = ReportBuilder.valid().row("newReceived", 95L, 0L, 0L, 0L, 0L, 0L, 95L)
                    .row("granted", 50L, 0L, 0L, 0L, 0L, 0L, 50L).row("partlyGranted", 9L, 0L, 0L, 0L, 0L, 0L, 9L)
                    .row("unavailable.notHeld", 36L, 0L, 0L, 0L, 0L, 0L, 36L).row("totalHandled", 95L, 0L, 0L, 0L, 0L, 0L, 95L);
            var f = new TxtT3Mismatch().check(overview(b, """
                    （二）依申请公开情况。强化组织领导、规范办理流程，确保依
                    申请答复工作规范高效。2024 年，区政府办代表区政府受理政府
                    信息公开申请 17 件，均已在法定期限内予以答复。
                    """));
            assertThat(f).singleElement().satisfies(x -> {
                assertThat(x.severity()).isEqualTo(Severity.WARNING);
                assertThat(x.location()).isEqualTo("三");
                assertThat(x.evidence()).isEqualTo("2024年,区政府办代表区政府受理政府信息公开申请17件,均已在法定期限内予以答复");
                assertThat(x.actual()).isEqualByComparingTo("17");
                assertThat(x.message()).contains("17件", "本年新收申请95件");
            });
        }

        @Test
        void firesForLuhe() {
            // Luhe 2020's table: 11 received, none of its quantities is 3.
            var b = ReportBuilder.valid().row("newReceived", 10L, 1L, 0L, 0L, 0L, 0L, 11L)
                    .row("granted", 0L, 1L, 0L, 0L, 0L, 0L, 1L).row("partlyGranted", 1L, 0L, 0L, 0L, 0L, 0L, 1L)
                    .row("denied.internalAffairs", ReportBuilder.zeros()).row("notProcessed.petitionOrComplaint", ReportBuilder.zeros())
                    .row("unavailable.notHeld", 7L, 0L, 0L, 0L, 0L, 0L, 7L).row("unavailable.unclearAfterCorrection", 1L, 0L, 0L, 0L, 0L, 0L, 1L)
                    .row("totalHandled", 9L, 1L, 0L, 0L, 0L, 0L, 10L).row("carriedForward", 1L, 0L, 0L, 0L, 0L, 0L, 1L);
            var f = new TxtT3Mismatch().check(overview(b,
                    "2020年,按时完成上级交办的“网络问政交办”10件,及时回复县长信箱48件、及时处理12345投诉平台1953单,收到并在规定时限内回复公众政府信息公开申请3件。"));
            assertThat(f).singleElement().satisfies(x -> assertThat(x.actual()).isEqualByComparingTo("3"));
        }

        @Test
        void acceptsEveryQuantityTheTableCanName() {
            var b = ReportBuilder.valid().row("carriedOver", 2L, 0L, 0L, 0L, 0L, 0L, 2L)
                    .row("totalHandled", 9L, 1L, 0L, 0L, 0L, 0L, 10L);
            String text = """
                    全年受理政府信息公开申请10件（含上年结转），其中新收申请8件。
                    其中自然人申请7件，企业申请1件。
                    对3件政府信息公开申请予以公开或部分公开。
                    不予公开申请1件，无法提供申请3件。
                    依申请公开答复率100%，在20个工作日内答复申请。
                    县长信箱收到申请48件。
                    行政复议申请0件。
                    收到申请数量同比下降4件。
                    其中网上申请6件，当面申请2件，主要涉及征地拆迁类申请4件。""";
            assertThat(new TxtT3Mismatch().check(overview(b, text))).isEmpty();
        }

        @Test
        void acceptsLastYearsFiguresInAClauseAboutLastYearWhereLastYearsReportIsKnown() {
            String text = "上一年度收到政府信息公开申请30件。本年度收到政府信息公开申请10件。另有30件申请待核实。";
            var thisYear = ReportBuilder.valid().row("newReceived", 10L, 0L, 0L, 0L, 0L, 0L, 10L)
                    .row("granted", 10L, 0L, 0L, 0L, 0L, 0L, 10L).row("totalHandled", 10L, 0L, 0L, 0L, 0L, 0L, 10L);
            var lastYear = ReportBuilder.valid().row("newReceived", 30L, 0L, 0L, 0L, 0L, 0L, 30L)
                    .row("granted", 30L, 0L, 0L, 0L, 0L, 0L, 30L).row("totalHandled", 30L, 0L, 0L, 0L, 0L, 0L, 30L);
            assertThat(new TxtT3Mismatch().check(overview(thisYear, text))).as("30 names nothing of this year's table")
                    .hasSize(2).allSatisfy(x -> assertThat(x.actual()).isEqualByComparingTo("30"));
            // Last year's 30 in the clause about last year; the same 30 in a clause about this year is still a mismatch.
            assertThat(new TxtT3Mismatch().check(overview(thisYear, text).withPrevious(lastYear.build())))
                    .singleElement().satisfies(x -> assertThat(x.evidence()).contains("待核实"));
        }

        @Test
        void silentWithoutTheTableOrWhenTheParserCouldNotReadItsMainRows() {
            var ctx = ReportBuilder.valid().noTables().section(SectionKind.OVERVIEW, "收到政府信息公开申请17件。").context();
            assertThat(new TxtT3Mismatch().check(ctx)).isEmpty();
            var misread = ReportBuilder.valid().row("newReceived", 7L, 1L, 0L, 0L, 0L, 0L, null)
                    .parseFinding(RuleId.PARSE_UNCERTAIN, "三.newReceived.total")
                    .section(SectionKind.OVERVIEW, "收到政府信息公开申请17件。").context();
            assertThat(new TxtT3Mismatch().check(misread)).isEmpty();
            var readable = ReportBuilder.valid().section(SectionKind.OVERVIEW, "收到政府信息公开申请17件。").context();
            assertThat(new TxtT3Mismatch().check(readable)).hasSize(1);
        }
    }

    @Nested
    class TxtT2MismatchTest {
        @Test
        void firesForADocumentCountNotInSectionTwo() {
            var f = new TxtT2Mismatch().check(overview(ReportBuilder.valid(), "全年制发行政规范性文件12件。"));
            assertThat(f).singleElement().satisfies(x -> {
                assertThat(x.location()).isEqualTo("二");
                assertThat(x.evidence()).isEqualTo("全年制发行政规范性文件12件");
                assertThat(x.message()).contains("规范性文件本年制发件数10");
            });
        }

        @Test
        void acceptsIssuedRepealedInForceAndIgnoresOtherCounts() {
            String text = """
                    调整废止行政规范性文件11件，现行有效规范性文件39件，全年发布规范性文件10件。
                    备案审查规范性文件15件，完善规章制度3项。
                    行政规范性文件图片化解读达到100%全年按时办结公开信箱群众来信252中国政府网网民留言6件。""";
            assertThat(new TxtT2Mismatch().check(overview(ReportBuilder.valid(), text))).isEmpty();
        }
    }

    @Nested
    class TxtT4MismatchTest {
        @Test
        void firesForAReviewCountNotInSectionFour() {
            var f = new TxtT4Mismatch().check(overview(ReportBuilder.valid(), "全年发生政府信息公开行政复议2件。"));
            assertThat(f).extracting(Finding::rule).containsExactly("TXT-T4-MISMATCH");
        }

        @Test
        void acceptsGroupAndLitigationTotalsAndSkipsUnalignedTables() {
            var b = ReportBuilder.valid().group("review", 1L, 1L, 0L, 0L, 2L).group("litigationDirect", 1L, 0L, 0L, 0L, 1L)
                    .group("litigationAfterReview", 2L, 0L, 1L, 0L, 3L);
            assertThat(new TxtT4Mismatch().check(overview(b, "行政复议2件，行政诉讼4件，其中复议后起诉3件。"))).isEmpty();
            var unaligned = ReportBuilder.valid().group("litigationDirect", (Long[]) null);
            assertThat(new TxtT4Mismatch().check(overview(unaligned, "行政诉讼5件。"))).isEmpty();
        }
    }

    @Test
    void proseQuotesOnlyCountsNextToTheirKeyword() {
        var keyword = java.util.regex.Pattern.compile("申请");
        assertThat(Prose.quotedCounts("收到申请8件", keyword, null)).containsExactly(8L);
        assertThat(Prose.quotedCounts("对6件政府信息公开申请予以答复", keyword, null)).containsExactly(6L);
        assertThat(Prose.quotedCounts("申请答复率100%", keyword, null)).isEmpty();
        assertThat(Prose.quotedCounts("申请的第3条", keyword, null)).isEmpty();
        assertThat(Prose.quotedCounts("申请户外广告设置许可证783条", keyword, Set.of("件", "宗", "份"))).as("items, not applications").isEmpty();
        assertThat(Prose.quotedCounts("申请户外广告设置许可证783条", keyword, null)).containsExactly(783L);
        assertThat(Prose.sentences("第一句。\n第二句；第三句")).isEqualTo(List.of("第一句", "第二句", "第三句"));
    }
}
