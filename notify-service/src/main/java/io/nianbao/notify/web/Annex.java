package io.nianbao.notify.web;

import io.nianbao.core.rules.RuleId;
import io.nianbao.notify.web.Overview.AgencyFinding;
import io.nianbao.notify.web.Overview.Row;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The annex of a circular (通报附件) on a year's reports: per agency whether and when it published,
 * its open problems and its rectification, and the list of the findings. What the Excel export and
 * the print view both show.
 *
 * @param region   the name of the region it covers, or null for all the inspector's agencies
 * @param findings the agencies' findings ({@link Overview#findings}) of their latest reports
 */
public record Annex(int year, String region, List<Row> rows, List<AgencyFinding> findings) {

    /** Between rule names in 主要问题. */
    static final String PROBLEM_SEPARATOR = "、";

    public Annex {
        rows = List.copyOf(rows);
        findings = List.copyOf(findings);
    }

    public String title() {
        return year + "年度政府信息公开工作年度报告发布及质量情况";
    }

    /** The region it covers as the title's subtitle says it, or null. */
    public String regionLine() {
        return region == null ? null : "地区：" + region;
    }

    /**
     * 主要问题: the Chinese names of the rules of the agency's unresolved findings, the most
     * frequent first (then in catalog order); empty when it has none.
     */
    public String mainProblems(String agencyId) {
        Map<String, Long> perRule = findings.stream()
                .filter(f -> f.agencyId().equals(agencyId) && !f.resolved())
                .map(f -> f.finding().rule())
                .collect(Collectors.groupingBy(Function.identity(), LinkedHashMap::new, Collectors.counting()));
        return perRule.entrySet().stream()
                .sorted(Comparator.comparing(Map.Entry<String, Long>::getValue).reversed()
                        .thenComparing(e -> RuleId.ofId(e.getKey()).map(Enum::ordinal).orElse(Integer.MAX_VALUE))
                        .thenComparing(Map.Entry::getKey))
                .map(e -> ruleName(e.getKey()))
                .collect(Collectors.joining(PROBLEM_SEPARATOR));
    }

    /** The rule's Chinese name, or its id when it is not in the catalog. */
    static String ruleName(String ruleId) {
        return RuleId.ofId(ruleId).map(RuleId::chineseName).orElse(ruleId);
    }
}
