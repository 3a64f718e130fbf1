package io.nianbao.notify;

import io.nianbao.events.AgencyLevel;
import io.nianbao.events.Channel;
import io.nianbao.events.ReportValidated;
import io.nianbao.localstack.LocalStack;
import io.nianbao.localstack.LocalStackExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.nianbao.events.Severity.ERROR;
import static io.nianbao.events.Severity.WARNING;
import static io.nianbao.notify.NotifyHarness.finding;
import static io.nianbao.notify.NotifyHarness.report;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Grouping as Alertmanager does it, against a DingTalk robot on 127.0.0.1 that keeps its vendor's
 * 20 messages a minute ({@link RobotServer}), with real PostgreSQL, broker and registry. The
 * group timers follow the service's clock, which the test moves; {@link GroupSender#sendDue()}
 * called by the test is a look at the groups at that time, after which nothing more is due.
 */
@ExtendWith(LocalStackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GroupingIT {

    private static final String INSPECTOR = "groups@nianbao.test";
    private static final String SECRET = "SEC" + "fedcba9876543210".repeat(4);
    private static final Pattern SUMMARY = Pattern.compile("共(\\d+)份报告、(\\d+)个问题");

    private RobotServer robots;
    private NotifyHarness notify;

    @BeforeAll
    void start(LocalStack stack) throws Exception {
        robots = new RobotServer(() -> notify.clock.instant()).robot("dt-burst", SECRET).robot("dt-restart", SECRET);
        Map<String, String> settings = new HashMap<>(Map.of(
                "nianbao.notify.inspectors", "",
                "nianbao.outbound.allow-loopback", "true",
                "nianbao.notify.grouping.check-every", "PT0.2S"));
        RobotServer.configure(settings, 0, "集中发布", Channel.DINGTALK, robots.dingTalkUrl("dt-burst"), SECRET);
        RobotServer.configure(settings, 1, "重启", Channel.DINGTALK, robots.dingTalkUrl("dt-restart"), SECRET);
        notify = new NotifyHarness("grouping", stack, List.of(INSPECTOR), settings).start();
    }

    @AfterAll
    void stop() {
        if (notify != null) {
            notify.close();
        }
        if (robots != null) {
            robots.close();
        }
    }

    @Test
    void aBurstOfTwoThousandReportsIsOneMessagePerRegionThenAtMostOnePerIntervalThenAReminder() throws Exception {
        notify.subscribe(INSPECTOR, """
                {"regionPrefix":"9902","channel":"DINGTALK","robot":"集中发布","groupBy":["REGION"],
                 "groupWait":"PT30S","groupInterval":"PT5M","repeatInterval":"PT24H"}""");
        publish(1000, "990201", "burst-a-");
        publish(1000, "990202", "burst-b-");
        notify.awaitCaughtUp();
        assertThat(look()).as("within group_wait").isZero();
        assertThat(robots.accepted("dt-burst")).isEmpty();

        advance(Duration.ofSeconds(30));
        Await.until("one message per region", () -> robots.accepted("dt-burst").size() == 2, NotifyHarness.WAIT);
        assertThat(robots.accepted("dt-burst")).extracting(RobotServer.Accepted::markdown)
                .allSatisfy(text -> assertThat(text).contains("共1000份报告、2000个问题（错误1000个，警告1000个）",
                        "T3-BALANCE 申请收支不平衡 1000", "TXT-THIN"))
                .anySatisfy(text -> assertThat(text).contains("地区 代码 990201（未收录）"))
                .anySatisfy(text -> assertThat(text).contains("地区 代码 990202（未收录）"));

        publish(5, "990201", "late-a-");
        notify.awaitCaughtUp();
        advance(Duration.ofMinutes(1));
        assertThat(look()).as("within group_interval of the last message").isZero();
        advance(Duration.ofMinutes(4));
        Await.until("the five new reports, at the interval", () -> robots.accepted("dt-burst").size() == 3, NotifyHarness.WAIT);
        assertThat(robots.accepted("dt-burst").get(2).markdown()).contains("地区 代码 990201（未收录）", "共5份报告、10个问题")
                .doesNotContain("仍未解决");

        advance(Duration.ofHours(23));
        assertThat(look()).as("nothing new, repeat_interval not reached").isZero();
        advance(Duration.ofHours(1));
        Await.until("both groups again, as reminders of what is open", () -> robots.accepted("dt-burst").size() == 5, NotifyHarness.WAIT);
        assertThat(robots.accepted("dt-burst").subList(3, 5)).extracting(RobotServer.Accepted::markdown)
                .allSatisfy(text -> assertThat(text).contains("仍未解决"))
                .anySatisfy(text -> assertThat(text).contains("共1005份报告、2010个问题"))
                .anySatisfy(text -> assertThat(text).contains("共1000份报告、2000个问题"));
        assertThat(robots.mostInAMinute("dt-burst")).isLessThanOrEqualTo(20);
    }

    @Test
    void restartingMidBurstSendsNoFindingTwiceAndLosesNone() throws Exception {
        notify.subscribe(INSPECTOR, """
                {"regionPrefix":"9903","channel":"DINGTALK","robot":"重启","groupBy":["REGION"],
                 "groupWait":"PT10S","groupInterval":"PT1M"}""");
        int reports = 600;
        publish(reports / 2, "990301", "restart-a-");
        JdbcClient jdbc = notify.bean(JdbcClient.class);
        Await.until("part of the burst claimed", () -> grouped(jdbc) > 0, NotifyHarness.WAIT);
        advance(Duration.ofSeconds(10));
        Await.until("the first group sent mid-burst", () -> !robots.accepted("dt-restart").isEmpty(), NotifyHarness.WAIT);

        notify.stop();
        publish(reports / 2, "990301", "restart-b-");
        // A new consumer group: the restarted service reads the whole burst again, as a reset would.
        notify.start();
        notify.awaitCaughtUp();
        JdbcClient restarted = notify.bean(JdbcClient.class);
        for (int minute = 0; minute < 10 && unsent(restarted) > 0; minute++) {
            advance(Duration.ofMinutes(1));
            look();
        }

        assertThat(unsent(restarted)).isZero();
        int findingsSent = robots.accepted("dt-restart").stream().mapToInt(message -> {
            Matcher summary = SUMMARY.matcher(message.markdown());
            assertThat(summary.find()).as(message.markdown()).isTrue();
            return Integer.parseInt(summary.group(2));
        }).sum();
        assertThat(findingsSent).as("every finding in exactly one message").isEqualTo(2 * reports);
        assertThat(robots.accepted("dt-restart").size()).isLessThan(10);
    }

    private void publish(int count, String region, String prefix) {
        for (int i = 0; i < count; i++) {
            ReportValidated report = report("r-" + prefix + i, prefix + i, region, AgencyLevel.TOWNSHIP,
                    finding("T3-BALANCE", ERROR, "收支不平衡"), finding("TXT-THIN", WARNING, "内容过少"));
            notify.publish(report);
        }
    }

    private static long grouped(JdbcClient jdbc) {
        return jdbc.sql("select count(*) from delivery where address = '重启'").query(Long.class).single();
    }

    private static long unsent(JdbcClient jdbc) {
        return jdbc.sql("select count(*) from delivery where address = '重启' and state <> 'SENT'").query(Long.class).single();
    }

    private void advance(Duration duration) {
        notify.clock.set(notify.clock.instant().plus(duration));
    }

    /** Looks at the groups at the clock's time; returns how many were sent. */
    private int look() {
        return notify.bean(GroupSender.class).sendDue();
    }
}
