package io.nianbao.notify.web;

import io.nianbao.notify.web.TrendTable.Cell;
import io.nianbao.notify.web.TrendTable.Count;
import io.nianbao.notify.web.TrendTable.Row;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TrendTableTest {

    private static final List<Count> COUNTS = List.of(
            new Count(2024, "T3-BALANCE", 2, 2),
            new Count(2022, "T3-BALANCE", 5, 3),
            new Count(2024, "TXT-THIN", 4, 1),
            new Count(2023, "T4-SUM", 1, 1),
            new Count(2022, null, 8, 3),
            new Count(2023, null, 1, 1),
            new Count(2024, null, 6, 4));

    @Test
    void everyYearPresentIsAColumnInOrder() {
        TrendTable table = TrendTable.of(COUNTS);

        assertThat(table.years()).containsExactly(2022, 2023, 2024);
        assertThat(table.reports()).containsExactly(3L, 1L, 4L);
    }

    @Test
    void rowsAreOrderedByTheLastYearThenByAllYears() {
        assertThat(TrendTable.of(COUNTS).rows()).extracting(Row::ruleId).containsExactly("TXT-THIN", "T3-BALANCE", "T4-SUM");
    }

    @Test
    void aYearWithoutFindingsCountsZeroAndChangesAreFromTheYearBefore() {
        Row balance = TrendTable.of(COUNTS).rows().get(1);

        assertThat(balance.label()).isEqualTo("T3-BALANCE 申请收支不平衡");
        assertThat(balance.cells()).containsExactly(new Cell(2022, 5, null), new Cell(2023, 0, -5L), new Cell(2024, 2, 2L));
        assertThat(balance.cells()).extracting(Cell::changeText).containsExactly("", "▼5", "▲2");
        assertThat(balance.cells()).extracting(Cell::changeClass).containsExactly("same", "down", "up");
        assertThat(new Cell(2024, 3, 0L).changeText()).isEqualTo("持平");
    }

    @Test
    void aRuleOfNoneOfOurIdsKeepsItsId() {
        Row unknown = TrendTable.of(List.of(new Count(2024, "X-NEW", 1, 0), new Count(2024, null, 1, 1))).rows().getFirst();

        assertThat(unknown.label()).isEqualTo("X-NEW");
    }

    @Test
    void theSparklineRunsAcrossWithTheHighestCountAtTheTop() {
        assertThat(TrendTable.sparkline(List.of(5L, 0L, 2L))).isEqualTo("0,2 48,22 96,14");
        assertThat(TrendTable.sparkline(List.of(3L))).as("one year: a flat line").isEqualTo("0,2 96,2");
        assertThat(TrendTable.sparkline(List.of(0L, 0L))).isEqualTo("0,22 96,22");
    }

    @Test
    void noCountsNoYears() {
        TrendTable empty = TrendTable.of(List.of());

        assertThat(empty.years()).isEmpty();
        assertThat(empty.rows()).isEmpty();
    }
}
