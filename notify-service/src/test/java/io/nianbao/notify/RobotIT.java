package io.nianbao.notify;

import io.nianbao.events.AgencyLevel;
import io.nianbao.events.Channel;
import io.nianbao.events.NotificationSent;
import io.nianbao.events.TopicClient;
import io.nianbao.localstack.LocalStack;
import io.nianbao.localstack.LocalStackExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.nianbao.events.Severity.ERROR;
import static io.nianbao.notify.NotifyHarness.finding;
import static io.nianbao.notify.NotifyHarness.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The robot channels against DingTalk, WeCom and Feishu robots on 127.0.0.1 that check signatures,
 * sizes and rates as the vendors document ({@link RobotServer}). Each test's reports go to robots
 * of their own, through subscriptions that match only its agency or region.
 */
@ExtendWith(LocalStackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RobotIT {

    private static final String INSPECTOR = "robots@nianbao.test";
    private static final String SECRET = "SEC" + "0123456789abcdef".repeat(4);
    private static final Duration BURST_WAIT = Duration.ofMinutes(3);

    private final String deadLetterTopic = "notification.robot.dlq." + UUID.randomUUID();
    private RobotServer robots;
    private NotifyHarness notify;
    private TopicClient topics;

    @BeforeAll
    void start(LocalStack stack) throws Exception {
        topics = new TopicClient(stack.bootstrapServers(), stack.schemaRegistryUrl());
        // The robots check timestamps against the service's clock, which the harness makes.
        robots = new RobotServer(() -> notify.clock.instant())
                .robot("dt-token", SECRET).robot("wc-key", null).robot("fs-token", SECRET)
                .robot("dt-wrong", SECRET).robot("dt-busy", SECRET).robot("dt-burst", SECRET);
        Map<String, String> settings = new HashMap<>(Map.of(
                "nianbao.notify.inspectors", "",
                "nianbao.notify.robot.dead-letter-topic", deadLetterTopic,
                // The robots listen on loopback, which production refuses like any address of our own network.
                "nianbao.outbound.allow-loopback", "true"));
        RobotServer.configure(settings, 0, "省办", Channel.DINGTALK, robots.dingTalkUrl("dt-token"), SECRET);
        RobotServer.configure(settings, 1, "市办", Channel.WECOM, robots.weComUrl("wc-key"), null);
        RobotServer.configure(settings, 2, "县办", Channel.FEISHU, robots.feishuUrl("fs-token"), SECRET);
        RobotServer.configure(settings, 3, "错钥", Channel.DINGTALK, robots.dingTalkUrl("dt-wrong"), "SEC-not-the-robots-secret");
        RobotServer.configure(settings, 4, "忙", Channel.DINGTALK, robots.dingTalkUrl("dt-busy"), SECRET);
        RobotServer.configure(settings, 5, "汇总", Channel.DINGTALK, robots.dingTalkUrl("dt-burst"), SECRET);
        notify = new NotifyHarness("robots", stack, List.of(INSPECTOR), settings).start();
    }

    @AfterAll
    void stop() {
        if (notify != null) {
            notify.close();
        }
        if (robots != null) {
            robots.close();
        }
        if (topics != null) {
            topics.close();
        }
    }

    private void subscribe(String criterion, Channel channel, String robot) throws Exception {
        notify.subscribe(INSPECTOR, "{" + criterion + ",\"channel\":\"" + channel + "\",\"robot\":\"" + robot + "\"}");
    }

    @Test
    void eachToolsRobotGetsTheReportAsOneSignedMarkdownMessage() throws Exception {
        subscribe("\"agencyId\":\"robot-a\"", Channel.DINGTALK, "省办");
        subscribe("\"agencyId\":\"robot-a\"", Channel.WECOM, "市办");
        subscribe("\"agencyId\":\"robot-a\"", Channel.FEISHU, "县办");
        notify.publish(report("r-robot-a", "robot-a", "320102", AgencyLevel.GOVERNMENT, finding("T3-BALANCE", ERROR, "收支不平衡")));
        notify.awaitCaughtUp();

        for (String token : List.of("dt-token", "wc-key", "fs-token")) {
            assertThat(robots.accepted(token)).as(token).singleElement().satisfies(message -> assertThat(message.markdown())
                    .contains("**T3-BALANCE 申请收支不平衡**（错误）", "收支不平衡", "/inbox/reports/r-robot-a"));
        }
        assertThat(notify.sentAbout("r-robot-a")).extracting(NotificationSent::getChannel, NotificationSent::getRecipient)
                .containsExactlyInAnyOrder(tuple(Channel.DINGTALK, "省办"), tuple(Channel.WECOM, "市办"), tuple(Channel.FEISHU, "县办"));
    }

    @Test
    void aRobotThatRefusesTheSignatureHasThePayloadDeadLetteredAtOnce() throws Exception {
        subscribe("\"agencyId\":\"robot-b\"", Channel.DINGTALK, "错钥");
        notify.publish(report("r-robot-b", "robot-b", "320102", AgencyLevel.GOVERNMENT, finding("T4-SUM", ERROR, "合计不符")));
        notify.awaitCaughtUp();

        ConsumerRecord<String, byte[]> deadLetter = topics.awaitRaw(deadLetterTopic,
                record -> header(record, RobotChannel.ROBOT_HEADER).equals("错钥"), NotifyHarness.WAIT).getFirst();
        assertThat(header(deadLetter, "kafka_dlt-exception-message")).isEqualTo("errcode 310000: sign not match");
        assertThat(header(deadLetter, NotificationChannel.ATTEMPTS_HEADER)).isEqualTo("1");
        assertThat(new String(deadLetter.value(), StandardCharsets.UTF_8)).contains("T4-SUM 复议诉讼合计不符")
                .doesNotContain(SECRET);
        assertThat(deadLetter.key()).isEqualTo("robot-b");
        assertThat(robots.accepted("dt-wrong")).isEmpty();
    }

    @Test
    void aThrottledRobotIsLeftAloneForAsLongAsItsVendorSaysWithoutCountingAnAttempt() throws Exception {
        robots.throttleNext("dt-busy");
        subscribe("\"agencyId\":\"robot-c\"", Channel.DINGTALK, "忙");
        notify.publish(report("r-robot-c", "robot-c", "320102", AgencyLevel.GOVERNMENT, finding("T3-BALANCE", ERROR, "收支不平衡")));
        notify.awaitCaughtUp();

        JdbcClient jdbc = notify.bean(JdbcClient.class);
        Await.until("the claim waits ten minutes, no attempt counted", () -> jdbc.sql("select count(*) from delivery"
                + " where address = '忙' and state = 'RETRYING' and attempts = 0"
                + " and next_attempt_at > now() + interval '9 minutes'").query(Long.class).single() > 0, NotifyHarness.WAIT);
        assertThat(robots.accepted("dt-busy")).isEmpty();

        // Ten minutes pass for the database, not for the robot: this instance's count of it still waits them out.
        jdbc.sql("update delivery set next_attempt_at = now() where address = '忙'").update();
        Await.until("taken up again and put back for the rest of the ten minutes", () -> jdbc.sql("select count(*) from delivery"
                + " where address = '忙' and state = 'RETRYING' and attempts = 0"
                + " and next_attempt_at > now() + interval '8 minutes'").query(Long.class).single() > 0, NotifyHarness.WAIT);
        assertThat(robots.accepted("dt-busy")).as("nothing sent to it within the vendor's ten minutes").isEmpty();
    }

    @Test
    void aBurstToOneRobotNeverPassesItsTwentyMessagesAMinuteAndAllArrive() throws Exception {
        subscribe("\"regionPrefix\":\"9901\"", Channel.DINGTALK, "汇总");
        int reports = 22;
        for (int i = 0; i < reports; i++) {
            notify.publish(report("r-burst-" + i, "burst-" + i, "990101", AgencyLevel.TOWNSHIP, finding("TXT-THIN", ERROR, "内容过少")));
        }
        notify.awaitCaughtUp();

        Await.until("every report reaches the robot", () -> robots.accepted("dt-burst").size() == reports, BURST_WAIT);
        assertThat(robots.mostInAMinute("dt-burst")).isEqualTo(20);
        assertThat(notify.bean(JdbcClient.class).sql("select count(*) from delivery where address = '汇总' and attempts > 0")
                .query(Long.class).single()).as("waits for the rate are no failed attempts").isZero();
    }

    @Test
    void aSubscriptionNamesAConfiguredRobotOfItsTool() throws Exception {
        var unknown = notify.api(INSPECTOR, "POST", "/api/v1/subscriptions", "{\"channel\":\"DINGTALK\",\"robot\":\"无此机器人\"}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("群机器人订阅需要填写已配置的机器人名称", "省办");
        var otherTool = notify.api(INSPECTOR, "POST", "/api/v1/subscriptions", "{\"channel\":\"WECOM\",\"robot\":\"省办\"}");
        assertThat(otherTool.statusCode()).as("省办 is a DingTalk robot").isEqualTo(400);
        var named = notify.api(INSPECTOR, "POST", "/api/v1/subscriptions", "{\"channel\":\"FEISHU\",\"robot\":\"县办\",\"agencyId\":\"none\"}");
        assertThat(named.statusCode()).isEqualTo(201);
        assertThat(named.body()).contains("\"channel\":\"FEISHU\"", "\"address\":\"县办\"").doesNotContain(SECRET, "fs-token");
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return record.headers().lastHeader(name) == null ? ""
                : new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
