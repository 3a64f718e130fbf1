package io.nianbao.samples;

import io.nianbao.core.model.AgencyLevel;
import io.nianbao.core.model.ApplicationsTable;
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

/**
 * The project's own report fixtures (fictitious agencies, realistic figures), for tests and for
 * the demo when the shared corpus is absent. Render them with {@link ReportRenderer}. Totals are
 * computed here from the parts, so a consistent report stays consistent when a figure changes.
 */
public final class SampleReports {

    private SampleReports() {
    }

    /** A GB2021 report of a county department, published on time, with every identity holding. */
    public static ParsedReport consistentGb2021() {
        Map<String, List<Long>> rows = gb2021Applications(new long[]{18, 3, 0, 0, 1, 0}, new long[]{2, 0, 0, 0, 0, 0});
        return new ParsedReport(
                new ReportMetadata("青山县人民政府办公室", AgencyLevel.DEPARTMENT, 2023, LocalDate.of(2024, 1, 25)),
                Template.GB2021,
                sections(2023, "全年主动公开政府信息1526条，其中政策文件68条、政策解读35条。共收到政府信息公开申请22件，均在法定期限内答复。"),
                gb2021Proactive(),
                new ApplicationsTable(rows),
                review(group(1, 1, 0, 0), group(1, 0, 0, 1), group(0, 0, 0, 0)),
                List.of());
    }

    /**
     * A GB2021 report with arithmetic errors an inspector must see, and where:
     * <ul>
     *   <li>三.newReceived: total 26 while its parts add to 24 (T3-ROW-SUM);</li>
     *   <li>三 total column: newReceived + carriedOver (26 + 1) ≠ totalHandled + carriedForward (21 + 4)
     *       (T3-BALANCE; the other columns balance);</li>
     *   <li>四.review: total 3 while its parts add to 2 (T4-SUM).</li>
     * </ul>
     */
    public static ParsedReport withArithmeticErrors() {
        Map<String, List<Long>> rows = gb2021Applications(new long[]{20, 3, 0, 0, 1, 0}, new long[]{1, 0, 0, 0, 0, 0});
        List<Long> newReceived = new ArrayList<>(rows.get("newReceived"));
        newReceived.set(ApplicationsTable.TOTAL, 26L);
        rows.put("newReceived", List.copyOf(newReceived));
        List<Long> review = new ArrayList<>(group(2, 0, 0, 0));
        review.set(4, 3L);
        return new ParsedReport(
                new ReportMetadata("青山县自然资源局", AgencyLevel.DEPARTMENT, 2023, LocalDate.of(2024, 1, 29)),
                Template.GB2021,
                sections(2023, "全年主动公开政府信息864条。共收到政府信息公开申请26件，上年结转1件。"),
                gb2021Proactive(),
                new ApplicationsTable(rows),
                review(List.copyOf(review), group(1, 0, 0, 0), group(0, 0, 0, 0)),
                List.of());
    }

    /** A GB2019 report (year 2020) of a county government: single （六）其他处理 row, GB2019 section 二. */
    public static ParsedReport consistentGb2019() {
        Map<String, List<Long>> rows = new LinkedHashMap<>();
        long[] received = {9, 2, 0, 0, 0, 0};
        long[] granted = {4, 1, 0, 0, 0, 0};
        long[] notHeld = {3, 1, 0, 0, 0, 0};
        long[] carriedForward = {2, 0, 0, 0, 0, 0};
        rows.put("newReceived", withTotal(received));
        rows.put("carriedOver", withTotal(new long[6]));
        rows.put("granted", withTotal(granted));
        for (String key : List.of("partlyGranted", "denied.stateSecret", "denied.prohibitedByLaw", "denied.securityStability",
                "denied.thirdPartyRights", "denied.internalAffairs", "denied.processInformation", "denied.enforcementFiles",
                "denied.administrativeQuery")) {
            rows.put(key, withTotal(new long[6]));
        }
        rows.put("unavailable.notHeld", withTotal(notHeld));
        for (String key : List.of("unavailable.needsCreation", "unavailable.unclearAfterCorrection",
                "notProcessed.petitionOrComplaint", "notProcessed.repeated", "notProcessed.publication",
                "notProcessed.massRepeated", "notProcessed.reissue", "otherHandling")) {
            rows.put(key, withTotal(new long[6]));
        }
        rows.put("totalHandled", withTotal(add(granted, notHeld)));
        rows.put("carriedForward", withTotal(carriedForward));
        Map<String, Map<String, BigDecimal>> proactive = new LinkedHashMap<>();
        proactive.put("regulations", values("made", 0, "published", 0, "totalPublished", 0));
        proactive.put("normativeDocuments", values("made", 5, "published", 5, "totalPublished", 37));
        proactive.put("licensing", values("itemsLastYear", 412, "itemsChange", -6, "decisions", 9321));
        proactive.put("otherServices", values("itemsLastYear", 230, "itemsChange", 4, "decisions", 1802));
        proactive.put("penalties", values("itemsLastYear", 1675, "itemsChange", 0, "decisions", 512));
        proactive.put("coercion", values("itemsLastYear", 88, "itemsChange", 0, "decisions", 27));
        proactive.put("fees", values("itemsLastYear", 12, "itemsChange", -1));
        Map<String, BigDecimal> procurement = new LinkedHashMap<>();
        procurement.put("projects", BigDecimal.valueOf(143));
        procurement.put("amountYuan", new BigDecimal("18265430.50"));
        proactive.put("procurement", procurement);
        return new ParsedReport(
                new ReportMetadata("青山县人民政府", AgencyLevel.GOVERNMENT, 2020, LocalDate.of(2021, 3, 26)),
                Template.GB2019,
                sections(2020, "全年主动公开政府信息2310条。共收到政府信息公开申请11件，结转下年度继续办理2件。"),
                new ProactiveTable(proactive),
                new ApplicationsTable(rows),
                review(group(0, 0, 0, 0), group(0, 0, 0, 0), group(0, 0, 0, 0)),
                List.of());
    }

