package io.nianbao.core.rules;

import io.nianbao.core.model.ApplicationsTable;
import io.nianbao.core.model.Finding;
import io.nianbao.core.model.ParsedReport;
import io.nianbao.core.model.Section;
import io.nianbao.core.model.SectionKind;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * XY-COPY: the prose of sections 一 and 五 is at least 80% the same as last year's (Jaccard
 * similarity of character 5-grams), or all three tables repeat last year's numbers. Tables of
 * nothing but zeros are the same every year for many townships and are not a copy.
 */
public final class XyCopy implements ReportRule {

    private static final int SHINGLE = 5;
    private static final double THRESHOLD = 0.8;
    /** Below this many shingles a text is too short for similarity to mean anything. */
    private static final int MINIMUM_SHINGLES = 50;

    @Override
    public RuleId id() { return RuleId.XY_COPY; }

    @Override
    public List<Finding> check(RuleContext ctx) {
        ParsedReport last = Reports.lastYear(ctx);
        if (last == null) {
            return List.of();
        }
        Set<String> now = Prose.shingles(prose(ctx.report()), SHINGLE);
        Set<String> before = Prose.shingles(prose(last), SHINGLE);
        if (now.size() >= MINIMUM_SHINGLES && before.size() >= MINIMUM_SHINGLES) {
            double similarity = jaccard(now, before);
            if (similarity >= THRESHOLD) {
                return List.of(id().finding("一", Reports.name(SectionKind.OVERVIEW) + "和" + Reports.name(SectionKind.PROBLEMS)
                        + "与上一年度报告的文字相似度达" + Math.round(similarity * 100) + "%，疑似照搬上年报告。", null));
            }
        }
        if (sameNumbers(ctx.report(), last)) {
            return List.of(id().finding("三", "表二、表三、表四的数据与上一年度报告完全相同，疑似照搬上年数据。", null));
        }
        return List.of();
    }

    private static String prose(ParsedReport r) {
        return Reports.sections(r).stream()
                .filter(s -> s.kind() == SectionKind.OVERVIEW || s.kind() == SectionKind.PROBLEMS)
                .map(Section::text).filter(Objects::nonNull).collect(Collectors.joining("\n"));
    }

    private static double jaccard(Set<String> a, Set<String> b) {
        Set<String> union = new HashSet<>(a);
        union.addAll(b);
        long common = a.stream().filter(b::contains).count();
        return union.isEmpty() ? 0 : (double) common / union.size();
    }

    private static boolean sameNumbers(ParsedReport now, ParsedReport last) {
        if (now.applications() == null || now.proactive() == null || now.reviewLitigation() == null) {
            return false;
        }
        boolean anyCount = Cells.applicationRows(now).values().stream()
                .anyMatch(row -> Cells.sum(row, 0, ApplicationsTable.COLUMNS.size()) != 0);
        return anyCount
                && now.proactive().equals(last.proactive())
                && now.applications().equals(last.applications())
                && now.reviewLitigation().equals(last.reviewLitigation());
    }
}
