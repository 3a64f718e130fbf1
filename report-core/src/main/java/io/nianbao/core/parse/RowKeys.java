package io.nianbao.core.parse;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Matches row labels to the keys of report-format.md by meaning, not by exact wording. A label
 * may carry fragments of headers, group labels and wrapped neighbours ("三、本年度办理结果(一)予以公开",
 * "(六)其他处理1.申请人无正当理由…"), so the key whose words end last in the label wins: that is
 * the row's own, most specific label.
 */
public final class RowKeys {

    /**
     * @param starts the characters the alternatives of {@code words} begin with, or null when one
     *               begins with a regex construct. Every label is tried against every key; one
     *               holding none of these characters cannot match, and its regex is not run.
     */
    private record Key(String key, String name, Pattern words, String starts) {

        boolean mayOccurIn(String label) {
            if (starts == null) {
                return true;
            }
            for (int i = 0; i < starts.length(); i++) {
                if (label.indexOf(starts.charAt(i)) >= 0) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Section 二, in template order (both versions). */
    private static final List<Key> PROACTIVE = List.of(
            key("regulations", "规章", "规章"),
            key("normativeDocuments", "规范性文件", "规范性文件"),
            key("licensing", "行政许可", "行政许可"),
            key("otherServices", "其他对外管理服务事项", "对外管理服务", "其他对外管理"),
            key("penalties", "行政处罚", "行政处罚"),
            key("coercion", "行政强制", "行政强制"),
            key("fees", "行政事业性收费", "事业性收费"),
            key("procurement", "政府集中采购", "集中采购", "政府采购"));

    /** Section 三, in template order; both layouts of （六）. */
    private static final List<Key> APPLICATIONS = List.of(
            key("newReceived", "本年新收政府信息公开申请数量", "本年新收", "新收.{0,8}申请"),
            key("carriedOver", "上年结转政府信息公开申请数量", "上年结转", "上年度结转"),
            key("granted", "予以公开", "予以公开"),
            key("partlyGranted", "部分公开", "部分公开"),
            key("denied.stateSecret", "属于国家秘密", "国家秘密"),
            // "其他法律行政止公开" (a real typo) must still land here.
            key("denied.prohibitedByLaw", "其他法律行政法规禁止公开", "法规禁止", "禁止公开", "其他法律行政", "行政止公开"),
            key("denied.securityStability", "危及“三安全一稳定”", "三安全", "一稳定", "危及"),
            key("denied.thirdPartyRights", "保护第三方合法权益", "第三方"),
            key("denied.internalAffairs", "属于三类内部事务信息", "内部事务"),
            key("denied.processInformation", "属于四类过程性信息", "过程性"),
            key("denied.enforcementFiles", "属于行政执法案卷", "执法案卷"),
            key("denied.administrativeQuery", "属于行政查询事项", "行政查询", "查询事项"),
            key("unavailable.notHeld", "本机关不掌握相关政府信息", "不掌握"),
            key("unavailable.needsCreation", "没有现成信息需要另行制作", "另行制作", "没有现成"),
            key("unavailable.unclearAfterCorrection", "补正后申请内容仍不明确", "补正后", "仍不明确"),
            key("notProcessed.petitionOrComplaint", "信访举报投诉类申请", "信访", "举报投诉"),
            key("notProcessed.repeated", "重复申请", "重复申请"),
            key("notProcessed.publication", "要求提供公开出版物", "出版物"),
            key("notProcessed.massRepeated", "无正当理由大量反复申请", "大量反复", "大量重复"),
            key("notProcessed.reissue", "要求行政机关确认或重新出具已获取信息", "重新出具", "确认或重新"),
            key("otherHandling", "其他处理", "其他处理"),
            key("otherHandling.noCorrection", "申请人无正当理由逾期不补正", "不补正", "逾期未补正"),
            key("otherHandling.feeUnpaid", "申请人逾期未按收费通知要求缴纳费用", "缴纳费用", "收费通知", "未按.{0,4}缴费"),
            key("otherHandling.other", "其他处理—其他", "(?:^|\\d[.、]?)其他$"),
            key("totalHandled", "总计", "总计", "合计"),
            key("carriedForward", "结转下年度继续办理", "结转下年", "下年度继续", "转入下年"));

    /** Longer than any row's label, with its group's label and numbering before it. */
    static final int LONGEST_LABEL = 80;

    /** Words of the tables' column headers, never of a row's label ("自然人 … 总计" names a column). */
    private static final Pattern COLUMN_HEADERS = Pattern.compile("自然人|法人或其他组织|商业企业|科研机构|社会公益组织|法律服务机构|申请人情况");

    /** Keys of section 三 in template order, both layouts of （六）. */
    public static final List<String> APPLICATION_KEYS = APPLICATIONS.stream().map(Key::key).toList();
    /** Keys of section 二 in template order. */
    public static final List<String> PROACTIVE_KEYS = PROACTIVE.stream().map(Key::key).toList();

    private RowKeys() {
    }

    /** A key whose label holds any of the alternatives (regexes). */
    private static Key key(String key, String name, String... alternatives) {
        Pattern words = Pattern.compile(String.join("|", alternatives));
        StringBuilder starts = new StringBuilder();
        for (String alternative : alternatives) {
            char first = alternative.charAt(0);
            if ("\\^$.[]()|?*+{}".indexOf(first) >= 0) {
                return new Key(key, name, words, null);
            }
            starts.append(first);
        }
        return new Key(key, name, words, starts.toString());
    }

    /** Section 三's row keys in the template, with （六）其他处理 as three sub-rows (GB2021) or one row. */
    public static List<String> applicationTemplate(boolean otherHandlingSubRows) {
        return APPLICATION_KEYS.stream()
                .filter(k -> otherHandlingSubRows ? !k.equals("otherHandling") : !k.startsWith("otherHandling."))
                .toList();
    }

    /** Whether a section 三 row is one of the results of handling (一) to (六), which add up to 总计. */
    public static boolean isResult(String key) {
        return key.equals("granted") || key.equals("partlyGranted") || key.equals("otherHandling")
                || key.startsWith("denied.") || key.startsWith("unavailable.") || key.startsWith("notProcessed.")
                || key.startsWith("otherHandling.");
    }

    /** Whether a (compact) label holds a column header's words: a header row, whatever row names it holds. */
    public static boolean namesColumns(String label) {
        return COLUMN_HEADERS.matcher(label).find();
    }

    /** Whether a (compact) text may name the row of {@code key}: false when none of its words can be in it. */
    static boolean mayName(String text, String key) {
        for (List<Key> keys : List.of(PROACTIVE, APPLICATIONS)) {
            for (Key k : keys) {
                if (k.key().equals(key)) {
                    return k.mayOccurIn(text) && k.words().matcher(text).find();
                }
            }
        }
        return false;
    }

    /** The template's Chinese wording of a row key, for messages; the key itself when unknown. */
    public static String name(String key) {
        for (List<Key> keys : List.of(PROACTIVE, APPLICATIONS)) {
            for (Key k : keys) {
                if (k.key().equals(key)) {
                    return k.name();
                }
            }
        }
        return key;
    }

    /** The section 二 key of a (compact) label, or null. */
    public static String proactive(String label) {
        return match(PROACTIVE, label);
    }

    /** The section 三 key of a (compact) label, or null. */
    public static String application(String label) {
        return match(APPLICATIONS, label);
    }

    /** The template row (of section 二 or 三) a (compact) label names, or null; text longer than any label names none. */
    static String anyTable(String label) {
        if (label.length() > LONGEST_LABEL) {
            return null;
        }
        String proactive = proactive(label);
        return proactive != null ? proactive : application(label);
    }

    private static String match(List<Key> keys, String label) {
        String best = null;
        int bestEnd = -1;
        int bestLength = 0;
        for (Key k : keys) {
            if (!k.mayOccurIn(label)) {
                continue;
            }
            Matcher m = k.words().matcher(label);
            while (m.find()) {
                int len = m.end() - m.start();
                if (m.end() > bestEnd || m.end() == bestEnd && len > bestLength) {
                    best = k.key();
                    bestEnd = m.end();
                    bestLength = len;
                }
            }
        }
        return best;
    }
}
