package io.nianbao.core.parse;

import io.nianbao.core.model.Finding;
import io.nianbao.core.model.ProactiveTable;
import io.nianbao.core.model.Template;
import io.nianbao.core.rules.CellUnit;
import io.nianbao.core.rules.TblShape;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Section 二: rows by meaning, columns by the layout the table itself shows (GB2019 or GB2021). */
public final class ProactiveParser {

    private record Column(String key, Values.Type type, String unit) {
    }

    private static final List<Column> GB2021_DOCUMENTS = List.of(count("issued"), count("repealed"), count("inForce"));
    private static final List<Column> GB2021_DECISIONS = List.of(count("decisions"));
    private static final List<Column> GB2021_FEES = List.of(new Column("amountTenThousandYuan", Values.Type.AMOUNT, "万元"));
    private static final List<Column> GB2019_DOCUMENTS = List.of(count("made"), count("published"), count("totalPublished"));
    private static final List<Column> GB2019_ITEMS = List.of(count("itemsLastYear"),
            new Column("itemsChange", Values.Type.SIGNED_COUNT, null), count("decisions"));
    private static final List<Column> GB2019_FEES = GB2019_ITEMS.subList(0, 2);
    private static final List<Column> GB2019_PROCUREMENT = List.of(count("projects"),
            new Column("amountYuan", Values.Type.AMOUNT, "元"));

    /** Column headers only one template version uses. */
    private static final Pattern GB2019_WORDS = Pattern.compile("新制作|新公开数量|对外公开总数量|上一年项目数量|增/减|增减|采购项目数量|采购总金额|对外管理服务");
    private static final Pattern GB2021_WORDS = Pattern.compile("制发件数|废止件数|现行有效件数|本年处理决定数量|收费金额");
    static final Pattern HEADER = Pattern.compile("^第二十条|^信息内容");
    /** GB2021 fees are in 万元: a header naming 元 alone puts every fee cell in doubt. */
    private static final Pattern YUAN_HEADER = Pattern.compile("单位:元");

    private ProactiveParser() {
    }

    private static Column count(String key) {
        return new Column(key, Values.Type.COUNT, null);
    }

    public static TableResult<ProactiveTable> parse(List<String> lines, int from, int to) {
        List<Row> rows = RowAssembler.rows(lines, from, to);
        String text = TextNormalizer.compact(String.join("", lines.subList(from, to)));
        Template layout = detect(text, rows);
        Template assumed = layout == null ? Template.GB2021 : layout;
        boolean yuanHeader = YUAN_HEADER.matcher(text).find();
        Map<String, Map<String, BigDecimal>> byKey = new LinkedHashMap<>();
        List<Finding> findings = new ArrayList<>();
        TableSpan span = new TableSpan(lines, from, to, HEADER);
        List<Row> unplaced = new ArrayList<>();
        List<Row> overlong = new ArrayList<>();
        for (Row row : rows) {
            String key = RowKeys.proactive(row.label());
            if (Unplaced.figuresUnderNoLabel(key, row)) {
                // A label lost, or the figures ran under a caption.
                unplaced.add(row);
            }
            if (key == null || byKey.containsKey(key)) {
                continue;
            }
            span.include(row);
            List<Column> columns = columnsFor(key, assumed, layout != null, row);
            Aligner.Result fit = Aligner.fit(row, columns.size(), List.of());
            Map<String, BigDecimal> values = new LinkedHashMap<>();
            if (!fit.exact()) {
                findings.add(shape(key, columns.size(), row));
                if (row.core().size() > columns.size()) {
                    overlong.add(row);
                }
                continue;
            }
            for (int i = 0; i < columns.size(); i++) {
                Column col = columns.get(i);
                String location = "二." + key + "." + col.key();
                Cell cell = fit.cells().get(i);
                values.put(col.key(), Values.value(cell, location, col.type(), col.unit(), findings));
                if (yuanHeader && "万元".equals(col.unit()) && cell != null && cell.unit() == null
                        && cell.kind() == Cell.Kind.NUMBER) {
                    findings.add(CellUnit.of(location, cell.raw() + "（表头单位：元）", col.unit()));
                }
            }
            byKey.put(key, Collections.unmodifiableMap(values));
        }
        if (byKey.isEmpty()) {
            return TableResult.none();
        }
        Map<String, Map<String, BigDecimal>> ordered = new LinkedHashMap<>();
        for (String k : RowKeys.PROACTIVE_KEYS) {
            if (byKey.containsKey(k)) {
                ordered.put(k, byKey.get(k));
            }
        }
        findings = new ArrayList<>(Unplaced.named("二", findings, missingRows(ordered.keySet(), assumed), unplaced, overlong));
        findings.addAll(UnreadRows.of("二", lines, from, to, ordered.keySet(), findings));
        return new TableResult<>(new ProactiveTable(Collections.unmodifiableMap(ordered)), layout,
                List.copyOf(findings), span.first(), span.last());
    }

