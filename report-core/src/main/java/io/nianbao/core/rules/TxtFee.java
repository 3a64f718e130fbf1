package io.nianbao.core.rules;

import io.nianbao.core.model.ApplicationsTable;
import io.nianbao.core.model.Finding;
import io.nianbao.core.model.Section;
import io.nianbao.core.model.SectionKind;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * TXT-FEE: under GB2021, section 六 must state the 信息处理费 collected (国办函〔2020〕109号); and it
 * may not state that none arose while section 三 counts applications dropped for unpaid fees.
 */
public final class TxtFee implements ReportRule {

    /** A statement of fees, in any wording: "信息处理费", "未发生收费情况", "未收取任何费用", "收费0元". */
    private static final Pattern FEE = Pattern.compile("处理费|收费|收取.{0,8}费|费用");
    private static final Pattern NONE = Pattern.compile("(未|没有|无|不)(收取|收费|发生|产生|发出)|均为0|(?<![\\d.])0(\\.0+)?(万)?元");

    @Override
    public RuleId id() { return RuleId.TXT_FEE; }

    @Override
    public List<Finding> check(RuleContext ctx) {
        Optional<Section> other = Reports.section(ctx.report(), SectionKind.OTHER_MATTERS);
        if (other.isEmpty() || !Reports.gb2021(ctx.report())) {
            return List.of();
        }
        String text = Prose.squeeze(other.get().text());
        if (!FEE.matcher(text).find()) {
            return List.of(id().finding(SectionKind.OTHER_MATTERS.numeral(),
                    Reports.name(SectionKind.OTHER_MATTERS) + "未说明本年度收取信息处理费的情况（发出收费通知的件数和总金额、实际收取的总金额），请补充。",
                    other.get().text().strip()));
        }
        Map<String, List<Long>> rows = Cells.applicationRows(ctx.report());
        List<Long> unpaid = rows.get("otherHandling.feeUnpaid");
        long dropped = unpaid == null || ctx.uncertain("三.otherHandling.feeUnpaid") ? 0 : Cells.total(unpaid, ApplicationsTable.TOTAL);
        if (dropped > 0 && NONE.matcher(text).find()) {
            return List.of(id().finding(SectionKind.OTHER_MATTERS.numeral(),
                    "表三有" + dropped + "件申请因申请人逾期未缴纳费用而不再处理，说明发出过收费通知，但"
                            + Reports.name(SectionKind.OTHER_MATTERS) + "称未发生信息处理费，请核对。",
                    other.get().text().strip()));
        }
        return List.of();
    }
}
