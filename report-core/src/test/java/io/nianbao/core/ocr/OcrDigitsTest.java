package io.nianbao.core.ocr;

import io.nianbao.core.model.Finding;
import io.nianbao.core.model.ParsedReport;
import io.nianbao.core.model.Responsibility;
import io.nianbao.core.rules.ParseUncertain;
import io.nianbao.core.rules.ReportBuilder;
import io.nianbao.core.rules.RuleContext;
import io.nianbao.core.rules.RuleEngine;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What the tables' identities make of digits OCR read: confirmed, left null, or the agency's. */
class OcrDigitsTest {

    private static List<Finding> checked(ParsedReport report) {
        return new RuleEngine().run(RuleContext.of(report));
    }

    @Test
    void aConfidentMisreadThatBreaksARowSumByOneDigitIsNullAndBlamesNoOne() {
        // 予以公开: 1 in the first column, 总计 read 7 where the page says 1.
        ParsedReport read = ReportBuilder.valid().byOcr().row("granted", 1L, 0L, 0L, 0L, 0L, 0L, 7L).build();

        ParsedReport settled = OcrDigits.settle(read);

        assertThat(settled.applications().rows().get("granted")).containsExactly(1L, 0L, 0L, 0L, 0L, 0L, null);
        // Its columns' result sums hold: the other cells of the row are confirmed, not suspected.
        assertThat(settled.parseFindings()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("PARSE-UNCERTAIN");
            assertThat(f.location()).isEqualTo("三.granted.total");
            assertThat(f.evidence()).isEqualTo("7");
            assertThat(f.message()).contains("经OCR识别", "表三“予以公开”总计读作“7”",
                    "表三“予以公开”行各类申请人数量之和等于“总计”", "“总计”列各项办理结果之和等于“办理结果总计”", "请对照原图核对");
        });
        assertThat(checked(settled)).extracting(Finding::responsibility).containsOnly(Responsibility.SYSTEM);
        assertThat(checked(read)).extracting(Finding::rule).contains("T3-ROW-SUM", "T3-RESULT-SUM");
    }

    @Test
    void anIdentityNoOneDigitMendsIsTheAgencysAndItsFindingSaysOcrReadIt() {
        // 本年新收: 7 + 1 is 8, the page says 35: no digit of any cell of the row or the column makes up 27.
        ParsedReport read = ReportBuilder.valid().byOcr().row("newReceived", 7L, 1L, 0L, 0L, 0L, 0L, 35L).build();

        ParsedReport settled = OcrDigits.settle(read);

        assertThat(settled).isEqualTo(read);
        assertThat(checked(settled)).filteredOn(f -> f.rule().equals("T3-ROW-SUM")).singleElement().satisfies(f -> {
            assertThat(f.responsibility()).isEqualTo(Responsibility.AGENCY);
            assertThat(f.location()).isEqualTo("三.newReceived.total");
            assertThat(f.evidence()).startsWith("经OCR识别");
        });
        assertThat(checked(settled)).extracting(Finding::rule).contains("T3-BALANCE");
    }

    @Test
    void anUnconfidentCellItsIdentitiesConfirmIsRestored() {
        ParsedReport read = ReportBuilder.valid().byOcr().row("granted", 1L, 0L, 0L, 0L, 0L, 0L, null)
                .parseFinding(ParseUncertain.unconfident("三.granted.total", "1")).build();

        ParsedReport settled = OcrDigits.settle(read);

        assertThat(settled.applications().rows().get("granted")).containsExactly(1L, 0L, 0L, 0L, 0L, 0L, 1L);
        assertThat(settled.parseFindings()).isEmpty();
        assertThat(checked(settled)).isEmpty();
    }

    @Test
    void unconfidentCellsAreConfirmedOneAfterAnother() {
        // Two unsure cells in one row: 总计 is confirmed by its column first, then the row confirms 自然人.
        ParsedReport read = ReportBuilder.valid().byOcr().row("granted", null, 0L, 0L, 0L, 0L, 0L, null)
                .parseFinding(ParseUncertain.unconfident("三.granted.naturalPerson", "1"))
                .parseFinding(ParseUncertain.unconfident("三.granted.total", "1")).build();

        assertThat(OcrDigits.settle(read).applications().rows().get("granted")).containsExactly(1L, 0L, 0L, 0L, 0L, 0L, 1L);
    }

    @Test
    void anUnconfidentCellWhoseIdentityFailsWithWhatWasSeenStaysNull() {
        ParsedReport read = ReportBuilder.valid().byOcr().row("granted", 1L, 0L, 0L, 0L, 0L, 0L, null)
                .parseFinding(ParseUncertain.unconfident("三.granted.total", "7")).build();

        ParsedReport settled = OcrDigits.settle(read);

        assertThat(settled.applications().rows().get("granted").get(6)).isNull();
        assertThat(settled.parseFindings()).singleElement().satisfies(f -> assertThat(ParseUncertain.isUnconfident(f)).isTrue());
        assertThat(checked(settled)).extracting(Finding::responsibility).containsOnly(Responsibility.SYSTEM);
    }

    @Test
    void anUnconfidentCellInNoIdentityStaysNull() {
        ParsedReport read = ReportBuilder.valid().byOcr().parseFinding(ParseUncertain.unconfident("二.licensing.decisions", "0")).build();

        assertThat(OcrDigits.settle(read).parseFindings()).hasSize(1);
    }

    @Test
    void everyCellOneDigitOfWhichWouldMendTheIdentityIsNull() {
        // 行政复议 150 + 6 + 3 + 0 is 159, 总计 read 459: 159 misread, or 150 for 450; 6, 3 and 0 cannot be 300 off by one digit.
        ParsedReport read = ReportBuilder.valid().byOcr().group("review", 150L, 6L, 3L, 0L, 459L).build();

        ParsedReport settled = OcrDigits.settle(read);

        assertThat(settled.reviewLitigation().groups().get("review")).containsExactly(null, 6L, 3L, 0L, null);
        assertThat(settled.parseFindings()).extracting(Finding::location).containsExactly("四.review.upheld", "四.review.total");
        assertThat(settled.parseFindings()).allSatisfy(f -> assertThat(f.message()).contains("结果维持、结果纠正、其他结果、尚未审结之和等于“总计”"));
        assertThat(settled.parseFindings().getLast().message()).contains("读作“459”");
        assertThat(checked(settled)).extracting(Finding::rule).doesNotContain("T4-SUM");
    }

    @Test
    void aReportNotReadByOcrIsLeftAsItIs() {
        ParsedReport read = ReportBuilder.valid().row("granted", 1L, 0L, 0L, 0L, 0L, 0L, 7L).build();

        assertThat(OcrDigits.settle(read)).isSameAs(read);
    }

    @Test
    void oneDigitApartIsOneSubstitutedAddedOrDroppedDigit() {
        assertThat(OcrDigits.oneDigitApart(159, 459)).isTrue();
        assertThat(OcrDigits.oneDigitApart(0, 7)).isTrue();
        assertThat(OcrDigits.oneDigitApart(1, 11)).isTrue();
        assertThat(OcrDigits.oneDigitApart(105, 15)).isTrue();
        assertThat(OcrDigits.oneDigitApart(10, 0)).isTrue();
        assertThat(OcrDigits.oneDigitApart(23, 32)).isFalse();
        assertThat(OcrDigits.oneDigitApart(6, 306)).isFalse();
        assertThat(OcrDigits.oneDigitApart(8, 8)).isFalse();
        assertThat(OcrDigits.oneDigitApart(3, -7)).isFalse();
    }
}
