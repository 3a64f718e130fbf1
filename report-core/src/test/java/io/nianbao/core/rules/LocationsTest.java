package io.nianbao.core.rules;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LocationsTest {

    @Test
    void aCellReadsAsTheTableRowAndColumnOfTheTemplate() {
        assertThat(Locations.describe("四.litigationAfterReview.total")).isEqualTo("表四“行政诉讼（复议后起诉）”总计");
        assertThat(Locations.describe("三.totalHandled.naturalPerson")).isEqualTo("表三“办理结果总计”自然人");
        assertThat(Locations.describe("三.denied.stateSecret.total")).as("a row key with a dot")
                .isEqualTo("表三“不予公开—属于国家秘密”总计");
        assertThat(Locations.describe("二.licensing.itemsChange")).isEqualTo("表二“行政许可”本年增/减");
    }

    @Test
    void aTableARowOrASectionOfProseReadsAsSuch() {
        assertThat(Locations.describe("三")).isEqualTo("表三");
        assertThat(Locations.describe("三.newReceived")).isEqualTo("表三“本年新收申请”");
        assertThat(Locations.describe("五")).isEqualTo("第五部分");
        assertThat(Locations.describe(null)).isEmpty();
        assertThat(Locations.describe("三.someNewRow.total")).as("a key without a name is kept").isEqualTo("表三“someNewRow”总计");
    }
}
