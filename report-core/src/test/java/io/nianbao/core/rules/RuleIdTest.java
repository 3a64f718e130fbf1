package io.nianbao.core.rules;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class RuleIdTest {

    @Test
    void everyRuleHasAChineseNameOfItsOwn() {
        assertThat(RuleId.values()).allSatisfy(rule -> assertThat(rule.chineseName()).as(rule.id())
                .isNotBlank().matches(".*\\p{IsHan}.*"));
        assertThat(Arrays.stream(RuleId.values()).map(RuleId::chineseName)).doesNotHaveDuplicates();
    }

    @Test
    void aRuleIsFoundByItsCatalogId() {
        assertThat(RuleId.ofId("T3-BALANCE")).contains(RuleId.T3_BALANCE);
        assertThat(RuleId.ofId("XY-REVISED")).contains(RuleId.XY_REVISED);
        assertThat(RuleId.ofId("T3_BALANCE")).as("the enum name is not an id").isEmpty();
        assertThat(RuleId.ofId("NO-SUCH-RULE")).isEmpty();
    }
}
