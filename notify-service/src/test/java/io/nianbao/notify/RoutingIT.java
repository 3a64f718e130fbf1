package io.nianbao.notify;

import io.nianbao.events.AgencyLevel;
import io.nianbao.events.Channel;
import io.nianbao.events.NotificationSent;
import io.nianbao.events.ReportValidated;
import io.nianbao.events.Responsibility;
import io.nianbao.localstack.LocalStack;
import io.nianbao.localstack.LocalStackExtension;
import io.nianbao.localstack.MailCatcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.nianbao.events.Severity.ERROR;
import static io.nianbao.events.Severity.INFO;
import static io.nianbao.events.Severity.WARNING;
import static io.nianbao.notify.NotifyHarness.finding;
import static io.nianbao.notify.NotifyHarness.report;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Routing, grouping, operators, silences, replays, redeliveries, restarts and the digest, with
 * the real broker, registry, SMTP server and PostgreSQL. Methods run in order: each adds reports,
 * and the counts of mails build on the earlier ones.
 */
@ExtendWith(LocalStackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RoutingIT {

    private static final String DEFAULT = "default@nianbao.test";
    private static final String OPERATOR = "ops@nianbao.test";
    private static final String REGION = "region@nianbao.test";
    private static final String AGENCY = "agency@nianbao.test";
    private static final String LEVEL = "level@nianbao.test";
    private static final String RULE = "rule@nianbao.test";
    private static final String ERRORS = "errors@nianbao.test";
    private static final String SILENCER = "silencer@nianbao.test";
    private static final String DIGEST = "digest@nianbao.test";

    /** 南京市玄武区, a department: an error, a warning, a note and a finding of ours. */
    private static final ReportValidated NANJING = report("r-nanjing", "xuanwu-dept", "320102", AgencyLevel.DEPARTMENT,
            finding("T3-BALANCE", ERROR, "收支不平衡"),
            finding("TXT-THIN", WARNING, "第五部分内容过少"),
            finding("SEC-HEADING", INFO, "标题措辞与模板不同"),
            finding("PARSE-UNCERTAIN", WARNING, Responsibility.SYSTEM, "数字无法确定读取"));
    /** 北京市东城区 a township. */
    private static final ReportValidated BEIJING = report("r-beijing", "dongcheng-town", "110101", AgencyLevel.TOWNSHIP,
            finding("T4-SUM", ERROR, "复议合计不符"),
            finding("XY-COPY", WARNING, "与上年内容高度重复"));

    private NotifyHarness notify;

    @BeforeAll
    void start(LocalStack stack) throws Exception {
        notify = new NotifyHarness("routing", stack,
                List.of(REGION, AGENCY, LEVEL, RULE, ERRORS, SILENCER, DIGEST),
                Map.of("nianbao.notify.inspectors", DEFAULT, "nianbao.notify.operators", OPERATOR)).start();
        notify.subscribe(REGION, "{\"regionPrefix\":\"3201\"}");
        notify.subscribe(AGENCY, "{\"agencyId\":\"dongcheng-town\"}");
        notify.subscribe(LEVEL, "{\"agencyLevel\":\"TOWNSHIP\",\"minSeverity\":\"INFO\"}");
        notify.subscribe(RULE, "{\"ruleId\":\"T3-BALANCE\"}");
        notify.subscribe(ERRORS, "{\"minSeverity\":\"ERROR\"}");
        notify.subscribe(SILENCER, "{\"agencyId\":\"silenced-agency\"}");
    }

    @AfterAll
    void stop() {
        if (notify != null) {
            notify.close();
        }
    }

    @Test
    @Order(1)
    void eachInspectorGetsOneMailPerReportWithTheFindingsTheySubscribedTo() throws Exception {
        notify.publish(NANJING);
        notify.publish(BEIJING);
        notify.awaitCaughtUp();

        assertThat(rulesMailed(DEFAULT)).containsExactlyInAnyOrder(
                List.of("T3-BALANCE", "TXT-THIN"), List.of("T4-SUM", "XY-COPY"));
        assertThat(rulesMailed(REGION)).containsExactly(List.of("T3-BALANCE", "TXT-THIN"));
        assertThat(rulesMailed(AGENCY)).containsExactly(List.of("T4-SUM", "XY-COPY"));
        assertThat(rulesMailed(LEVEL)).containsExactly(List.of("T4-SUM", "XY-COPY"));
        assertThat(rulesMailed(RULE)).containsExactly(List.of("T3-BALANCE"));
        assertThat(rulesMailed(ERRORS)).containsExactlyInAnyOrder(List.of("T3-BALANCE"), List.of("T4-SUM"));
        assertThat(rulesMailed(SILENCER)).isEmpty();
        assertThat(rulesMailed(OPERATOR)).as("SYSTEM findings go to operators only").containsExactly(List.of("PARSE-UNCERTAIN"));

        MailCatcher.Mail mail = notify.mailsTo(REGION).getFirst();
        assertThat(mail.recipients()).containsExactly(REGION);
        assertThat(mail.subject()).isEqualTo("【年报核查】xuanwu-dept人民政府 2024年度报告：发现2个问题");
        assertThat(mail.text()).contains("报告编号：r-nanjing", "位置：表三“总计”", "原文：收支不平衡",
                "查看详情：http://inbox.test/inbox/reports/r-nanjing");

        List<NotificationSent> sent = notify.sentAbout("r-nanjing");
        assertThat(sent).extracting(NotificationSent::getRecipient)
                .containsExactlyInAnyOrder(DEFAULT, REGION, RULE, ERRORS, OPERATOR);
        assertThat(sent).allSatisfy(s -> assertThat(s.getChannel()).isEqualTo(Channel.EMAIL));
        assertThat(sent).filteredOn(s -> s.getRecipient().equals(REGION)).singleElement()
                .satisfies(s -> assertThat(s.getFindingCount()).isEqualTo(2));
    }

    @Test
    @Order(2)
    void aRedeliveryNotifiesNothingAndAReplayOnlyTheNewFindings() throws Exception {
        int before = notify.mail.receivedMessages().size();
        notify.publish(NANJING);
        notify.awaitCaughtUp();
        assertThat(notify.mail.receivedMessages()).as("the same event again").hasSize(before);

        ReportValidated replay = ReportValidated.newBuilder(NANJING)
                .setFindings(List.of(NANJING.getFindings().get(0), NANJING.getFindings().get(1), NANJING.getFindings().get(2),
                        NANJING.getFindings().get(3), finding("XY-CARRYOVER", ERROR, "上年结转数与本年不符")))
                .build();
        notify.publish(replay);
        notify.awaitCaughtUp();

        assertThat(rulesMailed(REGION)).containsExactly(List.of("T3-BALANCE", "TXT-THIN"), List.of("XY-CARRYOVER"));
        assertThat(rulesMailed(ERRORS)).containsExactlyInAnyOrder(List.of("T3-BALANCE"), List.of("T4-SUM"), List.of("XY-CARRYOVER"));
        assertThat(rulesMailed(RULE)).as("nothing new for T3-BALANCE").hasSize(1);
        assertThat(rulesMailed(OPERATOR)).hasSize(1);
        assertThat(notify.mail.receivedMessages()).hasSize(before + 3); // DEFAULT, REGION, ERRORS
    }

    @Test
    @Order(3)
    void aSilencedRuleIsNotNotifiedForThatAgency() throws Exception {
        assertThat(notify.api(SILENCER, "POST", "/api/v1/silences",
                "{\"agencyId\":\"silenced-agency\",\"ruleId\":\"TXT-THIN\"}").statusCode()).isEqualTo(201);

        notify.publish(report("r-silenced", "silenced-agency", "320105", AgencyLevel.GOVERNMENT,
                finding("TXT-THIN", WARNING, "第五部分内容过少"),
                finding("T3-ROW-SUM", ERROR, "行合计不符")));
        notify.awaitCaughtUp();

        assertThat(rulesMailed(SILENCER)).containsExactly(List.of("T3-ROW-SUM"));
        assertThat(rulesMailed(DEFAULT)).as("another inspector's silence does not apply")
                .contains(List.of("T3-ROW-SUM", "TXT-THIN"));
    }

    @Test
    @Order(4)
    void aRestartedServiceThatReadsEveryEventAgainSendsNoDuplicate() throws Exception {
        int before = notify.mail.receivedMessages().size();
        int regionBefore = rulesMailed(REGION).size();
        notify.stop();
        notify.start(); // a new consumer group: every event of the topic is delivered again
        notify.awaitCaughtUp();
        assertThat(notify.mail.receivedMessages()).hasSize(before);

        // Another agency: a later report of r-nanjing's agency and year would be its republication.
        notify.publish(report("r-after-restart", "xuanwu-archives", "320102", AgencyLevel.DEPARTMENT,
                finding("T4-SUM", ERROR, "复议合计不符")));
        notify.awaitCaughtUp();
        assertThat(rulesMailed(REGION)).as("the restarted service still notifies").hasSize(regionBefore + 1)
                .last().isEqualTo(List.of("T4-SUM"));
    }

    @Test
    @Order(5)
    void aDigestSubscriberGetsOneMailADayWithEverythingCollected() throws Exception {
        notify.subscribe(DIGEST, "{\"regionPrefix\":\"4401\",\"digest\":true}");
        notify.clock.set(Instant.parse("2025-03-02T23:00:00Z")); // 07:00 in Shanghai, before the digest time
        notify.publish(report("r-digest-1", "tianhe-dept", "440106", AgencyLevel.DEPARTMENT, finding("T3-BALANCE", ERROR, "收支不平衡")));
        notify.publish(report("r-digest-2", "yuexiu-dept", "440104", AgencyLevel.DEPARTMENT, finding("TXT-FEE", WARNING, "未说明收费")));
        notify.awaitCaughtUp();

        DigestSender digests = notify.bean(DigestSender.class);
        assertThat(notify.mailsTo(DIGEST)).isEmpty();
        assertThat(digests.sendDue()).as("before 08:00").isZero();

        notify.clock.set(Instant.parse("2025-03-03T00:30:00Z")); // 08:30 in Shanghai
        assertThat(digests.sendDue()).isEqualTo(1);
        assertThat(digests.sendDue()).as("once a day").isZero();
        MailCatcher.Mail digest = notify.mailsTo(DIGEST).getFirst();
        assertThat(notify.mailsTo(DIGEST)).hasSize(1);
        assertThat(digest.subject()).isEqualTo("【年报核查】每日汇总：2份报告，2个问题");
        assertThat(digest.text()).contains("报告编号：r-digest-1", "[T3-BALANCE]", "报告编号：r-digest-2", "[TXT-FEE]");

        notify.clock.set(Instant.parse("2025-03-04T00:30:00Z"));
        assertThat(digests.sendDue()).as("nothing new the next day").isZero();
    }

    @Test
    @Order(6)
    void aWebhookIntoOurOwnNetworkIsRefusedWhenSubscribedWithTheReasonInChinese() throws Exception {
        for (String url : List.of("http://127.0.0.1:8080/hook", "http://10.1.2.3/hook", "http://[::1]:9/hook",
                "http://169.254.169.254/latest/meta-data", "http://192.168.1.1/")) {
            var answer = notify.api(RULE, "POST", "/api/v1/subscriptions", "{\"channel\":\"WEBHOOK\",\"webhookUrl\":\"" + url + "\"}");
            assertThat(answer.statusCode()).as(url).isEqualTo(400);
            assertThat(answer.body()).as(url).contains("\"reason\":\"BAD_REQUEST\"", "Webhook 地址指向内部或保留网络地址");
        }
        var notAUrl = notify.api(RULE, "POST", "/api/v1/subscriptions", "{\"channel\":\"WEBHOOK\",\"webhookUrl\":\"file:///etc/passwd\"}");
        assertThat(notAUrl.statusCode()).isEqualTo(400);
        assertThat(notAUrl.body()).contains("Webhook 订阅需要可以解析的 http(s) 地址");
    }

    @Test
    @Order(7)
    void aSubjectQuotesAnAgencyNameOnOneLine() throws Exception {
        ReportValidated injected = ReportValidated.newBuilder(report("r-subject", "subject-dept", "320102", AgencyLevel.DEPARTMENT,
                finding("T3-BALANCE", ERROR, "收支不平衡"))).setAgencyName("某局\r\nBcc: victim@example.com\t").build();
        notify.publish(injected);
        notify.awaitCaughtUp();

        MailCatcher.Mail mail = notify.mailsTo(REGION).getLast();
        assertThat(mail.subject()).isEqualTo("【年报核查】某局  Bcc: victim@example.com 2024年度报告：发现1个问题");
        assertThat(notify.mailsTo("victim@example.com")).isEmpty();
    }

    /** The rule ids of each mail to the inspector, in the order the mails arrived. */
    /** The default inhibition: a table that could not be read is one message; what was found on it, the inbox's. */
    @Test
    @Order(8)
    void theFindingsOnATableThatCouldNotBeReadAreListedInTheInboxAndNotMailed() throws Exception {
        int mailsToRule = notify.mailsTo(RULE).size();
        notify.publish(report("r-shape", "shape-dept", "510101", AgencyLevel.DEPARTMENT,
                finding("TBL-SHAPE", ERROR, "表三格数不符"), finding("T3-BALANCE", ERROR, "收支不平衡")));
        notify.awaitCaughtUp();

        assertThat(notify.mailsTo(ERRORS).getLast().text()).contains("[TBL-SHAPE]").doesNotContain("[T3-BALANCE]");
        assertThat(notify.mailsTo(RULE)).as("subscribed to T3-BALANCE alone: nothing to mail").hasSize(mailsToRule);
        JdbcClient jdbc = notify.bean(JdbcClient.class);
        assertThat(jdbc.sql("select count(*) from inbox_entry where report_id = 'r-shape' and inspector = :inspector")
                .param("inspector", ERRORS).query(Long.class).single()).as("both in the inbox").isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from inbox_entry where report_id = 'r-shape' and inspector = :inspector")
                .param("inspector", RULE).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    @Order(9)
    void aSilenceSaysWhoSetItAndWhyAndEndsWhenItExpires() throws Exception {
        notify.subscribe(SILENCER, "{\"agencyId\":\"expiring-agency\"}");
        Instant tomorrow = notify.clock.instant().plus(Duration.ofDays(1));
        var set = notify.api(SILENCER, "POST", "/api/v1/silences", "{\"agencyId\":\"expiring-agency\",\"ruleId\":\"TXT-THIN\","
                + "\"comment\":\"已约谈，整改中\",\"expiresAt\":\"" + tomorrow + "\"}");
        assertThat(set.statusCode()).isEqualTo(201);
        assertThat(notify.api(SILENCER, "GET", "/api/v1/silences", null).body())
                .contains("\"author\":\"" + SILENCER + "\"", "\"comment\":\"已约谈，整改中\"", "\"expiresAt\":\"" + tomorrow);

        int before = rulesMailed(SILENCER).size();
        notify.publish(report("r-expiring-1", "expiring-agency", "320105", AgencyLevel.GOVERNMENT,
                finding("TXT-THIN", WARNING, "第五部分内容过少")));
        notify.awaitCaughtUp();
        assertThat(rulesMailed(SILENCER)).as("silenced").hasSize(before);

        notify.clock.set(tomorrow.plus(Duration.ofHours(1)));
        notify.publish(report("r-expiring-2", "expiring-agency", "320105", AgencyLevel.GOVERNMENT,
                finding("TXT-THIN", WARNING, "第五部分内容过少")));
        notify.awaitCaughtUp();
        assertThat(rulesMailed(SILENCER).subList(before, rulesMailed(SILENCER).size())).as("the silence has expired")
                .containsExactly(List.of("TXT-THIN"));
        assertThat(notify.api(SILENCER, "GET", "/api/v1/silences", null).body()).doesNotContain("expiring-agency");
    }

    @Test
    @Order(10)
    void aFindingIsResolvedByALaterReportOfItsAgencyAndYearThatNoLongerHasIt() throws Exception {
        notify.publish(report("missing:late-agency:2024", "late-agency", "320105", AgencyLevel.GOVERNMENT,
                finding("PUB-MISSING", ERROR, "截止日期已过，未发布2024年度报告")));
        notify.publish(report("r-repub-1", "repub-agency", "320105", AgencyLevel.GOVERNMENT,
                finding("T3-BALANCE", ERROR, "收支不平衡"), finding("TXT-THIN", WARNING, "第五部分内容过少")));
        notify.awaitCaughtUp();
        notify.publish(report("r-late", "late-agency", "320105", AgencyLevel.GOVERNMENT,
                finding("PUB-LATE", ERROR, "逾期发布")));
        notify.publish(report("r-repub-2", "repub-agency", "320105", AgencyLevel.GOVERNMENT,
                finding("TXT-THIN", WARNING, "第五部分内容过少")));
        notify.awaitCaughtUp();

        JdbcClient jdbc = notify.bean(JdbcClient.class);
        assertThat(resolvedBy(jdbc, "missing:late-agency:2024", "PUB-MISSING")).as("the report arrived").isEqualTo("r-late");
        assertThat(resolvedBy(jdbc, "r-repub-1", "T3-BALANCE")).as("corrected in the republication").isEqualTo("r-repub-2");
        assertThat(resolvedBy(jdbc, "r-repub-1", "TXT-THIN")).as("still there").isEmpty();
        assertThat(resolvedBy(jdbc, "r-late", "PUB-LATE")).isEmpty();

        List<MailCatcher.Mail> resolved = resolutionNotices();
        assertThat(resolved).as("one notice per resolving report to whom the finding was sent").hasSize(2);
        assertThat(resolved).filteredOn(m -> m.subject().contains("late-agency")).singleElement().satisfies(mail -> assertThat(mail.text())
                .contains("报告已发布（发布日期 2025-01-20），原“未发布”问题已解决；但发布已逾期，现为 PUB-LATE 逾期发布：逾期发布",
                        "以下问题已解决：", "[PUB-MISSING]"));
        assertThat(resolved).filteredOn(m -> m.subject().contains("repub-agency")).singleElement().satisfies(mail -> assertThat(mail.text())
                .contains("重新发布的报告（r-repub-2）已不再有以下问题", "[T3-BALANCE]").doesNotContain("[TXT-THIN]"));
        assertThat(notify.mailsTo(AGENCY)).as("never sent the findings, told nothing")
                .noneMatch(m -> m.subject().contains("问题已解决"));

        notify.publish(report("r-late", "late-agency", "320105", AgencyLevel.GOVERNMENT, finding("PUB-LATE", ERROR, "逾期发布")));
        notify.awaitCaughtUp();
        assertThat(resolutionNotices()).as("told once").hasSize(2);
    }

    /** The default inspector's resolution notices about this test's agencies. */
    private List<MailCatcher.Mail> resolutionNotices() {
        return notify.mailsTo(DEFAULT).stream().filter(m -> m.subject().contains("问题已解决")
                && (m.subject().contains("late-agency") || m.subject().contains("repub-agency"))).toList();
    }

    private static String resolvedBy(JdbcClient jdbc, String reportId, String rule) {
        return jdbc.sql("select coalesce(resolved_by, '') from finding where report_id = :report and rule_id = :rule")
                .param("report", reportId).param("rule", rule).query(String.class).single();
    }

    private List<List<String>> rulesMailed(String inspector) {
        return notify.mailsTo(inspector).stream()
                .map(mail -> mail.text().lines().filter(line -> line.startsWith("- ["))
                        .map(line -> line.substring(3, line.indexOf(']'))).sorted().toList())
                .toList();
    }
}
