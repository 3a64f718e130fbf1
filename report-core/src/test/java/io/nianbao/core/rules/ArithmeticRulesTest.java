package io.nianbao.core.rules;

import io.nianbao.core.model.Finding;
import io.nianbao.core.model.Severity;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/** T3-BALANCE, T3-RESULT-SUM, T3-ROW-SUM and T4-SUM. */
class ArithmeticRulesTest {

    @Nested
    class T3BalanceTest {
        @Test
        void firesPerColumnWithExpectedAndActual() {
            // 877 received, 867 handled or carried forward: the example of check-output.md.
            var ctx = ReportBuilder.valid()
                    .row("newReceived", 800L, 0L, 0L, 0L, 0L, 0L, 800L).row("carriedOver", 77L, 0L, 0L, 0L, 0L, 0L, 77L)
                    .row("totalHandled", 800L, 0L, 0L, 0L, 0L, 0L, 800L).row("carriedForward", 67L, 0L, 0L, 0L, 0L, 0L, 67L)
                    .context();
            var f = new T3Balance().check(ctx);
            assertThat(f).extracting(Finding::location).containsExactly("三.naturalPerson", "三.total");
            Finding total = f.get(1);
            assertThat(total.expected()).isEqualByComparingTo(BigDecimal.valueOf(877));
            assertThat(total.actual()).isEqualByComparingTo(BigDecimal.valueOf(867));
            assertThat(total.message()).contains("第一项加第二项之和（877）不等于第三项加第四项之和（867）");
            assertThat(total.severity()).isEqualTo(Severity.ERROR);
        }

        @Test
        void countsBlankCellsAsZero() {
            var ctx = ReportBuilder.valid().row("carriedOver", null, null, null, null, null, null, null).context();
            assertThat(new T3Balance().check(ctx)).isEmpty();
        }

        @Test
        void silentWhenBalancedOrACellIsUncertain() {
            assertThat(new T3Balance().check(ReportBuilder.valid().context())).isEmpty();
            var uncertain = ReportBuilder.valid().row("newReceived", 7L, 1L, 0L, 0L, 0L, 0L, null)
                    .parseFinding(RuleId.PARSE_UNCERTAIN, "三.newReceived.total").context();
            assertThat(new T3Balance().check(uncertain)).isEmpty();
        }
    }

    @Nested
    class T3ResultSumTest {
        @Test
        void firesWhenResultsDoNotAddUpToTotalHandled() {
            var ctx = ReportBuilder.valid().row("notProcessed.repeated", 4L, 0L, 0L, 0L, 0L, 0L, 4L).context();
            var f = new T3ResultSum().check(ctx);
            assertThat(f).extracting(Finding::location).containsExactly("三.totalHandled.naturalPerson", "三.totalHandled.total");
            assertThat(f.get(1).expected()).isEqualByComparingTo("12");
            assertThat(f.get(1).actual()).isEqualByComparingTo("8");
        }

        @Test
        void acceptsTheSingleGb2019OtherHandlingRow() {
            var ctx = ReportBuilder.valid().removeRow("otherHandling.noCorrection").removeRow("otherHandling.feeUnpaid")
                    .removeRow("otherHandling.other").row("otherHandling", 1L, 0L, 0L, 0L, 0L, 0L, 1L)
                    .row("totalHandled", 8L, 1L, 0L, 0L, 0L, 0L, 9L).context();
            assertThat(new T3ResultSum().check(ctx)).isEmpty();
        }

        @Test
        void silentWhenTheResultsAddUp() {
            assertThat(new T3ResultSum().check(ReportBuilder.valid().context())).isEmpty();
        }
    }

    @Nested
    class T3RowSumTest {
        @Test
        void firesForARowWhoseTotalIsNotTheSumOfItsColumns() {
            var ctx = ReportBuilder.valid().row("granted", 1L, 1L, 0L, 0L, 0L, 0L, 1L).context();
            assertThat(new T3RowSum().check(ctx)).singleElement().satisfies(x -> {
                assertThat(x.location()).isEqualTo("三.granted.total");
                assertThat(x.expected()).isEqualByComparingTo("2");
                assertThat(x.actual()).isEqualByComparingTo("1");
                assertThat(x.message()).contains("予以公开");
            });
        }

        @Test
        void silentWhenRowsAddUpOrTheRowIsUncertain() {
            assertThat(new T3RowSum().check(ReportBuilder.valid().context())).isEmpty();
            var ctx = ReportBuilder.valid().row("granted", 1L, null, 0L, 0L, 0L, 0L, 11L)
                    .parseFinding(RuleId.PARSE_UNCERTAIN, "三.granted.commercial").context();
            assertThat(new T3RowSum().check(ctx)).isEmpty();
        }
    }

    @Nested
    class T4SumTest {
        @Test
        void firesWhenTheTotalIsNotTheSumOfOutcomes() {
            // Hongze 2023: review 10+1+0+0 with a total of 0.
            var ctx = ReportBuilder.valid().group("review", 10L, 1L, 0L, 0L, 0L).context();
            assertThat(new T4Sum().check(ctx)).singleElement().satisfies(x -> {
                assertThat(x.location()).isEqualTo("四.review.total");
                assertThat(x.expected()).isEqualByComparingTo("11");
                assertThat(x.actual()).isEqualByComparingTo("0");
            });
        }

        @Test
        void silentForConsistentAndUnalignedGroups() {
            var ctx = ReportBuilder.valid().group("review", 1L, 1L, 0L, 0L, 2L).group("litigationDirect", (Long[]) null).context();
            assertThat(new T4Sum().check(ctx)).isEmpty();
        }
    }
}