    /** The template's rows of section 二 the table did not yield. */
    private static List<String> missingRows(Set<String> read, Template layout) {
        return RowKeys.PROACTIVE_KEYS.stream()
                .filter(k -> layout == Template.GB2019 || !k.equals("otherServices") && !k.equals("procurement"))
                .filter(k -> !read.contains(k))
                .toList();
    }

    /** The version the headers name; failing that, what the rows only one version has say. */
    static Template detect(String compactText, List<Row> rows) {
        long gb2019 = GB2019_WORDS.matcher(compactText).results().map(r -> r.group()).distinct().count();
        long gb2021 = GB2021_WORDS.matcher(compactText).results().map(r -> r.group()).distinct().count();
        if (gb2019 != gb2021) {
            return gb2019 > gb2021 ? Template.GB2019 : Template.GB2021;
        }
        for (Row row : rows) {
            String key = RowKeys.proactive(row.label());
            if ("otherServices".equals(key) || "procurement".equals(key)) {
                return Template.GB2019;
            }
            if ("licensing".equals(key) || "penalties".equals(key)) {
                int n = row.core().size();
                if (n == 3) {
                    return Template.GB2019;
                }
                if (n == 1) {
                    return Template.GB2021;
                }
            }
        }
        return null;
    }

    /**
     * The row's columns in the table's layout; when the headers do not name the layout, in the
     * other one if only that fits the cells. Where the headers name it, a row that does not fit
     * is a row of blanks or of lost cells, never a row of the other layout.
     */
    private static List<Column> columnsFor(String key, Template layout, boolean named, Row row) {
        List<Column> own = columns(key, layout);
        int cells = row.core().size();
        if (named || own.size() == cells || own.size() == row.cells().size()) {
            return own;
        }
        List<Column> other = columns(key, layout == Template.GB2019 ? Template.GB2021 : Template.GB2019);
        return other.size() == cells ? other : own;
    }

    /** What each cell of a row holds, in a layout. */
    static List<Values.Type> cellTypes(String key, Template layout) {
        return columns(key, layout).stream().map(Column::type).toList();
    }

    private static List<Column> columns(String key, Template t) {
        boolean gb2019 = t == Template.GB2019;
        return switch (key) {
            case "regulations", "normativeDocuments" -> gb2019 ? GB2019_DOCUMENTS : GB2021_DOCUMENTS;
            case "licensing", "penalties", "coercion" -> gb2019 ? GB2019_ITEMS : GB2021_DECISIONS;
            case "fees" -> gb2019 ? GB2019_FEES : GB2021_FEES;
            case "otherServices" -> GB2019_ITEMS;
            case "procurement" -> GB2019_PROCUREMENT;
            default -> throw new IllegalArgumentException(key);
        };
    }

    private static Finding shape(String key, int expected, Row row) {
        List<Cell> core = row.core();
        return TblShape.of("二." + key, "表二“" + RowKeys.name(key) + "”行", expected, core.size(),
                "该行数值按空白处理，请核对原表。", Cell.evidence(core));
    }
}
