package io.nianbao.core.ocr;

import io.nianbao.core.model.Finding;
import io.nianbao.core.model.ParsedReport;
import io.nianbao.core.model.ReviewLitigationTable;
import io.nianbao.core.parse.RowKeys;
import io.nianbao.core.rules.ParseUncertain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The template's rows that tables 三 and 四 read by OCR do not have: a row lost where a table
 * breaks across two scanned pages, or under a stain, is the reading's, not an agency's omission.
 * Each is PARSE-UNCERTAIN, so that no sum over it is checked ({@link io.nianbao.core.rules.TableIdentities}).
 */
public final class UnfoundRows {

    private UnfoundRows() {
    }

    /** The report with a PARSE-UNCERTAIN for each row of its tables 三 and 四 that is not there. */
    public static ParsedReport named(ParsedReport report) {
        List<Finding> unfound = new ArrayList<>();
        if (report.applications() != null) {
            Map<String, List<Long>> rows = report.applications().rows();
            boolean otherHandlingSubRows = rows.keySet().stream().anyMatch(k -> k.startsWith("otherHandling."));
            for (String key : RowKeys.applicationTemplate(otherHandlingSubRows)) {
                if (!rows.containsKey(key) && !named(report, "三." + key)) {
                    unfound.add(ParseUncertain.rowNotFoundByOcr("三." + key));
                }
            }
        }
        if (report.reviewLitigation() != null) {
            for (String group : ReviewLitigationTable.GROUPS) {
                if (!report.reviewLitigation().groups().containsKey(group) && !named(report, "四." + group)) {
                    unfound.add(ParseUncertain.rowNotFoundByOcr("四." + group));
                }
            }
        }
        if (unfound.isEmpty()) {
            return report;
        }
        List<Finding> findings = new ArrayList<>(report.parseFindings());
        findings.addAll(unfound);
        return new ParsedReport(report.meta(), report.template(), report.sections(), report.proactive(), report.applications(),
                report.reviewLitigation(), List.copyOf(findings), report.readByOcr());
    }

    /** Whether the parser has already said why the row is not there. */
    private static boolean named(ParsedReport report, String location) {
        return report.parseFindings().stream().anyMatch(f -> location.equals(f.location()));
    }
}
