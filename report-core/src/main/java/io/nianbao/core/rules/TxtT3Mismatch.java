package io.nianbao.core.rules;

import io.nianbao.core.model.ApplicationsTable;
import io.nianbao.core.model.ParsedReport;
import io.nianbao.core.parse.RowKeys;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** TXT-T3-MISMATCH: an application count quoted in the prose that section 三 cannot account for. */
public final class TxtT3Mismatch extends NarrativeRule {

    /** "申请" but not "依申请公开" (a kind of disclosure) nor "申请人" (a person). */
    private static final Pattern KEYWORD = Pattern.compile("(?<!依)申请(?!人)");
    /**
     * Requests through other channels (信箱, 热线), review and litigation (section 四), and
     * breakdowns the table does not have: by channel ("网上申请15件") or by subject ("涉及征地类20件").
     */
    private static final Pattern OTHER_TOPIC = Pattern.compile(
            "复议|诉讼|信箱|留言|热线|来信|来电|12345|建议|提案|网络|网上|互联网|在线|信函|邮寄|当面|现场|传真|邮件|电话|涉及|方面|领域|类");
    private static final Set<String> APPLICATION_UNITS = Set.of("件", "宗", "份");
    private static final List<String> GROUPS = List.of("denied.", "unavailable.", "notProcessed.", "otherHandling");

    @Override
    public RuleId id() { return RuleId.TXT_T3_MISMATCH; }

    @Override
    Pattern keyword() { return KEYWORD; }

    @Override
    boolean about(String clause) { return !mentionsAny(clause, OTHER_TOPIC); }

    /** Every row: a quote may name any row's total or a sum of rows, and one not read would be missed. */
    @Override
    List<String> reliedOn() { return List.of("三"); }

    /** Applications are counted in 件, 宗, 份; "条" counts items of information ("公开许可证783条"). */
    @Override
    Set<String> units() { return APPLICATION_UNITS; }

    @Override
    String table() { return "三"; }

    @Override
    Set<Long> plausible(ParsedReport report) {
        Map<String, List<Long>> rows = Cells.applicationRows(report);
        if (rows.isEmpty()) {
            return null;
        }
        Set<Long> out = new HashSet<>();
        rows.values().forEach(row -> out.add(Cells.total(row, ApplicationsTable.TOTAL)));
        // "其中自然人申请N件": the applicant columns of what was received and handled.
        for (String key : List.of("newReceived", "totalHandled")) {
            List<Long> row = rows.get(key);
            for (int c = 0; row != null && c < ApplicationsTable.COLUMNS.size(); c++) {
                out.add(Cells.value(Cells.at(row, c)));
            }
        }
        out.add(total(rows, "newReceived") + total(rows, "carriedOver"));
        out.add(total(rows, "granted") + total(rows, "partlyGranted"));
        for (String group : GROUPS) {
            out.add(rows.entrySet().stream().filter(e -> e.getKey().startsWith(group))
                    .mapToLong(e -> Cells.total(e.getValue(), ApplicationsTable.TOTAL)).sum());
        }
        // "不予公开、无法提供、不予处理等N件": every result but (partly) granted.
        out.add(rows.entrySet().stream()
                .filter(e -> RowKeys.isResult(e.getKey()) && !e.getKey().equals("granted") && !e.getKey().equals("partlyGranted"))
                .mapToLong(e -> Cells.total(e.getValue(), ApplicationsTable.TOTAL)).sum());
        return out;
    }

    @Override
    String summary(ParsedReport report) {
        Map<String, List<Long>> rows = Cells.applicationRows(report);
        return "本年新收申请" + total(rows, "newReceived") + "件，上年结转" + total(rows, "carriedOver")
                + "件，办理结果总计" + total(rows, "totalHandled") + "件";
    }

    private static long total(Map<String, List<Long>> rows, String key) {
        return rows.containsKey(key) ? Cells.total(rows.get(key), ApplicationsTable.TOTAL) : 0;
    }
}
