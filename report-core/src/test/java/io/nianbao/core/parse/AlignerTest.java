package io.nianbao.core.parse;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AlignerTest {

    private static final List<Aligner.Identity> GROUPS = List.of(
            new Aligner.Identity(new int[]{0, 1, 2, 3}, 4),
            new Aligner.Identity(new int[]{5, 6, 7, 8}, 9),
            new Aligner.Identity(new int[]{10, 11, 12, 13}, 14));

    private static List<Cell> cells(String... raw) {
        return Arrays.stream(raw).map(r -> CellReader.read(r, 0)).toList();
    }

    private static List<String> raw(List<Cell> cells) {
        return cells.stream().map(c -> c == null ? null : c.raw()).toList();
    }

    @Test
    void fourteenCellsThatFitSeveralWaysAreNotGuessed() {
        // Luhe 2020: one blank lost; it may have stood in the first two groups.
        Aligner.Result r = Aligner.align(cells("0", "0", "0", "0", "0", "1", "0", "0", "1", "0", "0", "0", "0", "0"), 15, GROUPS);
        assertThat(r.inferred()).isFalse();
        assertThat(r.certainUpTo()).isLessThan(10);
        assertThat(r.cells().subList(5, 15)).containsOnlyNulls();
    }

    @Test
    void theSumsSingleOutTheOnlyAlignment() {
        // A stray cell (a page number caught in the row): only dropping the "7" keeps every group sum.
        Aligner.Result r = Aligner.align(cells("3", "2", "0", "4", "9", "7", "1", "2", "0", "0", "3", "5", "1", "0", "0", "6"), 15, GROUPS);
        assertThat(r.inferred()).isTrue();
        assertThat(raw(r.cells())).containsExactly("3", "2", "0", "4", "9", "1", "2", "0", "0", "3", "5", "1", "0", "0", "6");
    }

    @Test
    void aRowOfTheRightLengthIsTakenAsItIs() {
        List<Cell> row = cells("1", "2", "3", "4", "10", "0", "0", "0", "0", "0", "0", "0", "0", "0", "5");
        Aligner.Result r = Aligner.align(row, 15, GROUPS);
        assertThat(r.exact()).isTrue();
        assertThat(r.cells()).isEqualTo(row);
    }

    @Test
    void farTooFewCellsAreNotAligned() {
        Aligner.Result r = Aligner.align(cells("1", "2"), 15, GROUPS);
        assertThat(r.cells()).hasSize(15).containsOnlyNulls();
    }
}
