package io.nianbao.core.rules;

import io.nianbao.core.model.Finding;
import io.nianbao.core.model.Section;
import io.nianbao.core.model.SectionKind;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * TXT-YEAR: the statistical period, or the year the overview opens with, names another year than
 * the report's (e.g. "统计期限自2022年…" in a 2023 report). Years with lost glyphs
 * ("202311日") are not read, so they cannot raise a false alarm.
 */
public final class TxtYear implements ReportRule {

    private static final Pattern PERIOD = Pattern.compile("统计(?:期限|时限|时间|区间|周期|范围|期间)[^0-9]{0,6}(\\d{4})年");
    /** "2023年，我办…" at the start of the overview; "2019年以来" speaks of a span, not the report year. */
    private static final Pattern OPENING = Pattern.compile("^\\D{0,6}?(\\d{4})年(?!以来|起|至|来)");

    @Override
    public RuleId id() { return RuleId.TXT_YEAR; }

    @Override
    public List<Finding> check(RuleContext ctx) {
        Integer year = Reports.year(ctx.report());
        if (year == null) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        for (Section s : Reports.sections(ctx.report())) {
            List<String> sentences = ctx.sentences(s);
            for (String sentence : sentences) {
                Matcher m = PERIOD.matcher(sentence);
                if (m.find() && Integer.parseInt(m.group(1)) != year) {
                    out.add(finding(s.kind(), "统计期限", year, Integer.parseInt(m.group(1)), sentence));
                }
            }
            if (s.kind() == SectionKind.OVERVIEW && !sentences.isEmpty()) {
                Matcher m = OPENING.matcher(sentences.getFirst());
                if (m.find() && Integer.parseInt(m.group(1)) != year) {
                    out.add(finding(s.kind(), "正文", year, Integer.parseInt(m.group(1)), sentences.getFirst()));
                }
            }
        }
        return out;
    }

    private Finding finding(SectionKind kind, String where, int year, int written, String sentence) {
        return id().finding(kind.numeral(), BigDecimal.valueOf(year), BigDecimal.valueOf(written),
                Reports.name(kind) + "中" + where + "的年份（" + written + "年）与报告年度（" + year + "年）不一致。", sentence);
    }
}
