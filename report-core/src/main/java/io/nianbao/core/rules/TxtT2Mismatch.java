package io.nianbao.core.rules;

import io.nianbao.core.model.ParsedReport;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** TXT-T2-MISMATCH: a count of 规章 or 规范性文件 quoted in the prose that section 二 cannot account for. */
public final class TxtT2Mismatch extends NarrativeRule {

    private static final List<String> ROWS = List.of("regulations", "normativeDocuments");
    private static final Pattern KEYWORD = Pattern.compile("规范性文件|规章(?!制度)");
    /** The clause must say what was done with the documents, in the table's own terms. */
    private static final Pattern TABLE_VERB = Pattern.compile("制发|制定|印发|出台|发布|公开|废止|失效|有效");
    /** Reviewing, filing or explaining documents is counted elsewhere. */
    private static final Pattern OTHER_COUNT = Pattern.compile("审查|审核|备案|解读|清理|评估|征求|合法性");

    @Override
    public RuleId id() { return RuleId.TXT_T2_MISMATCH; }

    @Override
    Pattern keyword() { return KEYWORD; }

    @Override
    boolean about(String clause) { return mentionsAny(clause, TABLE_VERB) && !mentionsAny(clause, OTHER_COUNT); }

    @Override
    List<String> reliedOn() { return List.of("二.regulations", "二.normativeDocuments"); }

    @Override
    String table() { return "二"; }

    @Override
    Set<Long> plausible(ParsedReport report) {
        List<Map<String, BigDecimal>> rows = rows(report);
        if (rows.isEmpty()) {
            return null;
        }
        Set<Long> out = new HashSet<>();
        Map<String, Long> columnSums = new HashMap<>();
        for (Map<String, BigDecimal> row : rows) {
            row.forEach((column, value) -> {
                long v = Cells.value(value);
                out.add(v);
                columnSums.merge(column, v, Long::sum);
            });
        }
        out.addAll(columnSums.values());
        return out;
    }

    @Override
    String summary(ParsedReport report) {
        List<String> parts = new ArrayList<>();
        for (String key : ROWS) {
            Map<String, BigDecimal> row = report.proactive().rows().get(key);
            if (row != null) {
                parts.add(Labels.of(key) + row.entrySet().stream()
                        .map(e -> Labels.of(e.getKey()) + (e.getValue() == null ? "空白" : e.getValue().toPlainString()))
                        .collect(Collectors.joining("、")));
            }
        }
        return String.join("；", parts);
    }

    private static List<Map<String, BigDecimal>> rows(ParsedReport report) {
        if (report.proactive() == null || report.proactive().rows() == null) {
            return List.of();
        }
        return ROWS.stream().map(report.proactive().rows()::get).filter(Objects::nonNull).toList();
    }
}
