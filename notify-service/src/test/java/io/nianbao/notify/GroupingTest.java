package io.nianbao.notify;

import io.nianbao.events.AgencyLevel;
import io.nianbao.events.Channel;
import io.nianbao.events.Responsibility;
import io.nianbao.events.Severity;
import io.nianbao.notify.Grouping.Label;
import io.nianbao.notify.Notification.GroupSend;
import io.nianbao.notify.Notification.ReportFindings;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GroupingTest {

    private static final ReportInfo QINHUAI = new ReportInfo("r-1", "qinhuai", "秦淮区人民政府", AgencyLevel.GOVERNMENT,
            "320104", 2024, "2025-01-20", null, null);
    private static final ReportInfo GULOU = new ReportInfo("r-2", "gulou", "鼓楼区人民政府", AgencyLevel.GOVERNMENT,
            "320106", 2024, "2025-01-21", null, null);

    private static StoredFinding finding(String rule, Severity severity) {
        return new StoredFinding(rule + severity, rule, severity, Responsibility.AGENCY, "三.total", null, null, "问题", null);
    }

    private static final Regions REGIONS = Regions.load();

    private static Grouping by(Label... labels) {
        return new Grouping(List.of(labels), Duration.ofSeconds(30), Duration.ofMinutes(5), null);
    }

    @Test
    void findingsOfTheSameLabelsShareAGroupAndItsTitleSaysWhichInChinese() {
        Grouping byRegionAndLevel = by(Label.LEVEL, Label.REGION);
        Grouping.Group qinhuai = byRegionAndLevel.groupOf(QINHUAI, finding("T3-BALANCE", Severity.ERROR), REGIONS::label);

        assertThat(byRegionAndLevel.groupOf(QINHUAI, finding("TXT-THIN", Severity.WARNING), REGIONS::label)).isEqualTo(qinhuai);
        assertThat(byRegionAndLevel.groupOf(GULOU, finding("T3-BALANCE", Severity.ERROR), REGIONS::label)).isNotEqualTo(qinhuai);
        assertThat(qinhuai.key()).isEqualTo("region=320104|level=GOVERNMENT");
        assertThat(qinhuai.title()).isEqualTo("地区 江苏省南京市秦淮区 · 层级 政府");
        assertThat(by(Label.RULE).groupOf(QINHUAI, finding("T3-BALANCE", Severity.ERROR), REGIONS::label).title())
                .isEqualTo("规则 T3-BALANCE 申请收支不平衡");
    }

    @Test
    void noLabelsIsOneGroupForEverything() {
        assertThat(by().groupOf(QINHUAI, finding("T3-BALANCE", Severity.ERROR), REGIONS::label))
                .isEqualTo(by().groupOf(GULOU, finding("TXT-THIN", Severity.WARNING), REGIONS::label));
    }

    @Test
    void theLabelsAreKeptAsTextAndReadBack() {
        Grouping grouping = by(Label.RULE, Label.REGION);
        assertThat(grouping.byText()).isEqualTo("region,rule");
        assertThat(Grouping.parseBy(grouping.byText())).containsExactly(Label.REGION, Label.RULE);
        assertThat(Grouping.parseBy("")).isEmpty();
    }

    @Test
    void timersMustMakeSense() {
        assertThatThrownBy(() -> new Grouping(List.of(), Duration.ofSeconds(-1), Duration.ofMinutes(5), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Grouping(List.of(), Duration.ZERO, Duration.ZERO, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new Grouping(List.of(), Duration.ZERO, Duration.ofMinutes(1), Duration.ofDays(1)).repeatInterval())
                .isEqualTo(Duration.ofDays(1));
    }

    @Test
    void aGroupsNotificationCountsItsReportsFindingsAndRules() {
        Notification notification = Notification.ofGroup(Target.email("i@example.org"), "region=3201", 0,
                new GroupSend("地区 3201", false), List.of(
                        new ReportFindings(QINHUAI, List.of(finding("T3-BALANCE", Severity.ERROR), finding("TXT-THIN", Severity.WARNING))),
                        new ReportFindings(GULOU, List.of(finding("T3-BALANCE", Severity.ERROR)))));

        assertThat(notification.summary(1))
                .isEqualTo("共2份报告、3个问题（错误2个，警告1个）；按规则：T3-BALANCE 申请收支不平衡 2等");
        assertThat(MailText.subject(notification)).isEqualTo("【年报核查】地区 3201：2份报告，3个问题");
        assertThat(notification.id()).as("the next send of the group is another notification")
                .isNotEqualTo(Notification.ofGroup(notification.target(), "region=3201", 1, notification.group(),
                        notification.reports()).id());
    }

    @Test
    void modesReadAsTheInboxSaysThem() {
        Subscription grouped = new Subscription(1L, "i@example.org", null, null, null, null, Severity.WARNING,
                Channel.DINGTALK, "省办", false,
                new Grouping(List.of(Label.REGION), Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofDays(7)));
        assertThat(grouped.modeLabel()).isEqualTo("按地区分组，首次等待30秒，间隔5分钟，未变化时每7天重发");
    }
}
