package io.nianbao.core.parse;

import io.nianbao.core.model.ApplicationsTable;
import io.nianbao.core.model.Finding;
import io.nianbao.core.model.Template;
import io.nianbao.core.rules.ParseUncertain;
import io.nianbao.core.rules.TblShape;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/** Section 三: seven cells per row; rows keep the report's own layout of （六）其他处理. */
public final class ApplicationsParser {

    static final int WIDTH = ApplicationsTable.COLUMNS.size();
    /** Each row: total = the six applicant columns. */
    static final List<Aligner.Identity> ROW_SUM = List.of(
            new Aligner.Identity(IntStream.range(0, ApplicationsTable.TOTAL).toArray(), ApplicationsTable.TOTAL));
    static final Pattern HEADER = Pattern.compile("勾稽关系|^\\(?本列数据|^申请人情况");

    private ApplicationsParser() {
    }

    public static TableResult<ApplicationsTable> parse(List<String> lines, int from, int to) {
        Map<String, List<Long>> byKey = new LinkedHashMap<>();
        List<Finding> findings = new ArrayList<>();
        TableSpan span = new TableSpan(lines, from, to, HEADER);
        boolean subRows = false;
        boolean singleOther = false;
        List<Row> unplaced = new ArrayList<>();
        List<Row> overlong = new ArrayList<>();
        List<LabelLessRows.Slot> order = new ArrayList<>();
        for (Row row : RowAssembler.rows(lines, from, to)) {
            String key = RowKeys.application(row.label());
            if (Unplaced.figuresUnderNoLabel(key, row)) {
                // A label lost, or the figures ran under a caption.
                unplaced.add(row);
                order.add(new LabelLessRows.Slot(null, row));
            }
            if (key == null || byKey.containsKey(key)) {
                continue;
            }
            order.add(new LabelLessRows.Slot(key, row));
            span.include(row);
            subRows |= key.startsWith("otherHandling.");
            singleOther |= key.equals("otherHandling");
            Aligner.Result fit = Aligner.fit(row, WIDTH, ROW_SUM);
            if (!fit.exact()) {
                findings.add(shape(key, row, fit));
                if (!fit.inferred() && row.core().size() > WIDTH) {
                    overlong.add(row);
                }
            }
            if (fit.exact() || fit.inferred()) {
                byKey.put(key, counts(key, fit.cells(), findings));
            } else {
                byKey.put(key, null);
            }
        }
        if (byKey.isEmpty()) {
            return TableResult.none();
        }
        Template layout = subRows ? Template.GB2021 : singleOther ? Template.GB2019 : null;
        if (!unplaced.isEmpty() && layout != null) {
            placeByOrder(order, RowKeys.applicationTemplate(subRows), byKey, unplaced, findings);
        }
        Map<String, List<Long>> ordered = new LinkedHashMap<>();
        for (String k : RowKeys.APPLICATION_KEYS) {
            if (byKey.get(k) != null) {
                ordered.put(k, byKey.get(k));
            }
        }
        findings = new ArrayList<>(Unplaced.named("三", findings, missingRows(byKey, layout), unplaced, overlong));
        findings.addAll(UnreadRows.of("三", lines, from, to, ordered.keySet(), findings));
        return new TableResult<>(new ApplicationsTable(Collections.unmodifiableMap(ordered)), layout,
                List.copyOf(findings), span.first(), span.last());
    }

    /**
     * The template's rows the table did not yield, in the layout it shows; when it shows none, （六）
     * as one row (三.otherHandling names its sub-rows too).
     */
    private static List<String> missingRows(Map<String, List<Long>> byKey, Template layout) {
        return RowKeys.applicationTemplate(layout == Template.GB2021).stream().filter(k -> byKey.get(k) == null).toList();
    }

    /**
     * Label-less rows placed where the table's order leaves each one place ({@link LabelLessRows}),
     * kept only where each fits its seven cells and the results then add up to 总计 in every
     * column (and, where a row other than a result is placed, the table balances): placed rows
     * are said so, and no rule computes over them.
     */
    private static void placeByOrder(List<LabelLessRows.Slot> order, List<String> template, Map<String, List<Long>> byKey,
                                     List<Row> unplaced, List<Finding> findings) {
        Set<String> read = byKey.keySet().stream().filter(k -> byKey.get(k) != null).collect(Collectors.toSet());
        Map<String, Row> placed = LabelLessRows.byOrder(order, template, read);
        Map<String, List<Long>> table = new LinkedHashMap<>(byKey);
        List<Finding> said = new ArrayList<>();
        for (Map.Entry<String, Row> e : placed.entrySet()) {
            Aligner.Result fit = Aligner.fit(e.getValue(), WIDTH, ROW_SUM);
            if (!fit.exact()) {
                return;
            }
            table.put(e.getKey(), counts(e.getKey(), fit.cells(), said));
            said.add(ParseUncertain.placedByOrder("三." + e.getKey(), RowKeys.name(e.getKey()), Cell.evidence(e.getValue().core())));
        }
        boolean borneOut = ApplicationIdentities.resultsAddUp(table, template)
                && (placed.keySet().stream().allMatch(RowKeys::isResult) || ApplicationIdentities.balances(table));
        if (!placed.isEmpty() && borneOut) {
            byKey.putAll(table);
            unplaced.removeAll(placed.values());
            // A placed row whose label stood with figures that did not fit it: those were not its figures.
            findings.removeIf(f -> f.location().startsWith("三.") && placed.containsKey(f.location().substring("三.".length())));
            findings.addAll(said);
        }
    }

    /** The row's seven aligned cells as counts; what cannot be taken as read goes to {@code findings}. */
    private static List<Long> counts(String key, List<Cell> cells, List<Finding> findings) {
        List<Long> values = new ArrayList<>(WIDTH);
        for (int i = 0; i < WIDTH; i++) {
            values.add(Values.count(cells.get(i), "三." + key + "." + ApplicationsTable.COLUMNS.get(i), findings));
        }
        return Collections.unmodifiableList(values);
    }

    private static Finding shape(String key, Row row, Aligner.Result fit) {
        String resolution = fit.inferred()
                ? "按本行“总计等于各列之和”的关系只有一种对齐方式成立，已按该方式读取，请核对原表。"
                : "本行数值无法可靠对齐，按缺失处理，请核对原表。";
        List<Cell> core = row.core();
        return TblShape.of("三." + key, "表三“" + RowKeys.name(key) + "”行", WIDTH, core.size(), resolution,
                Cell.evidence(core));
    }
}
