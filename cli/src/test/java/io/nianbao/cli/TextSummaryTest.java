package io.nianbao.cli;

import io.nianbao.core.model.AgencyLevel;
import io.nianbao.core.model.ParsedReport;
import io.nianbao.core.model.ReportMetadata;
import io.nianbao.core.rules.RuleId;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TextSummaryTest {

    private static final ParsedReport REPORT = new ParsedReport(
            new ReportMetadata("淮安市洪泽区人民政府", AgencyLevel.GOVERNMENT, 2024, LocalDate.of(2025, 3, 20)),
            null, List.of(), null, null, null, List.of());

    @Test
    void listsEachFindingWithItsRuleMessageAndEvidence() {
        var finding = RuleId.TXT_T3_MISMATCH.finding("三", "正文所述的17件在表三中找不到对应的数量。", "区政府办代表区政府受理政府信息公开申请17件");
        String text = TextSummary.of(REPORT, List.of(finding));
        assertThat(text).contains("淮安市洪泽区人民政府", "2024年", "发现 1 个问题", "[警告] TXT-T3-MISMATCH 正文与表三数据不一致（表三）",
                "正文所述的17件", "原文：区政府办代表区政府受理政府信息公开申请17件");
    }

    @Test
    void saysSoWhenNothingWasFound() {
        assertThat(TextSummary.of(REPORT, List.of())).contains("未发现问题").doesNotContain("原文");
    }
}
