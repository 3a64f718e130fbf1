package io.nianbao.ingest.intake;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ReportIdSetTest {

    private final ReportIdSet ids = new ReportIdSet();

    @Test
    void addsRemovesAndKnowsIds() {
        String id = ReportIntake.reportId("agency-1", 2024, "ab".repeat(32));

        assertThat(ids.contains(id)).isFalse();
        assertThat(ids.add(id)).isTrue();
        assertThat(ids.add(id)).as("a second add of the same id").isFalse();
        assertThat(ids.contains(id)).isTrue();
        assertThat(ids.remove(id)).isTrue();
        assertThat(ids.remove(id)).isFalse();
        assertThat(ids.contains(id)).isFalse();
        assertThat(ids.size()).isZero();
    }

    @Test
    void keepsIdsThatAreNotHexDigestsApartFromOnesThatAre() {
        String hex = "0123456789abcdef0123456789abcdef";
        List<String> others = List.of(hex.toUpperCase(), "report-7", "", "年报", hex + "0", hex.substring(1));

        assertThat(ids.add(hex)).isTrue();
        for (String other : others) {
            assertThat(ids.contains(other)).as(other).isFalse();
            assertThat(ids.add(other)).as(other).isTrue();
        }
        assertThat(ids.size()).isEqualTo(1 + others.size());
    }

    @Test
    void holdsTheKeyThatLooksLikeAFreeSlot() {
        String zero = "0".repeat(32);

        assertThat(ids.contains(zero)).isFalse();
        assertThat(ids.add(zero)).isTrue();
        assertThat(ids.add(zero)).isFalse();
        assertThat(ids.contains(zero)).isTrue();
        assertThat(ids.size()).isEqualTo(1);
        assertThat(ids.remove(zero)).isTrue();
        assertThat(ids.contains(zero)).isFalse();
    }

    /**
     * Many ids through growth, with removals in between, answer as a {@link HashSet} does. Ids that
     * share their home slot (the same halves, swapped) make long probe runs, so removals
     * must close gaps inside runs.
     */
    @Test
    void answersAsAHashSetDoesThroughGrowthAndRemovals() {
        Random random = new Random(20241124);
        Set<String> expected = new HashSet<>();
        List<String> added = new ArrayList<>();
        for (int i = 0; i < 60_000; i++) {
            String id = i % 3 == 0 && !added.isEmpty() ? swap(added.getLast()) : hex(random.nextLong(), random.nextLong());
            assertThat(ids.add(id)).isEqualTo(expected.add(id));
            added.add(id);
            if (i % 5 == 0) {
                String gone = added.get(random.nextInt(added.size()));
                assertThat(ids.remove(gone)).isEqualTo(expected.remove(gone));
            }
        }
        assertThat(ids.size()).isEqualTo(expected.size());
        for (String id : added) {
            assertThat(ids.contains(id)).as(id).isEqualTo(expected.contains(id));
        }
        for (int i = 0; i < 10_000; i++) {
            assertThat(ids.contains(hex(random.nextLong(), random.nextLong()))).isFalse();
        }
    }

    private static String hex(long high, long low) {
        return "%016x%016x".formatted(high, low);
    }

    /** The id with its halves swapped: a different key with the same home slot. */
    private static String swap(String id) {
        return id.substring(16) + id.substring(0, 16);
    }
}
