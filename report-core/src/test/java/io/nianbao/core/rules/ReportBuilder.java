package io.nianbao.core.rules;

import io.nianbao.core.model.AgencyLevel;
import io.nianbao.core.model.ApplicationsTable;
import io.nianbao.core.model.Finding;
import io.nianbao.core.model.ParsedReport;
import io.nianbao.core.model.ProactiveTable;
import io.nianbao.core.model.ReportMetadata;
import io.nianbao.core.model.ReviewLitigationTable;
import io.nianbao.core.model.Section;
import io.nianbao.core.model.SectionKind;
import io.nianbao.core.model.Template;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds reports for rule tests: {@link #valid()} passes every rule; each test then breaks one thing. */
public final class ReportBuilder {

    private ReportMetadata meta = new ReportMetadata("某某县人民政府办公室", AgencyLevel.DEPARTMENT, 2023, LocalDate.of(2024, 1, 20));
    private Template template = Template.GB2021;
    private final List<Section> sections = new ArrayList<>();
    private Map<String, Map<String, BigDecimal>> proactive = new LinkedHashMap<>();
    private Map<String, List<Long>> applications = new LinkedHashMap<>();
    private Map<String, List<Long>> groups = new LinkedHashMap<>();
    private final List<Finding> parseFindings = new ArrayList<>();
    private boolean readByOcr;

    static final String OVERVIEW = """
            2023年，我办认真贯彻落实《中华人民共和国政府信息公开条例》，持续推进政务公开工作。
            （一）主动公开。全年主动公开政府信息3218条，制发行政规范性文件10件，废止行政规范性文件11件。
            （二）依申请公开。2023年共收到政府信息公开申请8件，已办结8件，均在法定期限内予以答复。
            （三）政府信息管理。严格落实“先审后发”制度。
            （四）政府信息公开平台建设。持续优化政府网站栏目。
            （五）监督保障。全年政府信息公开行政复议0件、行政诉讼0件。""";
    static final String PROBLEMS = """
            一是培训指导的力度有待加强，部分单位政务公开工作人员流动较快。二是政府网站页面展示样式比较陈旧。
            下一步，我办将加强培训，推进政府网站全面改版升级。""";
    static final String OTHER = "2023年度本机关未收取信息处理费。";

    public static ReportBuilder valid() {
        ReportBuilder b = new ReportBuilder();
        b.section(SectionKind.OVERVIEW, OVERVIEW)
                .section(SectionKind.PROACTIVE, "")
                .section(SectionKind.APPLICATIONS, "")
                .section(SectionKind.REVIEW_LITIGATION, "")
                .section(SectionKind.PROBLEMS, PROBLEMS)
                .section(SectionKind.OTHER_MATTERS, OTHER);
        b.proactive("regulations", "issued", 0).proactive("regulations", "repealed", 0).proactive("regulations", "inForce", 0)
                .proactive("normativeDocuments", "issued", 10).proactive("normativeDocuments", "repealed", 11)
                .proactive("normativeDocuments", "inForce", 39)
                .proactive("licensing", "decisions", 0).proactive("penalties", "decisions", 0)
                .proactive("coercion", "decisions", 0).proactive("fees", "amountTenThousandYuan", 0);
        b.row("newReceived", 7L, 1L, 0L, 0L, 0L, 0L, 8L).row("carriedOver", zeros())
                .row("granted", 1L, 0L, 0L, 0L, 0L, 0L, 1L).row("partlyGranted", 2L, 0L, 0L, 0L, 0L, 0L, 2L);
        for (String r : List.of("stateSecret", "prohibitedByLaw", "securityStability", "thirdPartyRights")) {
            b.row("denied." + r, zeros());
        }
        b.row("denied.internalAffairs", 1L, 0L, 0L, 0L, 0L, 0L, 1L);
        for (String r : List.of("processInformation", "enforcementFiles", "administrativeQuery")) {
            b.row("denied." + r, zeros());
        }
        b.row("unavailable.notHeld", 2L, 1L, 0L, 0L, 0L, 0L, 3L)
                .row("unavailable.needsCreation", zeros()).row("unavailable.unclearAfterCorrection", zeros())
                .row("notProcessed.petitionOrComplaint", 1L, 0L, 0L, 0L, 0L, 0L, 1L);
        for (String r : List.of("repeated", "publication", "massRepeated", "reissue")) {
            b.row("notProcessed." + r, zeros());
        }
        b.row("otherHandling.noCorrection", zeros()).row("otherHandling.feeUnpaid", zeros()).row("otherHandling.other", zeros())
                .row("totalHandled", 7L, 1L, 0L, 0L, 0L, 0L, 8L).row("carriedForward", zeros());
        for (String g : ReviewLitigationTable.GROUPS) {
            b.group(g, 0L, 0L, 0L, 0L, 0L);
        }
        return b;
    }

    static Long[] zeros() {
        Long[] z = new Long[ApplicationsTable.COLUMNS.size()];
        Arrays.fill(z, 0L);
        return z;
    }

    ReportBuilder meta(String agency, AgencyLevel level, Integer year, LocalDate publishedOn) {
        meta = new ReportMetadata(agency, level, year, publishedOn);
        return this;
    }

    ReportBuilder year(Integer year) {
        meta = new ReportMetadata(meta.agency(), meta.agencyLevel(), year, meta.publishedOn());
        return this;
    }

    ReportBuilder template(Template t) {
        template = t;
        return this;
    }

    /** Sets (or adds) a section with its template heading. */
    ReportBuilder section(SectionKind kind, String text) {
        return section(kind, kind.templateHeading(), text);
    }

    ReportBuilder section(SectionKind kind, String heading, String text) {
        sections.removeIf(s -> s.kind() == kind);
        sections.add(new Section(kind, heading, text));
        sections.sort((a, b) -> a.kind().compareTo(b.kind()));
        return this;
    }

    /** Appends a section as is, keeping the order of calls (to build disorder and duplicates). */
    ReportBuilder appendSection(SectionKind kind, String heading, String text) {
        sections.add(new Section(kind, heading, text));
        return this;
    }

    ReportBuilder without(SectionKind kind) {
        sections.removeIf(s -> s.kind() == kind);
        return this;
    }

    ReportBuilder proactive(String row, String column, Number value) {
        proactive.computeIfAbsent(row, k -> new LinkedHashMap<>())
                .put(column, value == null ? null : new BigDecimal(value.toString()));
        return this;
    }

    ReportBuilder clearProactive() {
        proactive = new LinkedHashMap<>();
        return this;
    }

    public ReportBuilder row(String key, Long... cells) {
        applications.put(key, Arrays.asList(cells));
        return this;
    }

    public ReportBuilder removeRow(String key) {
        applications.remove(key);
        return this;
    }

    public ReportBuilder group(String key, Long... cells) {
        groups.put(key, cells == null ? null : Arrays.asList(cells));
        return this;
    }

    ReportBuilder noTables() {
        proactive = null;
        applications = null;
        groups = null;
        return this;
    }

    ReportBuilder parseFinding(RuleId rule, String location) {
        return parseFinding(rule.finding(location, "解析时无法确定", null));
    }

    public ReportBuilder parseFinding(Finding finding) {
        parseFindings.add(finding);
        return this;
    }

    /** The report as read by OCR. */
    public ReportBuilder byOcr() {
        readByOcr = true;
        return this;
    }

    public ParsedReport build() {
        // Copies, so that changing the builder afterwards leaves a built report as it was.
        Map<String, Map<String, BigDecimal>> proactiveCopy = null;
        if (proactive != null) {
            proactiveCopy = new LinkedHashMap<>();
            for (var row : proactive.entrySet()) {
                proactiveCopy.put(row.getKey(), new LinkedHashMap<>(row.getValue()));
            }
        }
        return new ParsedReport(meta, template, List.copyOf(sections),
                proactiveCopy == null ? null : new ProactiveTable(proactiveCopy),
                applications == null ? null : new ApplicationsTable(new LinkedHashMap<>(applications)),
                groups == null ? null : new ReviewLitigationTable(new LinkedHashMap<>(groups)),
                List.copyOf(parseFindings), readByOcr);
    }

    RuleContext context() {
        return RuleContext.of(build());
    }
}
