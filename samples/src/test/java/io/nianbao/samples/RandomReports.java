package io.nianbao.samples;

import io.nianbao.core.model.ApplicationsTable;
import io.nianbao.core.model.ParsedReport;
import io.nianbao.core.model.ProactiveTable;
import io.nianbao.core.model.ReviewLitigationTable;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Reports of either template with random figures: mostly 0 and small counts as real reports have
 * them, now and then a large one, a decimal amount, a negative 本年增/减, and in one report of
 * four some cells left blank. Row totals are the sums of their parts, as in most reports.
 */
final class RandomReports {

    private RandomReports() {
    }

    static Arbitrary<ParsedReport> any() {
        return Arbitraries.randomValue(RandomReports::report);
    }

    static ParsedReport report(Random random) {
        ParsedReport base = random.nextBoolean() ? SampleReports.consistentGb2021() : SampleReports.consistentGb2019();
        boolean withBlanks = random.nextInt(4) == 0;
        Map<String, Map<String, BigDecimal>> proactive = new LinkedHashMap<>();
        base.proactive().rows().forEach((row, cells) -> {
            Map<String, BigDecimal> values = new LinkedHashMap<>();
            cells.forEach((column, sample) -> values.put(column, blank(random, withBlanks) ? null
                    : sample.scale() > 0 ? BigDecimal.valueOf(count(random) * 100L + random.nextInt(100), 2)
                    : column.equals("itemsChange") ? BigDecimal.valueOf(random.nextInt(41) - 20)
                    : BigDecimal.valueOf(count(random))));
            proactive.put(row, values);
        });
        Map<String, List<Long>> applications = new LinkedHashMap<>();
        base.applications().rows().keySet().forEach(row -> applications.put(row, withTotal(random, withBlanks, 6)));
        Map<String, List<Long>> review = new LinkedHashMap<>();
        ReviewLitigationTable.GROUPS.forEach(group -> review.put(group, withTotal(random, withBlanks, 4)));
        return new ParsedReport(base.meta(), base.template(), base.sections(), new ProactiveTable(proactive),
                new ApplicationsTable(applications), new ReviewLitigationTable(review), List.of());
    }

    /** Parts and their total; a blank part counts as 0, as the template reads it. */
    private static List<Long> withTotal(Random random, boolean withBlanks, int parts) {
        List<Long> row = new ArrayList<>();
        long total = 0;
        for (int i = 0; i < parts; i++) {
            Long part = blank(random, withBlanks) ? null : count(random);
            row.add(part);
            total += part == null ? 0 : part;
        }
        row.add(blank(random, withBlanks) ? null : total);
        return row;
    }

    private static boolean blank(Random random, boolean withBlanks) {
        return withBlanks && random.nextInt(10) == 0;
    }

    private static long count(Random random) {
        int kind = random.nextInt(20);
        return kind < 9 ? 0 : kind < 15 ? 1 + random.nextInt(9) : kind < 19 ? 10 + random.nextInt(990) : 1000 + random.nextInt(99_000);
    }
}
