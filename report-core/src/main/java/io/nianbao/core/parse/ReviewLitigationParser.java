package io.nianbao.core.parse;

import io.nianbao.core.model.Finding;
import io.nianbao.core.model.ReviewLitigationTable;
import io.nianbao.core.rules.TblShape;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Section 四: fifteen cells in reading order, three groups of five, each total = its four parts. */
public final class ReviewLitigationParser {

    private static final int GROUP = ReviewLitigationTable.COLUMNS.size();
    static final int WIDTH = GROUP * ReviewLitigationTable.GROUPS.size();
    static final List<Aligner.Identity> GROUP_SUMS = List.of(
            new Aligner.Identity(new int[]{0, 1, 2, 3}, 4),
            new Aligner.Identity(new int[]{5, 6, 7, 8}, 9),
            new Aligner.Identity(new int[]{10, 11, 12, 13}, 14));
    private static final String[] GROUP_NAMES = {"行政复议", "行政诉讼（未经复议直接起诉）", "行政诉讼（复议后起诉）"};
    static final Pattern HEADER = Pattern.compile("^行政复议(?:$|\\||行政诉讼)|^结果维持");

    private ReviewLitigationParser() {
    }

    public static TableResult<ReviewLitigationTable> parse(List<String> lines, int from, int to) {
        TableSpan span = new TableSpan(lines, from, to, HEADER);
        List<Cell> cells = new ArrayList<>();
        List<Cell> padded = new ArrayList<>();
        for (Row row : RowAssembler.rows(lines, from, to)) {
            span.include(row);
            cells.addAll(row.core());
            padded.addAll(row.cells());
        }
        if (cells.stream().noneMatch(c -> c.kind() == Cell.Kind.NUMBER)) {
            return TableResult.none();
        }
        Aligner.Result fit = Aligner.fit(new Row("", padded, -1, -1), WIDTH, GROUP_SUMS);
        List<Finding> findings = new ArrayList<>();
        Map<String, List<Long>> groups = new LinkedHashMap<>();
        String evidence = Cell.evidence(cells);
        if (fit.inferred()) {
            findings.add(TblShape.of("四", "表四", WIDTH, cells.size(),
                    "按各组“总计等于各项之和”的关系只有一种对齐方式成立，已按该方式读取，请核对原表。", evidence));
        }
        for (int g = 0; g < ReviewLitigationTable.GROUPS.size(); g++) {
            String group = ReviewLitigationTable.GROUPS.get(g);
            int start = g * GROUP;
            if (fit.certainUpTo() < start + GROUP) {
                findings.add(TblShape.of("四." + group, "表四“" + GROUP_NAMES[g] + "”组", WIDTH, cells.size(),
                        "无法确定缺失或多出的单元格位置，该组数值按缺失处理，请核对原表。", evidence));
                groups.put(group, null);
                continue;
            }
            List<Long> values = new ArrayList<>(GROUP);
            for (int i = 0; i < GROUP; i++) {
                values.add(Values.count(fit.cells().get(start + i),
                        "四." + group + "." + ReviewLitigationTable.COLUMNS.get(i), findings));
            }
            groups.put(group, Collections.unmodifiableList(values));
        }
        return new TableResult<>(new ReviewLitigationTable(Collections.unmodifiableMap(groups)), null,
                List.copyOf(findings), span.first(), span.last());
    }
}
