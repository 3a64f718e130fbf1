package io.nianbao.core.rules;

import io.nianbao.core.model.ParsedReport;
import io.nianbao.core.model.ReviewLitigationTable;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** TXT-T4-MISMATCH: a review or litigation count quoted in the prose that section 四 cannot account for. */
public final class TxtT4Mismatch extends NarrativeRule {

    private static final Pattern KEYWORD = Pattern.compile("复议|诉讼");
    private static final int TOTAL = ReviewLitigationTable.COLUMNS.indexOf("total");

    @Override
    public RuleId id() { return RuleId.TXT_T4_MISMATCH; }

    @Override
    Pattern keyword() { return KEYWORD; }

    @Override
    boolean about(String clause) { return true; }

    @Override
    List<String> reliedOn() { return List.of("四"); }

    /** Reviews and suits are counted in 件, 起, 宗. */
    @Override
    Set<String> units() { return CASE_UNITS; }

    private static final Set<String> CASE_UNITS = Set.of("件", "起", "宗");

    @Override
    String table() { return "四"; }

    /** Null unless all three groups are aligned: a count may name any group or their sums. */
    @Override
    Set<Long> plausible(ParsedReport report) {
        List<List<Long>> groups = groups(report);
        if (groups == null) {
            return null;
        }
        Set<Long> out = new HashSet<>();
        for (List<Long> g : groups) {
            g.forEach(c -> out.add(Cells.value(c)));
            out.add(Cells.sum(g, 0, TOTAL));
        }
        // Per column (and total): litigation as a whole, and review plus litigation.
        for (int c = 0; c <= TOTAL; c++) {
            long litigation = Cells.value(Cells.at(groups.get(1), c)) + Cells.value(Cells.at(groups.get(2), c));
            out.add(litigation);
            out.add(litigation + Cells.value(Cells.at(groups.get(0), c)));
        }
        return out;
    }

    @Override
    String summary(ParsedReport report) {
        List<List<Long>> groups = groups(report);
        return "行政复议总计" + Cells.total(groups.get(0), TOTAL) + "件，行政诉讼总计" + (Cells.total(groups.get(1), TOTAL) + Cells.total(groups.get(2), TOTAL)) + "件";
    }

    private static List<List<Long>> groups(ParsedReport report) {
        ReviewLitigationTable t = report.reviewLitigation();
        if (t == null || t.groups() == null) {
            return null;
        }
        List<List<Long>> groups = ReviewLitigationTable.GROUPS.stream().map(t.groups()::get).toList();
        return groups.contains(null) ? null : groups;
    }
}
