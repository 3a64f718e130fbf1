package io.nianbao.core.rules;

import io.nianbao.core.model.Finding;
import io.nianbao.core.model.Section;

import java.util.List;
import java.util.regex.Pattern;

/** FMT-BASIS: a report for 2021 or later cites the superseded 国办公开办函〔2019〕60号 as its basis. */
public final class FmtBasis implements ReportRule {

    /** Any bracket style around 2019, as typed in the wild. */
    private static final Pattern OLD_NOTICE = Pattern.compile("[〔\\[［(（【]2019[〕\\]］)）】]60号");

    @Override
    public RuleId id() { return RuleId.FMT_BASIS; }

    @Override
    public List<Finding> check(RuleContext ctx) {
        Integer year = Reports.year(ctx.report());
        if (year == null || year < 2021) {
            return List.of();
        }
        for (Section s : Reports.sections(ctx.report())) {
            for (String sentence : ctx.sentences(s)) {
                if (OLD_NOTICE.matcher(sentence).find()) {
                    return List.of(id().finding(s.kind().numeral(), year + "年度报告仍以已被替代的国办公开办函〔2019〕60号为依据，"
                            + "应依据国办公开办函〔2021〕30号编制。", sentence));
                }
            }
        }
        return List.of();
    }
}
