package io.nianbao.core.rules;

import io.nianbao.core.model.Finding;
import io.nianbao.core.model.Section;
import io.nianbao.core.model.SectionKind;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * SEC-ORDER: sections out of order or duplicated, or top-level numerals ("二、") reused for the
 * sub-topics of 总体情况, which makes the real sections ambiguous.
 */
public final class SecOrder implements ReportRule {

    private static final Pattern TOP_LEVEL_NUMERAL = Pattern.compile("^[一二三四五六七八九十]{1,2}、.*");

    @Override
    public RuleId id() { return RuleId.SEC_ORDER; }

    @Override
    public List<Finding> check(RuleContext ctx) {
        List<Finding> out = new ArrayList<>();
        Set<SectionKind> seen = EnumSet.noneOf(SectionKind.class);
        SectionKind last = null;
        for (Section s : Reports.sections(ctx.report())) {
            if (!seen.add(s.kind())) {
                out.add(id().finding(s.kind().numeral(), Reports.name(s.kind()) + "重复出现，请删除重复部分。", s.heading()));
            } else if (last != null && s.kind().ordinal() < last.ordinal()) {
                out.add(id().finding(s.kind().numeral(), Reports.name(s.kind()) + "位于" + Reports.name(last)
                        + "之后，请按年度报告格式的顺序排列。", s.heading()));
            }
            last = last == null || s.kind().ordinal() > last.ordinal() ? s.kind() : last;
        }
        List<String> reused = Reports.section(ctx.report(), SectionKind.OVERVIEW)
                .map(s -> Prose.normalize(s.text()).lines().map(String::strip)
                        .filter(l -> TOP_LEVEL_NUMERAL.matcher(l).matches())
                        .filter(l -> !l.replaceAll("\\s+", "").equals(SectionKind.OVERVIEW.templateHeading()))
                        .toList())
                .orElse(List.of());
        if (!reused.isEmpty()) {
            out.add(id().finding(SectionKind.OVERVIEW.numeral(),
                    Reports.name(SectionKind.OVERVIEW) + "内使用了“一、”“二、”等一级序号，与报告各部分的序号混淆，请改用“（一）”“（二）”等二级序号。",
                    String.join("；", reused)));
        }
        return out;
    }
}
