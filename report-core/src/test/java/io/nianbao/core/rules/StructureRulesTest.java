package io.nianbao.core.rules;

import io.nianbao.core.model.Finding;
import io.nianbao.core.model.SectionKind;
import io.nianbao.core.model.Severity;
import io.nianbao.core.model.Template;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** SEC-*, FMT-*, TBL-MISSING and CELL-BLANK. */
class StructureRulesTest {

    private static final ReportBuilder VALID = ReportBuilder.valid();

    @Nested
    class SecMissingTest {
        @Test
        void firesForEachAbsentSection() {
            List<Finding> f = new SecMissing().check(ReportBuilder.valid().without(SectionKind.PROBLEMS).without(SectionKind.OTHER_MATTERS).context());
            assertThat(f).extracting(Finding::location).containsExactly("五", "六");
            assertThat(f.getFirst().severity()).isEqualTo(Severity.ERROR);
            assertThat(f.getFirst().message()).contains("存在的主要问题及改进情况");
        }

        @Test
        void silentWhenAllSixArePresent() {
            assertThat(new SecMissing().check(VALID.context())).isEmpty();
        }
    }

    @Nested
    class SecOrderTest {
        @Test
        void firesWhenTopLevelNumeralsAreReusedInsideTheOverview() {
            var ctx = ReportBuilder.valid().section(SectionKind.OVERVIEW, """
                    2023年磁钟乡按照要求推进公开。
                    一、主动公开情况
                    共发布各类信息21条。
                    二、依申请公开办理情况
                    未收到申请。""").context();
            List<Finding> f = new SecOrder().check(ctx);
            assertThat(f).singleElement().satisfies(x -> {
                assertThat(x.location()).isEqualTo("一");
                assertThat(x.evidence()).contains("二、依申请公开办理情况");
            });
        }

        @Test
        void firesForSectionsOutOfOrderOrDuplicated() {
            var b = new ReportBuilder();
            for (SectionKind k : List.of(SectionKind.OVERVIEW, SectionKind.APPLICATIONS, SectionKind.PROACTIVE,
                    SectionKind.REVIEW_LITIGATION, SectionKind.REVIEW_LITIGATION, SectionKind.PROBLEMS, SectionKind.OTHER_MATTERS)) {
                b.appendSection(k, k.templateHeading(), "");
            }
            assertThat(new SecOrder().check(b.context())).extracting(Finding::location).containsExactly("二", "四");
        }

        @Test
        void silentForSubheadingsWithParentheses() {
            assertThat(new SecOrder().check(VALID.context())).isEmpty();
        }
    }

    @Nested
    class SecHeadingTest {
        @Test
        void firesForOtherWording() {
            var ctx = ReportBuilder.valid().section(SectionKind.PROBLEMS, "五、存在的主要問題及改進措施", ReportBuilder.PROBLEMS).context();
            assertThat(new SecHeading().check(ctx)).singleElement()
                    .satisfies(x -> assertThat(x.severity()).isEqualTo(Severity.INFO))
                    .satisfies(x -> assertThat(x.message()).contains("存在的主要问题及改进措施", "五、存在的主要问题及改进情况"));
        }

        @Test
        void firesForALostNumeral() {
            var ctx = ReportBuilder.valid().section(SectionKind.PROACTIVE, "、主动公开政府信息情况", "").context();
            assertThat(new SecHeading().check(ctx)).hasSize(1);
        }

        @Test
        void silentForTraditionalCharactersFullWidthFormsAndSpaces() {
            var ctx = ReportBuilder.valid()
                    .section(SectionKind.OVERVIEW, "一、總體情況", ReportBuilder.OVERVIEW)
                    .section(SectionKind.REVIEW_LITIGATION, " 四、政府信息公开行政复议、行政诉讼情况 ", "").context();
            assertThat(new SecHeading().check(ctx)).isEmpty();
        }
    }

