package io.nianbao.samples;

import io.nianbao.core.model.ParsedReport;
import io.nianbao.core.model.ReportMetadata;
import io.nianbao.core.model.ReviewLitigationTable;
import io.nianbao.core.model.Section;
import org.jsoup.nodes.Entities;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A report as a government portal serves it: a GBK page, prose in paragraphs, and the three
 * tables drawn as the printed template draws them (GB2021 or GB2019), headers and row groups
 * spanned with rowspan and colspan.
 */
public final class PortalPage {

    private static final Charset GBK = Charset.forName("GBK");
    private static final String RESULTS = "三、本年度办理结果";
    private static final int PROACTIVE_COLUMNS = 4;

    /** A table row: its group cells (null where it has none), its label and the model key of its values. */
    private record Row(String group, String subgroup, String label, String key) {
    }

    /** Both layouts of （六）: a report holds the single row (GB2019) or the three sub-rows (GB2021). */
    private static final List<Row> APPLICATIONS = List.of(
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

    private static final String APPLICATIONS_HEADER = """
            <tr><td colspan="3" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan="7">申请人情况</td></tr>
            <tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>
            <tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>
            """;

    private static final String REVIEW_HEADER = """
            <tr><td colspan="5" rowspan="2">行政复议</td><td colspan="10">行政诉讼</td></tr>
            <tr><td colspan="5">未经复议直接起诉</td><td colspan="5">复议后起诉</td></tr>
            <tr>%s</tr>
            """.formatted("<td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td>".repeat(3));

    private PortalPage() {
    }

    private static Row top(String label, String key) {
        return new Row(null, null, label, key);
    }

    private static Row result(String label, String key) {
        return new Row(RESULTS, null, label, key);
    }

    private static Row result(String subgroup, String label, String key) {
        return new Row(RESULTS, subgroup, label, key);
    }

    public static byte[] gbk(ParsedReport report) {
        return html(report).getBytes(GBK);
    }

    private static String html(ParsedReport report) {
        ReportMetadata meta = report.meta();
        String title = Entities.escape(meta.agency() + meta.year() + "年政府信息公开工作年度报告");
        StringBuilder html = new StringBuilder("<html><head><meta charset=\"gbk\"><title>").append(title)
                .append("</title></head><body>\n<div class=\"title\">").append(title).append("</div>\n<div>发布日期：")
                .append(meta.publishedOn()).append("</div>\n");
        List<ProactiveLayout.Block> blocks = ProactiveLayout.of(report.template());
        for (Section section : report.sections()) {
            paragraph(html, section.heading());
            section.text().strip().lines().forEach(line -> paragraph(html, line));
            String table = switch (section.kind()) {
                case PROACTIVE -> proactive(blocks, report.proactive().rows());
                case APPLICATIONS -> APPLICATIONS_HEADER + applications(report.applications().rows());
                case REVIEW_LITIGATION -> REVIEW_HEADER + review(report.reviewLitigation().groups());
                default -> null;
            };
            if (table != null) {
                html.append("<table border=\"1\">\n").append(table).append("</table>\n");
            }
        }
        return html.append("</body></html>\n").toString();
    }

    private static void paragraph(StringBuilder html, String text) {
        html.append("<p>").append(Entities.escape(text)).append("</p>\n");
    }

    /** Per block: the article across the table, the headers, then the rows present. */
    private static String proactive(List<ProactiveLayout.Block> blocks, Map<String, Map<String, BigDecimal>> values) {
        StringBuilder html = new StringBuilder();
        for (ProactiveLayout.Block block : blocks) {
            List<ProactiveLayout.Row> present = block.rows().stream().filter(r -> values.containsKey(r.key())).toList();
            if (present.isEmpty()) {
                continue;
            }
            html.append("<tr>").append(cell(block.article(), 1, PROACTIVE_COLUMNS)).append("</tr>\n");
            html.append("<tr>").append(cell("信息内容", 1, 1)).append(valueCells(block.headers())).append("</tr>\n");
            for (ProactiveLayout.Row row : present) {
                List<String> cells = values.get(row.key()).values().stream().map(PortalPage::text).toList();
                html.append("<tr>").append(cell(row.label(), 1, 1)).append(valueCells(cells)).append("</tr>\n");
            }
        }
        return html.toString();
    }

    /** Cells of the value columns; the last spans those left, as a single value spans all. */
    private static String valueCells(List<String> texts) {
        StringBuilder html = new StringBuilder();
        for (int i = 0; i < texts.size(); i++) {
            html.append(cell(texts.get(i), 1, i == texts.size() - 1 ? PROACTIVE_COLUMNS - texts.size() : 1));
        }
        return html.toString();
    }

    /** Rows under spanned group cells: a group cell opens its run of rows; a row without one spans its columns. */
    private static String applications(Map<String, List<Long>> values) {
        List<Row> rows = APPLICATIONS.stream().filter(r -> values.containsKey(r.key())).toList();
        StringBuilder html = new StringBuilder();
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            html.append("<tr>").append(groupCell(rows, i, Row::group)).append(groupCell(rows, i, Row::subgroup))
                    .append(cell(row.label(), 1, 1 + (row.group() == null ? 1 : 0) + (row.subgroup() == null ? 1 : 0)));
            values.get(row.key()).forEach(v -> html.append(cell(text(v), 1, 1)));
            html.append("</tr>\n");
        }
        return html.toString();
    }

    /** The group cell where the row starts a run of its group, spanning the run; else nothing. */
    private static String groupCell(List<Row> rows, int at, Function<Row, String> group) {
        String name = group.apply(rows.get(at));
        if (name == null || at > 0 && name.equals(group.apply(rows.get(at - 1)))) {
            return "";
        }
        int run = 1;
        while (at + run < rows.size() && name.equals(group.apply(rows.get(at + run)))) {
            run++;
        }
        return cell(name, run, 1);
    }

    /** One row of fifteen cells: review, then the two litigation groups; a group not read stays blank. */
    private static String review(Map<String, List<Long>> groups) {
        StringBuilder html = new StringBuilder("<tr>");
        for (String group : ReviewLitigationTable.GROUPS) {
            for (int i = 0; i < ReviewLitigationTable.COLUMNS.size(); i++) {
                html.append(cell(groups.get(group) == null ? "" : text(groups.get(group).get(i)), 1, 1));
            }
        }
        return html.append("</tr>\n").toString();
    }

    private static String cell(String text, int rowspan, int colspan) {
        return "<td" + (rowspan > 1 ? " rowspan=\"" + rowspan + "\"" : "") + (colspan > 1 ? " colspan=\"" + colspan + "\"" : "")
                + ">" + Entities.escape(text) + "</td>";
    }

    /** A blank cell stays blank, as portals leave it. */
    private static String text(Object value) {
        return value == null ? "" : value instanceof BigDecimal d ? d.toPlainString() : value.toString();
    }
}
