package io.nianbao.core.ocr;

import io.nianbao.core.model.Finding;
import io.nianbao.core.model.ParsedReport;
import io.nianbao.core.model.Responsibility;
import io.nianbao.core.rules.ReportBuilder;
import io.nianbao.core.rules.RuleContext;
import io.nianbao.core.rules.RuleEngine;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UnfoundRowsTest {

    @Test
    void aWholeTableIsLeftAsItIs() {
        ParsedReport whole = ReportBuilder.valid().byOcr().build();
        assertThat(UnfoundRows.named(whole)).isSameAs(whole);
    }

    /** A result row lost at a page break must not make the results' sum accuse the agency. */
    @Test
    void aRowNotThereIsOursAndNoSumOverItIsChecked() {
        ParsedReport lost = ReportBuilder.valid().byOcr().removeRow("unavailable.notHeld").build();
        assertThat(new RuleEngine().run(RuleContext.of(lost))).extracting(Finding::rule).contains("T3-RESULT-SUM");

        ParsedReport named = UnfoundRows.named(lost);
        assertThat(named.parseFindings()).singleElement().satisfies(f -> {
            assertThat(f.location()).isEqualTo("三.unavailable.notHeld");
            assertThat(f.responsibility()).isEqualTo(Responsibility.SYSTEM);
            assertThat(f.message()).startsWith("经OCR识别的表格中未找到表三").contains("不据以核对");
        });
        assertThat(new RuleEngine().run(RuleContext.of(named))).extracting(Finding::rule).doesNotContain("T3-RESULT-SUM");
    }
}
