package io.nianbao.core.rules;

import java.util.Map;

/** Chinese names of rows, columns and groups, so messages read like the agency's own table. */
final class Labels {

    private Labels() {
    }

    private static final Map<String, String> NAMES = Map.ofEntries(
            // section 二
            Map.entry("regulations", "规章"),
            Map.entry("normativeDocuments", "规范性文件"),
            Map.entry("licensing", "行政许可"),
            Map.entry("otherServices", "其他对外管理服务事项"),
            Map.entry("penalties", "行政处罚"),
            Map.entry("coercion", "行政强制"),
            Map.entry("fees", "行政事业性收费"),
            Map.entry("procurement", "政府集中采购"),
            Map.entry("issued", "本年制发件数"),
            Map.entry("repealed", "本年废止件数"),
            Map.entry("inForce", "现行有效件数"),
            Map.entry("made", "本年新制作数量"),
            Map.entry("published", "本年新公开数量"),
            Map.entry("totalPublished", "对外公开总数量"),
            Map.entry("itemsLastYear", "上一年项目数量"),
            Map.entry("itemsChange", "本年增/减"),
            Map.entry("decisions", "处理决定数量"),
            Map.entry("amountTenThousandYuan", "本年收费金额"),
            Map.entry("projects", "采购项目数量"),
            Map.entry("amountYuan", "采购总金额"),
            // section 三
            Map.entry("naturalPerson", "自然人"),
            Map.entry("commercial", "商业企业"),
            Map.entry("research", "科研机构"),
            Map.entry("publicInterest", "社会公益组织"),
            Map.entry("legalService", "法律服务机构"),
            Map.entry("otherOrg", "其他组织"),
            Map.entry("total", "总计"),
            Map.entry("newReceived", "本年新收申请"),
            Map.entry("carriedOver", "上年结转申请"),
            Map.entry("granted", "予以公开"),
            Map.entry("partlyGranted", "部分公开"),
            Map.entry("denied.stateSecret", "不予公开—属于国家秘密"),
            Map.entry("denied.prohibitedByLaw", "不予公开—其他法律行政法规禁止公开"),
            Map.entry("denied.securityStability", "不予公开—危及“三安全一稳定”"),
            Map.entry("denied.thirdPartyRights", "不予公开—保护第三方合法权益"),
            Map.entry("denied.internalAffairs", "不予公开—属于三类内部事务信息"),
            Map.entry("denied.processInformation", "不予公开—属于四类过程性信息"),
            Map.entry("denied.enforcementFiles", "不予公开—属于行政执法案卷"),
            Map.entry("denied.administrativeQuery", "不予公开—属于行政查询事项"),
            Map.entry("unavailable.notHeld", "无法提供—本机关不掌握相关政府信息"),
            Map.entry("unavailable.needsCreation", "无法提供—没有现成信息需要另行制作"),
            Map.entry("unavailable.unclearAfterCorrection", "无法提供—补正后申请内容仍不明确"),
            Map.entry("notProcessed.petitionOrComplaint", "不予处理—信访举报投诉类申请"),
            Map.entry("notProcessed.repeated", "不予处理—重复申请"),
            Map.entry("notProcessed.publication", "不予处理—要求提供公开出版物"),
            Map.entry("notProcessed.massRepeated", "不予处理—无正当理由大量反复申请"),
            Map.entry("notProcessed.reissue", "不予处理—要求行政机关确认或重新出具已获取信息"),
            Map.entry("otherHandling", "其他处理"),
            Map.entry("otherHandling.noCorrection", "其他处理—逾期不补正"),
            Map.entry("otherHandling.feeUnpaid", "其他处理—逾期未缴纳费用"),
            Map.entry("otherHandling.other", "其他处理—其他"),
            Map.entry("totalHandled", "办理结果总计"),
            Map.entry("carriedForward", "结转下年度继续办理"),
            // section 四
            Map.entry("review", "行政复议"),
            Map.entry("litigationDirect", "行政诉讼（未经复议直接起诉）"),
            Map.entry("litigationAfterReview", "行政诉讼（复议后起诉）"),
            Map.entry("upheld", "结果维持"),
            Map.entry("corrected", "结果纠正"),
            Map.entry("other", "其他结果"),
            Map.entry("pending", "尚未审结"));

    /** The Chinese name of a key, or the key itself when it has none. */
    static String of(String key) {
        return NAMES.getOrDefault(key, key);
    }

    /** "表三“本年新收申请”行“总计”列" for location "三.newReceived.total". */
    static String cell(String location) {
        String[] parts = location.split("\\.", 2);
        if (parts.length < 2) {
            return "表" + location;
        }
        String rest = parts[1];
        int lastDot = rest.lastIndexOf('.');
        // Row keys may contain a dot themselves ("denied.stateSecret"); the column is the last part.
        String row = lastDot < 0 ? rest : rest.substring(0, lastDot);
        String column = lastDot < 0 ? null : rest.substring(lastDot + 1);
        return "表" + parts[0] + "“" + of(row) + "”" + (column == null ? "" : "行“" + of(column) + "”列");
    }
}
