package io.nianbao.core.rules;

import io.nianbao.core.model.Finding;
import io.nianbao.core.model.SectionKind;
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

    @Test
    void runsEveryReportLevelRuleOfTheCatalog() {
        List<RuleId> parserOwned = List.of(RuleId.TBL_SHAPE, RuleId.CELL_INVALID, RuleId.CELL_UNIT, RuleId.PARSE_UNCERTAIN);
        List<RuleId> expected = Arrays.stream(RuleId.values())
                .filter(r -> !parserOwned.contains(r) && r != RuleId.PUB_MISSING).toList();
        assertThat(new RuleEngine().rules().stream().map(ReportRule::id)).containsExactlyElementsOf(expected);
    }

    @Test
    void ruleIdsAreTheCatalogSpelling() {
        assertThat(RuleId.T3_RESULT_SUM.id()).isEqualTo("T3-RESULT-SUM");
        assertThat(RuleId.PARSE_UNCERTAIN.responsibility().name()).isEqualTo("SYSTEM");
    }
}
