package io.nianbao.core.rules;

import io.nianbao.core.model.SectionKind;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** TXT-YEAR, TXT-FEE and TXT-THIN. */
class TextRulesTest {

    @Nested
    class TxtYearTest {
        @Test
        void firesForAStatisticalPeriodOfAnotherYear() {
            var ctx = ReportBuilder.valid().section(SectionKind.OVERVIEW,
                    "本报告中所列数据统计期限自2022年1月1日起至2022年12月31日止。\n" + ReportBuilder.OVERVIEW).context();
            assertThat(new TxtYear().check(ctx)).singleElement().satisfies(x -> {
                assertThat(x.expected()).isEqualByComparingTo("2023");
                assertThat(x.actual()).isEqualByComparingTo("2022");
                assertThat(x.evidence()).startsWith("本报告中所列数据统计期限自2022年");
            });
        }

        @Test
        void firesWhenTheOverviewOpensWithAnotherYear() {
            var ctx = ReportBuilder.valid().section(SectionKind.OVERVIEW, "2022 年，我办认真贯彻落实条例。").context();
            assertThat(new TxtYear().check(ctx)).hasSize(1);
        }

        @Test
        void silentForTheRightYearSpansAndLostGlyphs() {
            var ctx = ReportBuilder.valid().section(SectionKind.OVERVIEW,
                    "2019年以来，我办持续推进公开。本报告数据统计时限为202311日至1231。统计期限自2023年1月1日起。").context();
            assertThat(new TxtYear().check(ctx)).isEmpty();
        }
    }

    @Nested
    class TxtFeeTest {
        @Test
        void firesWhenSectionSixSaysNothingOfTheFee() {
            var ctx = ReportBuilder.valid().section(SectionKind.OTHER_MATTERS, "无").context();
            assertThat(new TxtFee().check(ctx)).singleElement().satisfies(x -> assertThat(x.evidence()).isEqualTo("无"));
        }

        @Test
        void firesWhenNoFeeIsClaimedButApplicationsWereDroppedForUnpaidFees() {
            var ctx = ReportBuilder.valid().row("otherHandling.feeUnpaid", 1L, 0L, 0L, 0L, 0L, 0L, 1L).context();
            assertThat(new TxtFee().check(ctx)).singleElement().satisfies(x -> assertThat(x.message()).contains("1件"));
        }

        @Test
        void silentWhenTheFeeIsStatedOrBefore2021() {
            assertThat(new TxtFee().check(ReportBuilder.valid().context())).isEmpty();
            var traditional = ReportBuilder.valid().section(SectionKind.OTHER_MATTERS, "本年度未收取信息處理費。").context();
            assertThat(new TxtFee().check(traditional)).isEmpty();
            var gb2019 = ReportBuilder.valid().year(2020).section(SectionKind.OTHER_MATTERS, "无").context();
            assertThat(new TxtFee().check(gb2019)).isEmpty();
        }

        @Test
        void aFeeStatementInOtherWordsIsAStatement() {
            for (String statement : List.of("2023年度，县发展和改革局政府信息公开未发生收费情况。", "本年度未收取任何费用。",
                    "依申请公开收费0元。", "本机关没有发出收费通知。")) {
                assertThat(new TxtFee().check(ReportBuilder.valid().section(SectionKind.OTHER_MATTERS, statement).context()))
                        .as(statement).isEmpty();
            }
        }
    }

    @Nested
    class TxtThinTest {
        @Test
        void firesForNothingOrAlmostNothing() {
            assertThat(new TxtThin().check(ReportBuilder.valid().section(SectionKind.PROBLEMS, "无").context())).hasSize(1);
            assertThat(new TxtThin().check(ReportBuilder.valid().section(SectionKind.PROBLEMS, "  存在的问题：宣传不够。 ").context())).hasSize(1);
        }

        @Test
        void silentForASubstantialSectionOrAMissingOne() {
            assertThat(new TxtThin().check(ReportBuilder.valid().context())).isEmpty();
            assertThat(new TxtThin().check(ReportBuilder.valid().without(SectionKind.PROBLEMS).context())).isEmpty();
        }
    }
}
