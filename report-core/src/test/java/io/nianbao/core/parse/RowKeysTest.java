package io.nianbao.core.parse;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class RowKeysTest {

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "一、本年新收政府信息公开申请数量;newReceived",
            "申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他一、本年新收政府信息公开申请数量;newReceived",
            "三、本年度办理结果(一)予以公开;granted",
            "(二)部分公开(区分处理的,只计这一情形,不计其他情形);partlyGranted",
            "计其他情形)1.属于国家秘密;denied.stateSecret",
            "2.其他法律行政止公开;denied.prohibitedByLaw",
            "3.危及“三安全一稳定”;denied.securityStability",
            "办(三)不予公开理5.属于三类内部事务信息;denied.internalAffairs",
            "(四)无法提供1.本机关不掌握相关政府信息;unavailable.notHeld",
            "3.补正后申请内容仍不明确;unavailable.unclearAfterCorrection",
            "4.无正当理由大量反复申请;notProcessed.massRepeated",
            "2.重复申请;notProcessed.repeated",
            "已获取信息(六)其他处理;otherHandling",
            "(六)其他处理1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请;otherHandling.noCorrection",
            "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请;otherHandling.feeUnpaid",
            "3.其他;otherHandling.other",
            "(七)总计;totalHandled",
            "四、结转下年度继续办理;carriedForward"})
    void applicationLabelsMatchByMeaning(String label, String key) {
        assertThat(RowKeys.application(label)).isEqualTo(key);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "第二十条第(一)项信息内容本年制发件数本年废止件数现行有效件数规章;regulations",
            "行政规范性文件;normativeDocuments", "规范性文件;normativeDocuments",
            "信息内容本年收费金额(单位:万元)行政事业性收费;fees", "其他对外管理服务事项;otherServices",
            "政府集中采购;procurement"})
    void proactiveLabelsMatchByMeaning(String label, String key) {
        assertThat(RowKeys.proactive(label)).isEqualTo(key);
    }

    @ParameterizedTest
    @CsvSource({"信息内容", "自然人法人或其他组织", "申请人情况"})
    void headersAreNoRow(String label) {
        assertThat(RowKeys.application(label)).isNull();
        assertThat(RowKeys.proactive(label)).isNull();
    }
}