    @Nested
    class FmtVersionTest {
        @Test
        void firesForTheSingleOtherHandlingRowInA2023Report() {
            var ctx = ReportBuilder.valid().removeRow("otherHandling.noCorrection").removeRow("otherHandling.feeUnpaid")
                    .removeRow("otherHandling.other").row("otherHandling", ReportBuilder.zeros()).context();
            assertThat(new FmtVersion().check(ctx)).singleElement()
                    .satisfies(x -> assertThat(x.location()).isEqualTo("三"))
                    .satisfies(x -> assertThat(x.message()).contains("2023年度", "其他处理"));
        }

        @Test
        void firesForGb2019ColumnsInA2023Report() {
            var ctx = ReportBuilder.valid().clearProactive().proactive("normativeDocuments", "made", 4)
                    .proactive("normativeDocuments", "published", 4).proactive("normativeDocuments", "totalPublished", 10).context();
            assertThat(new FmtVersion().check(ctx)).extracting(Finding::location).containsExactly("二");
        }

        @Test
        void firesForGb2021TablesInA2020Report() {
            assertThat(new FmtVersion().check(ReportBuilder.valid().year(2020).context())).hasSize(2);
        }

        @Test
        void silentWhenTablesFollowTheYearsTemplateOrTheYearIsUnknown() {
            assertThat(new FmtVersion().check(VALID.context())).isEmpty();
            assertThat(new FmtVersion().check(ReportBuilder.valid().year(null).template(Template.GB2019).context())).isEmpty();
        }
    }

    @Nested
    class FmtBasisTest {
        private static final String CITING = "根据国办公开办函〔2019〕60号的要求编制本报告。\n" + ReportBuilder.OVERVIEW;

        @Test
        void firesWhenA2021OrLaterReportCitesThe2019Notice() {
            var ctx = ReportBuilder.valid().section(SectionKind.OVERVIEW, CITING).context();
            assertThat(new FmtBasis().check(ctx)).singleElement()
                    .satisfies(x -> assertThat(x.evidence()).contains("〔2019〕60号"));
        }

        @Test
        void silentBefore2021AndWithoutCitation() {
            assertThat(new FmtBasis().check(ReportBuilder.valid().year(2020).section(SectionKind.OVERVIEW, CITING).context())).isEmpty();
            assertThat(new FmtBasis().check(VALID.context())).isEmpty();
        }
    }

    @Nested
    class TblMissingTest {
        @Test
        void firesForEachTableMissing() {
            assertThat(new TblMissing().check(ReportBuilder.valid().noTables().context()))
                    .extracting(Finding::location).containsExactly("二", "三", "四");
        }

        @Test
        void silentWhenTablesArePresentOrTheParserReportedTheirShape() {
            assertThat(new TblMissing().check(VALID.context())).isEmpty();
            var shaped = ReportBuilder.valid().noTables().parseFinding(RuleId.TBL_SHAPE, "二")
                    .parseFinding(RuleId.TBL_SHAPE, "三").parseFinding(RuleId.TBL_SHAPE, "四").context();
            assertThat(new TblMissing().check(shaped)).isEmpty();
        }
    }

    @Nested
    class CellBlankTest {
        @Test
        void firesOncePerTableListingTheBlanks() {
            var ctx = ReportBuilder.valid()
                    .row("carriedOver", 0L, 0L, 0L, 0L, 0L, 0L, null)
                    .row("carriedForward", 0L, null, 0L, 0L, 0L, 0L, null)
                    .proactive("fees", "amountTenThousandYuan", null).context();
            List<Finding> f = new CellBlank().check(ctx);
            assertThat(f).extracting(Finding::location).containsExactly("二", "三");
            assertThat(f.get(1).evidence()).isEqualTo("三.carriedOver.total, 三.carriedForward.commercial, 三.carriedForward.total");
            assertThat(f.get(1).message()).contains("3个单元格", "表三“上年结转申请”行“总计”列");
        }

        @Test
        void silentForUnreadableCellsAndUnalignedGroups() {
            var ctx = ReportBuilder.valid()
                    .row("carriedOver", 0L, 0L, 0L, 0L, 0L, 0L, null)
                    .parseFinding(RuleId.PARSE_UNCERTAIN, "三.carriedOver.total")
                    .group("litigationDirect", (Long[]) null).context();
            assertThat(new CellBlank().check(ctx)).isEmpty();
        }
    }
}
