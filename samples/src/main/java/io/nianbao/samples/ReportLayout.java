package io.nianbao.samples;

import io.nianbao.core.model.ParsedReport;
import io.nianbao.core.model.ReportMetadata;
import io.nianbao.core.model.ReviewLitigationTable;
import io.nianbao.core.model.Section;
import io.nianbao.core.model.SectionKind;
import io.nianbao.samples.ReportDocument.Block;
import io.nianbao.samples.ReportDocument.Cell;
import io.nianbao.samples.ReportDocument.Kind;
import io.nianbao.samples.ReportDocument.Line;
import io.nianbao.samples.ReportDocument.Role;
import io.nianbao.samples.ReportDocument.Table;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Lays a report model out as the national template prints it (GB2021 or GB2019): title, date,
 * the six sections in order, and the tables of sections 二, 三 and 四 with their headers, row
 * groups spanned with rowspan and colspan. A blank cell of the model is an empty value cell.
 */
public final class ReportLayout {

    private static final String RESULTS = "三、本年度办理结果";
    private static final int PROACTIVE_COLUMNS = 4;

    /** A row of section 三: its group cells (null where it has none), its label and the model key of its values. */
    private record ApplicationRow(String group, String subgroup, String label, String key) {
    }

    /** Both layouts of （六）: a report holds the single row (GB2019) or the three sub-rows (GB2021). */
    private static final List<ApplicationRow> APPLICATIONS = List.of(
            top("一、本年新收政府信息公开申请数量", "newReceived"),
            top("二、上年结转政府信息公开申请数量", "carriedOver"),
            result("（一）予以公开", "granted"),
            result("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "partlyGranted"),
            result("（三）不予公开", "1.属于国家秘密", "denied.stateSecret"),
            result("（三）不予公开", "2.其他法律行政法规禁止公开", "denied.prohibitedByLaw"),
            result("（三）不予公开", "3.危及“三安全一稳定”", "denied.securityStability"),
            result("（三）不予公开", "4.保护第三方合法权益", "denied.thirdPartyRights"),
            result("（三）不予公开", "5.属于三类内部事务信息", "denied.internalAffairs"),
            result("（三）不予公开", "6.属于四类过程性信息", "denied.processInformation"),
            result("（三）不予公开", "7.属于行政执法案卷", "denied.enforcementFiles"),
            result("（三）不予公开", "8.属于行政查询事项", "denied.administrativeQuery"),
            result("（四）无法提供", "1.本机关不掌握相关政府信息", "unavailable.notHeld"),
            result("（四）无法提供", "2.没有现成信息需要另行制作", "unavailable.needsCreation"),
            result("（四）无法提供", "3.补正后申请内容仍不明确", "unavailable.unclearAfterCorrection"),
            result("（五）不予处理", "1.信访举报投诉类申请", "notProcessed.petitionOrComplaint"),
            result("（五）不予处理", "2.重复申请", "notProcessed.repeated"),
            result("（五）不予处理", "3.要求提供公开出版物", "notProcessed.publication"),
            result("（五）不予处理", "4.无正当理由大量反复申请", "notProcessed.massRepeated"),
            result("（五）不予处理", "5.要求行政机关确认或重新出具已获取信息", "notProcessed.reissue"),
            result("（六）其他处理", "otherHandling"),
            result("（六）其他处理", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "otherHandling.noCorrection"),
            result("（六）其他处理", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "otherHandling.feeUnpaid"),
            result("（六）其他处理", "3.其他", "otherHandling.other"),
            result("（七）总计", "totalHandled"),
            top("四、结转下年度继续办理", "carriedForward"));

    private static final List<List<Cell>> APPLICATIONS_HEADER = List.of(
            List.of(header("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 3, 3), header("申请人情况", 1, 7)),
            List.of(header("自然人", 2, 1), header("法人或其他组织", 1, 5), header("总计", 2, 1)),
            headers(List.of("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他")));

    private static final List<String> REVIEW_COLUMNS = List.of("结果维持", "结果纠正", "其他结果", "尚未审结", "总计");

    private static final List<List<Cell>> REVIEW_HEADER = List.of(
            List.of(header("行政复议", 2, 5), header("行政诉讼", 1, 10)),
            List.of(header("未经复议直接起诉", 1, 5), header("复议后起诉", 1, 5)),
            headers(List.of(REVIEW_COLUMNS, REVIEW_COLUMNS, REVIEW_COLUMNS).stream().flatMap(List::stream).toList()));

    private ReportLayout() {
    }

    public static ReportDocument of(ParsedReport report) {
        ReportMetadata meta = report.meta() == null ? ReportMetadata.UNKNOWN : report.meta();
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Line(Role.TITLE, (meta.agency() == null ? "" : meta.agency())
                + (meta.year() == null ? "" : meta.year() + "年") + "政府信息公开工作年度报告"));
        if (meta.publishedOn() != null) {
            blocks.add(new Line(Role.DATE, "发布日期：" + meta.publishedOn()));
        }
        for (SectionKind kind : SectionKind.values()) {
            Section section = report.sections() == null ? null
                    : report.sections().stream().filter(s -> s.kind() == kind).findFirst().orElse(null);
            blocks.add(new Line(Role.HEADING, section == null ? kind.templateHeading() : section.heading()));
            if (section != null) {
                section.text().strip().lines().filter(l -> !l.isBlank()).forEach(l -> blocks.add(new Line(Role.PARAGRAPH, l)));
            }
            List<List<Cell>> rows = switch (kind) {
                case PROACTIVE -> report.proactive() == null ? null : proactive(report, report.proactive().rows());
                case APPLICATIONS -> report.applications() == null ? null : applications(report.applications().rows());
                case REVIEW_LITIGATION -> report.reviewLitigation() == null ? null : review(report.reviewLitigation().groups());
                default -> null;
            };
            if (rows != null) {
                blocks.add(new Table(kind, rows));
            }
        }
        return new ReportDocument(blocks);
    }

    /** Per block: the article across the table, the headers, then the rows present. */
    private static List<List<Cell>> proactive(ParsedReport report, Map<String, Map<String, BigDecimal>> values) {
        List<List<Cell>> rows = new ArrayList<>();
        for (ProactiveLayout.Block block : ProactiveLayout.of(report.template())) {
            List<ProactiveLayout.Row> present = block.rows().stream().filter(r -> values.containsKey(r.key())).toList();
            if (present.isEmpty()) {
                continue;
            }
            rows.add(List.of(header(block.article(), 1, PROACTIVE_COLUMNS)));
            rows.add(spreadOverValueColumns(header("信息内容", 1, 1), block.headers().stream().map(h -> header(h, 1, 1)).toList()));
            for (ProactiveLayout.Row row : present) {
                rows.add(spreadOverValueColumns(label(row.label(), 1, 1),
                        values.get(row.key()).values().stream().map(v -> value(text(v))).toList()));
            }
        }
        return rows;
    }

    /** The label and its cells; the last spans the value columns left, as a single value spans all. */
    private static List<Cell> spreadOverValueColumns(Cell label, List<Cell> cells) {
        List<Cell> row = new ArrayList<>(List.of(label));
        for (int i = 0; i < cells.size(); i++) {
            Cell c = cells.get(i);
            row.add(i == cells.size() - 1 ? new Cell(c.kind(), c.text(), 1, PROACTIVE_COLUMNS - cells.size()) : c);
        }
        return row;
    }

    /** Rows under spanned group cells: a group cell opens its run of rows; a row without one spans its columns. */
    private static List<List<Cell>> applications(Map<String, List<Long>> values) {
        List<ApplicationRow> present = APPLICATIONS.stream().filter(r -> values.containsKey(r.key())).toList();
        List<List<Cell>> rows = new ArrayList<>(APPLICATIONS_HEADER);
        for (int i = 0; i < present.size(); i++) {
            ApplicationRow row = present.get(i);
            List<Cell> cells = new ArrayList<>();
            groupCell(present, i, ApplicationRow::group, cells);
            groupCell(present, i, ApplicationRow::subgroup, cells);
            cells.add(label(row.label(), 1, 1 + (row.group() == null ? 1 : 0) + (row.subgroup() == null ? 1 : 0)));
            values.get(row.key()).forEach(v -> cells.add(value(text(v))));
            rows.add(cells);
        }
        return rows;
    }

    /** The group cell where the row starts a run of its group, spanning the run; else nothing. */
    private static void groupCell(List<ApplicationRow> rows, int at, Function<ApplicationRow, String> group, List<Cell> cells) {
        String name = group.apply(rows.get(at));
        if (name == null || at > 0 && name.equals(group.apply(rows.get(at - 1)))) {
            return;
        }
        int run = 1;
        while (at + run < rows.size() && name.equals(group.apply(rows.get(at + run)))) {
            run++;
        }
        cells.add(label(name, run, 1));
    }

    /** One row of fifteen cells: review, then the two litigation groups; a group not read stays blank. */
    private static List<List<Cell>> review(Map<String, List<Long>> groups) {
        List<Cell> values = new ArrayList<>();
        for (String group : ReviewLitigationTable.GROUPS) {
            for (int i = 0; i < ReviewLitigationTable.COLUMNS.size(); i++) {
                values.add(value(groups.get(group) == null ? "" : text(groups.get(group).get(i))));
            }
        }
        List<List<Cell>> rows = new ArrayList<>(REVIEW_HEADER);
        rows.add(values);
        return rows;
    }

    private static ApplicationRow top(String label, String key) {
        return new ApplicationRow(null, null, label, key);
    }

    private static ApplicationRow result(String label, String key) {
        return new ApplicationRow(RESULTS, null, label, key);
    }

    private static ApplicationRow result(String subgroup, String label, String key) {
        return new ApplicationRow(RESULTS, subgroup, label, key);
    }

    private static Cell header(String text, int rowspan, int colspan) {
        return new Cell(Kind.HEADER, text, rowspan, colspan);
    }

    private static List<Cell> headers(List<String> texts) {
        return texts.stream().map(t -> header(t, 1, 1)).toList();
    }

    private static Cell label(String text, int rowspan, int colspan) {
        return new Cell(Kind.LABEL, text, rowspan, colspan);
    }

    private static Cell value(String text) {
        return new Cell(Kind.VALUE, text, 1, 1);
    }

    private static String text(Object value) {
        return value == null ? "" : value instanceof BigDecimal d ? d.toPlainString() : value.toString();
    }
}
