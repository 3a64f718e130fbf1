package io.nianbao.notify;

import io.nianbao.events.AgencyLevel;
import io.nianbao.events.Responsibility;
import io.nianbao.events.Severity;
import io.nianbao.notify.Notification.ReportFindings;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MailTextTest {

    private static final String INBOX = "https://nianbao.example/inbox";

    private final Notification notification = sample();

    /** A report of an agency whose name needs escaping, with an agency finding quoting the report and a SYSTEM one. */
    static Notification sample() {
        ReportInfo report = new ReportInfo("r-42", "agency-1", "某县<人民政府>办公室", AgencyLevel.GOVERNMENT,
                "500241", 2024, "2025-01-20", null, null);
        StoredFinding balance = new StoredFinding("fp1", "T3-BALANCE", Severity.ERROR, Responsibility.AGENCY,
                "三.totalHandled.total", "12", "13", "总计应为12件，实为13件。", "总计 13 & 结转 \"2\"");
        StoredFinding unreadable = new StoredFinding("fp2", "TBL-SHAPE", Severity.WARNING, Responsibility.SYSTEM,
                null, null, null, "表三一行无法对齐。", null);
        return Notification.of(Target.email("inspector@example.org"), false,
                List.of(new ReportFindings(report, List.of(balance, unreadable))));
    }

    @Test
    void theHtmlPartShowsEveryFindingWithRuleSeverityPlaceEvidenceAndLink() {
        String html = MailText.html(notification, INBOX);

        assertThat(html).contains("<title>【年报核查】某县&lt;人民政府&gt;办公室 2024年度报告：发现2个问题</title>")
                .contains("<h2>某县&lt;人民政府&gt;办公室 2024年度报告</h2>")
                .contains("报告编号：r-42　发布日期：2025-01-20")
                .contains("<td>T3-BALANCE 申请收支不平衡</td><td>错误</td><td>表三“办理结果总计”总计</td><td>总计应为12件，实为13件。</td>"
                        + "<td>总计 13 &amp; 结转 &quot;2&quot;</td>")
                .contains("<a href=\"https://nianbao.example/inbox/reports/r-42#f-fp1\">在收件箱查看</a>")
                .contains("<td>TBL-SHAPE 表格结构不符</td><td>警告（系统）</td><td></td><td>表三一行无法对齐。</td><td></td>")
                .contains("不代表报告有误")
                .doesNotContain("<人民政府>");
    }

    @Test
    void thePlainTextPartCarriesTheSameFindings() {
        String text = MailText.plainText(notification, INBOX);

        assertThat(text).contains("机关：某县<人民政府>办公室")
                .contains("- [T3-BALANCE] 申请收支不平衡 错误 位置：表三“办理结果总计”总计\n  总计应为12件，实为13件。\n  原文：总计 13 & 结转 \"2\"")
                .contains("- [TBL-SHAPE] 表格结构不符 警告（系统）\n  表三一行无法对齐。\n")
                .contains("查看详情：https://nianbao.example/inbox/reports/r-42")
                .contains("（本邮件由年报核查系统自动发送。")
                .doesNotContain("原文：http");
    }

    @Test
    void aReportPublishedAtAWebAddressLinksItsOriginalAndAnythingElseIsNotLinked() {
        ReportInfo published = new ReportInfo("r-43", "agency-1", "某县人民政府", AgencyLevel.GOVERNMENT, "500241", 2024,
                "2025-01-20", "https://www.example.gov.cn/ndbg/2024(终稿).html?a=1&b=2", null);
        ReportInfo scripted = new ReportInfo("r-44", "agency-1", "某县人民政府", AgencyLevel.GOVERNMENT, "500241", 2024,
                "2025-01-20", "javascript:alert(1)", null);
        Notification both = Notification.of(Target.email("inspector@example.org"), false, List.of(
                new ReportFindings(published, notification.reports().getFirst().findings()),
                new ReportFindings(scripted, notification.reports().getFirst().findings())));

        assertThat(MailText.plainText(both, INBOX)).contains("原文：https://www.example.gov.cn/ndbg/2024(终稿).html?a=1&b=2")
                .doesNotContain("javascript:");
        assertThat(MailText.html(both, INBOX))
                .contains("<a href=\"https://www.example.gov.cn/ndbg/2024(终稿).html?a=1&amp;b=2\">查看原文</a>")
                .doesNotContain("javascript:");
        assertThat(RobotText.markdown(both, INBOX, 20_000))
                .contains("[查看原文](https://www.example.gov.cn/ndbg/2024%28终稿%29.html?a=1&b=2)")
                .doesNotContain("javascript:");
    }
}
