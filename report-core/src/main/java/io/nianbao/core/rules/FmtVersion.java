package io.nianbao.core.rules;

import io.nianbao.core.model.Finding;
import io.nianbao.core.model.ParsedReport;
import io.nianbao.core.model.Template;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * FMT-VERSION: a table laid out in the other template than the report year requires. Each table
 * is judged by its own layout, since real reports mix them (a GB2021 section 二 with the single
 * GB2019 （六）其他处理 row in section 三).
 */
public final class FmtVersion implements ReportRule {

    private static final Set<String> GB2019_PROACTIVE = Set.of(
            "otherServices", "procurement", "made", "published", "totalPublished", "itemsLastYear", "itemsChange",
            "projects", "amountYuan");
    private static final Set<String> GB2021_PROACTIVE = Set.of("issued", "repealed", "inForce", "amountTenThousandYuan");

    @Override
    public RuleId id() { return RuleId.FMT_VERSION; }

    @Override
    public List<Finding> check(RuleContext ctx) {
        ParsedReport r = ctx.report();
        Integer year = Reports.year(r);
        if (year == null) {
            return List.of();
        }
        Template required = Template.requiredFor(year);
        List<Finding> out = new ArrayList<>();
        Template proactive = proactiveLayout(r);
        if (proactive != null && proactive != required) {
            out.add(finding(year, required, "二", proactive == Template.GB2019
                    ? "表二使用了“本年新制作数量”“上一年项目数量”等旧版栏目"
                    : "表二使用了“本年制发件数”“现行有效件数”等新版栏目"));
        }
        Template applications = applicationsLayout(r);
        if (applications != null && applications != required) {
            out.add(finding(year, required, "三", applications == Template.GB2019
                    ? "表三“（六）其他处理”只列一行（旧版格式），新版应分为三项"
                    : "表三“（六）其他处理”分为三项（新版格式），旧版只列一行"));
        }
        if (proactive == null && applications == null && r.template() != null && r.template() != required) {
            out.add(finding(year, required, "二", "报告表格未按规定版本填报"));
        }
        return out;
    }

    private Finding finding(int year, Template required, String location, String what) {
        String notice = required == Template.GB2021 ? "国办公开办函〔2021〕30号" : "国办公开办函〔2019〕60号";
        return id().finding(location, year + "年度报告应使用" + notice + "规定的格式，但" + what + "。", null);
    }

    private static Template proactiveLayout(ParsedReport r) {
        if (r.proactive() == null || r.proactive().rows() == null) {
            return null;
        }
        boolean old = false;
        boolean current = false;
        for (Map.Entry<String, Map<String, BigDecimal>> row : r.proactive().rows().entrySet()) {
            old |= GB2019_PROACTIVE.contains(row.getKey());
            for (String column : row.getValue().keySet()) {
                old |= GB2019_PROACTIVE.contains(column);
                current |= GB2021_PROACTIVE.contains(column);
            }
        }
        return old == current ? null : old ? Template.GB2019 : Template.GB2021;
    }

    private static Template applicationsLayout(ParsedReport r) {
        Set<String> keys = Cells.applicationRows(r).keySet();
        boolean single = keys.contains("otherHandling");
        boolean split = keys.stream().anyMatch(k -> k.startsWith("otherHandling."));
        return single == split ? null : single ? Template.GB2019 : Template.GB2021;
    }
}
