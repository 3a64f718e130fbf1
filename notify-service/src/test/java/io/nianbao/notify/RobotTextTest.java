package io.nianbao.notify;

import io.nianbao.events.AgencyLevel;
import io.nianbao.events.Responsibility;
import io.nianbao.events.Severity;
import io.nianbao.notify.Notification.ReportFindings;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class RobotTextTest {

    private static final String INBOX = "https://nianbao.example/inbox";

    @Test
    void aFindingReadsWithItsRuleNameSeverityPlaceMessageEvidenceAndTheInboxLink() {
        String markdown = RobotText.markdown(MailTextTest.sample(), INBOX, 4096);

        assertThat(markdown).startsWith("### 【年报核查】某县＜人民政府＞办公室 2024年度报告：发现2个问题\n")
                .contains("**某县＜人民政府＞办公室** 2024年度报告，发布日期 2025-01-20")
                .contains("- **T3-BALANCE 申请收支不平衡**（错误） 表三“办理结果总计”总计：总计应为12件，实为13件。 原文：「总计 13 & 结转 \"2\"」")
                .contains("- **TBL-SHAPE 表格结构不符**（警告（系统））：表三一行无法对齐。")
                .contains("[在收件箱查看](https://nianbao.example/inbox/reports/r-42)")
                .doesNotContain("另有");
    }

    @Test
    void whatDoesNotFitIsCountedAndTheInboxHasIt() {
        ReportInfo report = new ReportInfo("r-7", "agency-7", "某市某局", AgencyLevel.DEPARTMENT, "3201", 2024, null, null, null);
        List<StoredFinding> findings = IntStream.range(0, 200).mapToObj(i -> new StoredFinding("fp" + i, "CELL-BLANK",
                Severity.WARNING, Responsibility.AGENCY, "三.row" + i, null, null, "第" + i + "行数据空白，按模板应填写数字。",
                "这一行在原文中没有填写任何数字".repeat(6))).toList();
        Notification notification = Notification.of(Target.email("i@example.org"), false,
                List.of(new ReportFindings(report, findings)));

        String markdown = RobotText.markdown(notification, INBOX, 4096);

        assertThat(markdown.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(4096);
        int listed = (int) markdown.lines().filter(line -> line.startsWith("- **CELL-BLANK")).count();
        assertThat(listed).isPositive().isLessThan(200);
        assertThat(markdown).contains("另有" + (200 - listed) + "个问题未列出，请在[收件箱](https://nianbao.example/inbox/reports/r-7)查看全部。")
                .contains("原文：「" + "这一行在原文中没有填写任何数字".repeat(6).substring(0, RobotText.MAX_EVIDENCE) + "……」");
    }

    @Test
    void textFromTheReportMakesNoMarkdown() {
        assertThat(RobotText.plain("![x](http://evil.example) **粗** <font>\n#标题|`代码`"))
                .isEqualTo("！［x］（http://evil.example） ＊＊粗＊＊ ＜font＞ ＃标题｜｀代码｀");
    }
}
