package io.nianbao.core.rules;

import io.nianbao.core.model.Finding;
import io.nianbao.core.model.ParsedReport;
import io.nianbao.core.model.Section;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The TXT-T*-MISMATCH rules: a count quoted in the prose must be one of the quantities the table
 * can plausibly name. Prose counts on many bases ("受理申请749件" may be new applications or new
 * plus carried over), so a count is compared with every such quantity, and only a count matching
 * none of them is a mismatch — a WARNING quoting the sentence, since the scope may differ.
 */
abstract class NarrativeRule implements ReportRule {

    /** A clause comparing with last year quotes a change ("同比下降5件"), not a count. */
    private static final Pattern LAST_YEAR = Pattern.compile("上年|去年|上一年|前一年");
    private static final Pattern CHANGE = Pattern.compile("同比|环比|较上年|比上年|增长|增加|减少|下降|上升");

    /** The words that name the table's quantity in a clause, e.g. "申请". */
    abstract Pattern keyword();

    /** Whether a clause mentioning the keyword is about this table at all. */
    abstract boolean about(String clause);

    /** Every quantity a count in the prose may name; null when the table cannot be compared. */
    abstract Set<Long> plausible(ParsedReport report);

    /** The table's main figures, for the message ("本年新收申请95件"). */
    abstract String summary(ParsedReport report);

    /** The table numeral, e.g. "三". */
    abstract String table();

    /**
     * The rows or groups whose figures most quotes name ("三.newReceived"): when the parser could
     * not read them, a quote matching nothing may be our misreading, so the rule stays silent.
     */
    abstract List<String> reliedOn();

    /** The units a count of this table is quoted in; null: any count unit. */
    Set<String> units() {
        return null;
    }

    @Override
    public List<Finding> check(RuleContext ctx) {
        ParsedReport r = ctx.report();
        Set<Long> thisYear = plausible(r);
        if (thisYear == null || reliedOn().stream().anyMatch(ctx::uncertainWithin)) {
            return List.of();
        }
        // A clause about last year ("上年受理申请12件") may quote last year's figures, where they are known.
        Set<Long> lastYear = ctx.previous() == null ? null : plausible(ctx.previous());
        Set<Long> eitherYear = thisYear;
        if (lastYear != null) {
            eitherYear = new HashSet<>(thisYear);
            eitherYear.addAll(lastYear);
        }
        String yearBefore = r.meta() == null || r.meta().year() == null ? null : (r.meta().year() - 1) + "年";
        List<Finding> out = new ArrayList<>();
        for (Section s : Reports.sections(r)) {
            for (String sentence : ctx.sentences(s)) {
                Set<Long> unmatched = new LinkedHashSet<>();
                for (String clause : Prose.clauses(sentence)) {
                    if (keyword().matcher(clause).find() && about(clause) && !mentionsAny(clause, CHANGE)) {
                        Set<Long> plausible = aboutLastYear(clause, yearBefore) ? eitherYear : thisYear;
                        Prose.quotedCounts(clause, keyword(), units()).stream().filter(n -> !plausible.contains(n)).forEach(unmatched::add);
                    }
                }
                if (!unmatched.isEmpty()) {
                    String counts = unmatched.stream().map(n -> n + "件").collect(Collectors.joining("、"));
                    out.add(id().finding(table(), null, BigDecimal.valueOf(unmatched.iterator().next()),
                            Reports.name(s.kind()) + "中“" + sentence + "”所述的" + counts + "，在表" + table()
                                    + "中找不到对应的数量（表" + table() + "：" + summary(r) + "）。如正文与表格统计口径不同，请在正文中说明；否则请核对正文或表格。",
                            sentence));
                }
            }
        }
        return out;
    }

    /** Whether a clause contains any of the words. */
    static boolean mentionsAny(String clause, Pattern words) {
        return words.matcher(clause).find();
    }

    /** Whether a clause is put in last year: 上年, 去年, 上一年, or the year before the report's ("2023年"). */
    private static boolean aboutLastYear(String clause, String yearBefore) {
        return LAST_YEAR.matcher(clause).find() || yearBefore != null && clause.contains(yearBefore);
    }
}