    /** Section 三 in GB2021 layout: the given new and carried-over applications, all handled as below. */
    private static Map<String, List<Long>> gb2021Applications(long[] received, long[] carriedOver) {
        long[] granted = {9, 2, 0, 0, 1, 0};
        long[] partly = {2, 0, 0, 0, 0, 0};
        long[] processInfo = {1, 0, 0, 0, 0, 0};
        long[] notHeld = {4, 1, 0, 0, 0, 0};
        long[] petition = {1, 0, 0, 0, 0, 0};
        long[] handled = add(granted, partly, processInfo, notHeld, petition);
        long[] forward = subtract(add(received, carriedOver), handled);
        Map<String, List<Long>> rows = new LinkedHashMap<>();
        rows.put("newReceived", withTotal(received));
        rows.put("carriedOver", withTotal(carriedOver));
        rows.put("granted", withTotal(granted));
        rows.put("partlyGranted", withTotal(partly));
        for (String key : List.of("denied.stateSecret", "denied.prohibitedByLaw", "denied.securityStability",
                "denied.thirdPartyRights", "denied.internalAffairs")) {
            rows.put(key, withTotal(new long[6]));
        }
        rows.put("denied.processInformation", withTotal(processInfo));
        rows.put("denied.enforcementFiles", withTotal(new long[6]));
        rows.put("denied.administrativeQuery", withTotal(new long[6]));
        rows.put("unavailable.notHeld", withTotal(notHeld));
        rows.put("unavailable.needsCreation", withTotal(new long[6]));
        rows.put("unavailable.unclearAfterCorrection", withTotal(new long[6]));
        rows.put("notProcessed.petitionOrComplaint", withTotal(petition));
        for (String key : List.of("notProcessed.repeated", "notProcessed.publication", "notProcessed.massRepeated",
                "notProcessed.reissue", "otherHandling.noCorrection", "otherHandling.feeUnpaid", "otherHandling.other")) {
            rows.put(key, withTotal(new long[6]));
        }
        rows.put("totalHandled", withTotal(handled));
        rows.put("carriedForward", withTotal(forward));
        return rows;
    }

    private static ProactiveTable gb2021Proactive() {
        Map<String, Map<String, BigDecimal>> rows = new LinkedHashMap<>();
        rows.put("regulations", values("issued", 0, "repealed", 0, "inForce", 0));
        rows.put("normativeDocuments", values("issued", 6, "repealed", 2, "inForce", 31));
        rows.put("licensing", values("decisions", 1287));
        rows.put("penalties", values("decisions", 342));
        rows.put("coercion", values("decisions", 15));
        Map<String, BigDecimal> fees = new LinkedHashMap<>();
        fees.put("amountTenThousandYuan", new BigDecimal("12.35"));
        rows.put("fees", fees);
        return new ProactiveTable(rows);
    }

    private static List<Section> sections(int year, String overview) {
        return List.of(
                new Section(SectionKind.OVERVIEW, SectionKind.OVERVIEW.templateHeading(),
                        year + "年，本机关认真贯彻落实《中华人民共和国政府信息公开条例》，" + overview),
                new Section(SectionKind.PROACTIVE, SectionKind.PROACTIVE.templateHeading(), ""),
                new Section(SectionKind.APPLICATIONS, SectionKind.APPLICATIONS.templateHeading(), ""),
                new Section(SectionKind.REVIEW_LITIGATION, SectionKind.REVIEW_LITIGATION.templateHeading(), ""),
                new Section(SectionKind.PROBLEMS, SectionKind.PROBLEMS.templateHeading(),
                        "存在的主要问题是政策解读形式较为单一，部分栏目更新不够及时。下一步将丰富图解、视频等解读形式，建立栏目更新提醒机制。"),
                new Section(SectionKind.OTHER_MATTERS, SectionKind.OTHER_MATTERS.templateHeading(),
                        "本年度未收取信息处理费。"));
    }

    private static ReviewLitigationTable review(List<Long> review, List<Long> direct, List<Long> afterReview) {
        Map<String, List<Long>> groups = new LinkedHashMap<>();
        groups.put("review", review);
        groups.put("litigationDirect", direct);
        groups.put("litigationAfterReview", afterReview);
        return new ReviewLitigationTable(groups);
    }

    /** A section 四 group: the four results and their total. */
    private static List<Long> group(long upheld, long corrected, long other, long pending) {
        return List.of(upheld, corrected, other, pending, upheld + corrected + other + pending);
    }

    private static List<Long> withTotal(long[] parts) {
        List<Long> row = new ArrayList<>(Arrays.stream(parts).boxed().toList());
        row.add(Arrays.stream(parts).sum());
        return List.copyOf(row);
    }

    private static long[] add(long[]... rows) {
        long[] sum = new long[6];
        for (long[] r : rows) {
            for (int i = 0; i < sum.length; i++) {
                sum[i] += r[i];
            }
        }
        return sum;
    }

    private static long[] subtract(long[] a, long[] b) {
        long[] d = new long[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i] - b[i];
        }
        return d;
    }

    /** Column key → value pairs, in the template's column order. */
    private static Map<String, BigDecimal> values(Object... keyValues) {
        Map<String, BigDecimal> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], BigDecimal.valueOf(((Number) keyValues[i + 1]).longValue()));
        }
        return m;
    }
}
