package io.nianbao.samples;

import io.nianbao.core.model.ApplicationsTable;
import io.nianbao.core.model.ParsedReport;
import io.nianbao.core.model.ProactiveTable;
import io.nianbao.core.model.ReportMetadata;
import io.nianbao.core.model.ReviewLitigationTable;
import io.nianbao.core.model.Section;
import io.nianbao.core.model.SectionKind;
import io.nianbao.core.model.Template;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Writes a report model out as a plain-text report in the template's layout: title, date, the
 * six sections in order, tables as tab-separated rows under their template headers. The reader
 * reads the result back to the same values, which makes it the source of the project's own
 * fixtures. A blank cell is written "—" (the template's placeholder), never 0.
 */
public final class ReportRenderer {

    private static final String BLANK = "—";

    /** A row of section 二 or 三: an optional group cell, the row label, the row key. */
    private record RowSpec(String group, String label, String key) {
    }

    private static final List<RowSpec> APPLICATION_ROWS = List.of(
            spec("一、本年新收政府信息公开申请数量", "newReceived"),
            spec("二、上年结转政府信息公开申请数量", "carriedOver"),
            new RowSpec("三、本年度办理结果", "（一）予以公开", "granted"),
            new RowSpec("", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "partlyGranted"),
            new RowSpec("（三）不予公开", "1.属于国家秘密", "denied.stateSecret"),
            new RowSpec("", "2.其他法律行政法规禁止公开", "denied.prohibitedByLaw"),
            new RowSpec("", "3.危及“三安全一稳定”", "denied.securityStability"),
            new RowSpec("", "4.保护第三方合法权益", "denied.thirdPartyRights"),
            new RowSpec("", "5.属于三类内部事务信息", "denied.internalAffairs"),
            new RowSpec("", "6.属于四类过程性信息", "denied.processInformation"),
            new RowSpec("", "7.属于行政执法案卷", "denied.enforcementFiles"),
            new RowSpec("", "8.属于行政查询事项", "denied.administrativeQuery"),
            new RowSpec("（四）无法提供", "1.本机关不掌握相关政府信息", "unavailable.notHeld"),
            new RowSpec("", "2.没有现成信息需要另行制作", "unavailable.needsCreation"),
            new RowSpec("", "3.补正后申请内容仍不明确", "unavailable.unclearAfterCorrection"),
            new RowSpec("（五）不予处理", "1.信访举报投诉类申请", "notProcessed.petitionOrComplaint"),
            new RowSpec("", "2.重复申请", "notProcessed.repeated"),
            new RowSpec("", "3.要求提供公开出版物", "notProcessed.publication"),
            new RowSpec("", "4.无正当理由大量反复申请", "notProcessed.massRepeated"),
            new RowSpec("", "5.要求行政机关确认或重新出具已获取信息", "notProcessed.reissue"),
            new RowSpec("", "（六）其他处理", "otherHandling"),
            new RowSpec("（六）其他处理", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "otherHandling.noCorrection"),
            new RowSpec("", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "otherHandling.feeUnpaid"),
            new RowSpec("", "3.其他", "otherHandling.other"),
            new RowSpec("", "（七）总计", "totalHandled"),
            spec("四、结转下年度继续办理", "carriedForward"));

    private ReportRenderer() {
    }

    private static RowSpec spec(String label, String key) {
        return new RowSpec(null, label, key);
    }

    /** The report as UTF-8 bytes, as a portal would serve a plain-text capture. */
    public static byte[] bytes(ParsedReport report) {
        return render(report).getBytes(StandardCharsets.UTF_8);
    }

    public static String render(ParsedReport report) {
        StringBuilder out = new StringBuilder();
        ReportMetadata meta = report.meta() == null ? ReportMetadata.UNKNOWN : report.meta();
        out.append(meta.agency() == null ? "" : meta.agency())
                .append(meta.year() == null ? "" : meta.year() + "年").append("政府信息公开工作年度报告\n");
        if (meta.publishedOn() != null) {
            out.append("发布日期：").append(meta.publishedOn()).append('\n');
        }
        out.append('\n');
        for (SectionKind kind : SectionKind.values()) {
            Section section = section(report, kind);
            out.append(section == null ? kind.templateHeading() : section.heading()).append('\n');
            if (section != null && !section.text().isBlank()) {
                out.append(section.text().strip()).append('\n');
            }
            switch (kind) {
                case PROACTIVE -> proactive(report.proactive(), report.template(), out);
                case APPLICATIONS -> applications(report.applications(), out);
                case REVIEW_LITIGATION -> review(report.reviewLitigation(), out);
                default -> {
                }
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static Section section(ParsedReport report, SectionKind kind) {
        if (report.sections() == null) {
            return null;
        }
        return report.sections().stream().filter(s -> s.kind() == kind).findFirst().orElse(null);
    }

    private static void proactive(ProactiveTable table, Template template, StringBuilder out) {
        if (table == null) {
            return;
        }
        for (ProactiveLayout.Block block : ProactiveLayout.of(template)) {
            if (block.rows().stream().noneMatch(r -> table.rows().containsKey(r.key()))) {
                continue;
            }
            out.append(block.article()).append('\n');
            out.append("信息内容\t").append(String.join("\t", block.headers())).append('\n');
            for (ProactiveLayout.Row row : block.rows()) {
                Map<String, BigDecimal> values = table.rows().get(row.key());
                if (values != null) {
                    out.append(row.label());
                    values.values().forEach(v -> out.append('\t').append(cell(v)));
                    out.append('\n');
                }
            }
        }
    }

    private static void applications(ApplicationsTable table, StringBuilder out) {
        if (table == null) {
            return;
        }
        out.append("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t申请人情况\n");
        out.append("自然人\t法人或其他组织\t总计\n");
        out.append("商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\n");
        String openGroup = null;
        for (RowSpec row : APPLICATION_ROWS) {
            List<Long> values = table.rows().get(row.key());
            if (values == null) {
                continue;
            }
            if (row.group() != null && !row.group().isEmpty() && !row.group().equals(openGroup)) {
                out.append(row.group()).append('\t');
                openGroup = row.group();
            }
            out.append(row.label());
            values.forEach(v -> out.append('\t').append(cell(v)));
            out.append('\n');
        }
    }

    private static void review(ReviewLitigationTable table, StringBuilder out) {
        if (table == null) {
            return;
        }
        out.append("行政复议\t行政诉讼\n");
        out.append("结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t复议后起诉\n");
        out.append(String.join("\t", List.of("结果维持", "结果纠正", "其他结果", "尚未审结", "总计",
                "结果维持", "结果纠正", "其他结果", "尚未审结", "总计"))).append('\n');
        StringBuilder cells = new StringBuilder();
        for (String group : ReviewLitigationTable.GROUPS) {
            List<Long> values = table.groups().get(group);
            for (int i = 0; i < ReviewLitigationTable.COLUMNS.size(); i++) {
                cells.append(cells.isEmpty() ? "" : "\t").append(cell(values == null ? null : values.get(i)));
            }
        }
        out.append(cells).append('\n');
    }

    private static String cell(Object value) {
        if (value == null) {
            return BLANK;
        }
        return value instanceof BigDecimal d ? d.toPlainString() : value.toString();
    }
}
