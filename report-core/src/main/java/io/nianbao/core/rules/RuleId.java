package io.nianbao.core.rules;

import io.nianbao.core.model.Finding;
import io.nianbao.core.model.Responsibility;
import io.nianbao.core.model.Severity;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every rule of spec/rules.md, in catalog order, with its fixed severity, who it blames and its Chinese name. */
public enum RuleId {
    SEC_MISSING(Severity.ERROR, "章节缺失"),
    SEC_ORDER(Severity.WARNING, "章节顺序错乱"),
    SEC_HEADING(Severity.INFO, "章节标题不规范"),
    FMT_VERSION(Severity.ERROR, "表格模板版本不符"),
    FMT_BASIS(Severity.WARNING, "引用已废止的编制依据"),
    FMT_UNSUPPORTED(Severity.INFO, Responsibility.SYSTEM, "非年报格式，未予核查"),
    TBL_MISSING(Severity.ERROR, "表格缺失"),
    TBL_SHAPE(Severity.ERROR, "表格结构不符"),
    CELL_BLANK(Severity.WARNING, "数据单元格空白"),
    CELL_INVALID(Severity.ERROR, "数据单元格无效"),
    CELL_UNIT(Severity.WARNING, "金额单位不符"),
    PARSE_UNCERTAIN(Severity.WARNING, Responsibility.SYSTEM, "系统未能确定读取"),
    T3_BALANCE(Severity.ERROR, "申请收支不平衡"),
    T3_RESULT_SUM(Severity.ERROR, "办理结果合计不符"),
    T3_ROW_SUM(Severity.ERROR, "申请人类别合计不符"),
    T4_SUM(Severity.ERROR, "复议诉讼合计不符"),
    TXT_T2_MISMATCH(Severity.WARNING, "正文与表二数据不一致"),
    TXT_T3_MISMATCH(Severity.WARNING, "正文与表三数据不一致"),
    TXT_T4_MISMATCH(Severity.WARNING, "正文与表四数据不一致"),
    TXT_YEAR(Severity.ERROR, "年度表述不一致"),
    TXT_FEE(Severity.WARNING, "信息处理费情况未说明"),
    TXT_THIN(Severity.WARNING, "存在的主要问题及改进情况内容过少"),
    PUB_LATE(Severity.ERROR, "逾期发布"),
    PUB_MISSING(Severity.ERROR, "未发布年度报告"),
    XY_CARRYOVER(Severity.ERROR, "上年结转数与上年报告不衔接"),
    XY_INFORCE(Severity.WARNING, "现行有效件数与上年不衔接"),
    XY_COPY(Severity.WARNING, "与上年报告雷同"),
    XY_REVISED(Severity.WARNING, "发布后修改内容");

    /** Notifications and reports name rules by id for every finding they show: found once, not by a scan. */
    private static final Map<String, RuleId> BY_ID = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(RuleId::id, Function.identity()));

    private final Severity severity;
    private final Responsibility responsibility;
    private final String chineseName;

    RuleId(Severity severity, String chineseName) {
        this(severity, Responsibility.AGENCY, chineseName);
    }

    RuleId(Severity severity, Responsibility responsibility, String chineseName) {
        this.severity = severity;
        this.responsibility = responsibility;
        this.chineseName = chineseName;
    }

    /** The stable id as written in the catalog, e.g. "T3-BALANCE". */
    public String id() {
        return name().replace('_', '-');
    }

    /** The name inspectors read beside the id, e.g. 申请收支不平衡 for T3-BALANCE. */
    public String chineseName() {
        return chineseName;
    }

    /** The rule of a catalog id ("T3-BALANCE"), if it is one. */
    public static Optional<RuleId> ofId(String id) {
        return Optional.ofNullable(id == null ? null : BY_ID.get(id));
    }

    /** A rule as inspectors read it: its id and Chinese name ("T3-BALANCE 申请收支不平衡"), or the id alone when it is none of ours. */
    public static String labelOf(String id) {
        return ofId(id).map(rule -> id + " " + rule.chineseName).orElse(id);
    }

    public Severity severity() { return severity; }

    public Responsibility responsibility() { return responsibility; }

    /** A finding of this rule with arithmetic values. */
    public Finding finding(String location, long expected, long actual, String message) {
        return finding(location, BigDecimal.valueOf(expected), BigDecimal.valueOf(actual), message, null);
    }

    /** A finding of this rule without arithmetic. */
    public Finding finding(String location, String message, String evidence) {
        return finding(location, null, null, message, evidence);
    }

    public Finding finding(String location, BigDecimal expected, BigDecimal actual, String message, String evidence) {
        return new Finding(id(), severity, responsibility, location, expected, actual, message, evidence);
    }
}
