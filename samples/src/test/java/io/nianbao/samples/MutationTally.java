package io.nianbao.samples;

import io.nianbao.core.model.Finding;
import io.nianbao.core.model.ParsedReport;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What became of the cells over many mutated readings, per mutation: cells right, left unread
 * with a finding naming them, and wrong (which a test fails on at once). Cells the unmutated
 * reading could not read either are not counted: a mutation cannot be blamed for them.
 */
final class MutationTally {

    private record Counts(int[] values) {
        Counts() {
            this(new int[4]);
        }
    }

    private final Map<String, Counts> byMutation = new TreeMap<>();

    /** Cells read wrong, and cells left unread (with a finding naming them). */
    record Outcome(List<String> wrong, List<String> unread) {
    }

    /** Judges a reading against what the report says, for the cells its unmutated reading got right, and counts. */
    synchronized Outcome count(Mutation<?> mutation, Map<String, BigDecimal> expected, ParsedReport unmutated,
                               ParsedReport read) {
        Counts counts = byMutation.computeIfAbsent(mutation.toString(), k -> new Counts());
        counts.values()[0]++;
        Map<String, BigDecimal> before = ReadCells.of(unmutated);
        Map<String, BigDecimal> after = ReadCells.of(read);
        List<Finding> findings = read.parseFindings();
        List<String> wrong = new ArrayList<>();
        List<String> unread = new ArrayList<>();
        expected.forEach((cell, value) -> {
            if (ReadCells.judge(cell, value, before, unmutated.parseFindings()) != ReadCells.Verdict.RIGHT) {
                return;
            }
            switch (ReadCells.judge(cell, value, after, findings)) {
                case RIGHT -> counts.values()[1]++;
                case NULL_WITH_FINDING -> {
                    counts.values()[2]++;
                    unread.add(cell);
                }
                case WRONG -> {
                    counts.values()[3]++;
                    wrong.add(cell + ": " + value + " read as " + (after.containsKey(cell) ? after.get(cell) : "nothing"));
                }
            }
        });
        return new Outcome(wrong, unread);
    }

    /** Share of the counted cells read right, over all mutations. */
    synchronized double readShare() {
        long right = byMutation.values().stream().mapToLong(c -> c.values()[1]).sum();
        long all = byMutation.values().stream().mapToLong(c -> c.values()[1] + c.values()[2] + c.values()[3]).sum();
        return all == 0 ? 1 : (double) right / all;
    }

    synchronized int tried() {
        return byMutation.values().stream().mapToInt(c -> c.values()[0]).sum();
    }

    /** One line per mutation and a total: mutations tried, cells right, null with a finding, wrong. */
    synchronized String table(String title) {
        StringBuilder out = new StringBuilder(title).append('\n');
        int[] total = new int[4];
        byMutation.forEach((name, c) -> {
            out.append(String.format("  %-70s tried %4d  cells right %6d  null with finding %5d  wrong %d%n", name,
                    c.values()[0], c.values()[1], c.values()[2], c.values()[3]));
            for (int i = 0; i < 4; i++) {
                total[i] += c.values()[i];
            }
        });
        return out.append(String.format("  %-70s tried %4d  cells right %6d  null with finding %5d  wrong %d  (%.1f%% read)",
                "all", total[0], total[1], total[2], total[3], 100 * readShare())).toString();
    }
}
