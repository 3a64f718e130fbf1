package io.nianbao.notify;

import io.nianbao.events.AgencyLevel;
import io.nianbao.events.Channel;
import io.nianbao.events.Finding;
import io.nianbao.events.ReportValidated;
import io.nianbao.localstack.LocalStack;
import io.nianbao.localstack.LocalStackExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.nianbao.events.Severity.ERROR;
import static io.nianbao.events.Severity.WARNING;
import static io.nianbao.notify.NotifyHarness.finding;
import static io.nianbao.notify.NotifyHarness.report;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inbox page over real HTTP: login, escaping of what comes from a report, the link to the
 * original document, and — in Debian's headless Chromium through Selenium, skipped when it is not
 * installed — searching, filtering, paging and acknowledging. It takes the README's pictures of the
 * login page, the inbox and 我的订阅 when {@code nianbao.screenshots} is set ({@link InboxClients#screenshot}).
 */
@ExtendWith(LocalStackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InboxPageIT {

    private static final String INSPECTOR = "inbox@nianbao.test";
    private static final String SCRIPT = "<script>document.title='pwned'</script>";
    private static final String DOCUMENT_URL = "https://www.nanjing.gov.cn/qhq/ndbg.pdf?year=2024&part=1";
    /** A portal's "URL" that is no web address: shown as text, never a link. */
    private static final String SCRIPT_URL = "javascript:alert(1)//" + SCRIPT;
    /** More reports than a page holds (20), in region 320205, validated on 1 to 23 February, published on 1 to 23 January. */
    private static final int PAGED_REPORTS = 23;
    /** The city office's DingTalk group robot, which a grouped subscription names. */
    private static final String ROBOT = "南京市政务公开办工作群";
    private static final String ROBOT_SECRET = "SEC" + "0a1b2c3d4e5f6789".repeat(4);
    /** A part five of a few words, as many agencies write it. */
    private static final Finding THIN_PART_FIVE = placed(finding("TXT-THIN", WARNING, "第五部分“存在的主要问题及改进情况”不足100字"),
            "五", null, null, "一年来，我单位政府信息公开工作虽取得一定成效，但仍存在一些不足，下一步将继续加强。");
    /** An office's week in 南京's districts 3201 1x, validated on 28 February: the README's pictures. */
    private static final String OFFICE_REGION = "32011";

    private RobotServer robots;
    private NotifyHarness notify;

    @BeforeAll
    void start(LocalStack stack) throws Exception {
        robots = new RobotServer(() -> notify.clock.instant()).robot("dt-office", ROBOT_SECRET);
        Map<String, String> settings = new HashMap<>(Map.of("nianbao.notify.inspectors", INSPECTOR,
                // The robot listens on loopback, which production refuses like any address of our own network.
                "nianbao.outbound.allow-loopback", "true"));
        RobotServer.configure(settings, 0, ROBOT, Channel.DINGTALK, robots.dingTalkUrl("dt-office"), ROBOT_SECRET);
        notify = new NotifyHarness("inbox", stack, List.of(INSPECTOR), settings).start();
        notify.publish(ReportValidated.newBuilder(report("r-inbox-1", "qinhuai-dept", "320104", AgencyLevel.DEPARTMENT,
                finding("T3-BALANCE", ERROR, "收支不平衡" + SCRIPT),
                finding("TXT-THIN", WARNING, "第五部分内容过少"))).setDocumentUrl(DOCUMENT_URL).build());
        notify.publish(ReportValidated.newBuilder(report("r-inbox-2", "gulou-dept", "320106", AgencyLevel.DEPARTMENT,
                finding("T3-BALANCE", ERROR, "收支不平衡"),
                finding("T4-SUM", ERROR, "复议合计不符"))).setDocumentUrl(SCRIPT_URL).build());
        // validate-service's notice that an agency published nothing, then its report.
        notify.publish(report("missing:jianye-dept:2024", "jianye-dept", "320105", AgencyLevel.DEPARTMENT,
                finding("PUB-MISSING", ERROR, "截止日期已过，未发布2024年度报告")));
        notify.publish(report("r-inbox-3", "jianye-dept", "320105", AgencyLevel.DEPARTMENT));
        notify.publish(ReportValidated.newBuilder(report("r-archive", "nj-archive", "320113", AgencyLevel.DEPARTMENT, THIN_PART_FIVE))
                .setAgencyName("南京市档案馆").build());
        for (int day = 1; day <= PAGED_REPORTS; day++) {
            notify.publish(ReportValidated.newBuilder(report("r-page-%02d".formatted(day), "xishan-%02d".formatted(day), "320205",
                            AgencyLevel.DEPARTMENT, finding("T3-BALANCE", ERROR, "收支不平衡"), finding("TXT-THIN", WARNING, "内容过少")))
                    .setAgencyName("锡山区第%d局".formatted(day))
                    .setPublishedOn("2025-01-%02d".formatted(day))
                    .setValidatedAt(Instant.parse("2025-02-%02dT02:00:00Z".formatted(day)))
                    .build());
        }
        for (int i = 1; i <= 3; i++) {
            notify.publish(ReportValidated.newBuilder(report("r-batch-" + i, "liangxi-" + i, "320303", AgencyLevel.DEPARTMENT,
                    finding("T3-BALANCE", ERROR, "收支不平衡"), finding("T4-SUM", ERROR, "复议合计不符")))
                    .setValidatedAt(Instant.parse("2025-03-02T00:00:00Z")).build());
        }
        publishAnOfficesWeek();
        notify.awaitCaughtUp();
    }

    /** Reports of 南京's districts as an office sees them in a week; validated before the others, on pages of their own. */
    private void publishAnOfficesWeek() {
        Instant validated = Instant.parse("2025-02-28T02:00:00Z");
        notify.publish(ReportValidated.newBuilder(report("r-pukou", "pukou-gov", "320111", AgencyLevel.GOVERNMENT,
                        placed(finding("T3-BALANCE", ERROR, "本年新收与上年结转之和应等于办理结果总计与结转下年度之和"),
                                "三.totalHandled", "55", "54", "本年新收52件，上年结转3件；办理结果总计54件，结转下年度继续办理0件"),
                        THIN_PART_FIVE))
                .setAgencyName("南京市浦口区人民政府").setDocumentUrl("https://www.pukou.gov.cn/zwgk/ndbg/2024.pdf")
                .setValidatedAt(validated).build());
        notify.publish(ReportValidated.newBuilder(report("missing:yuhuatai-gov:2024", "yuhuatai-gov", "320114", AgencyLevel.GOVERNMENT,
                        placed(finding("PUB-MISSING", ERROR, "截止日期2025年1月31日已过，未发布2024年度报告"), null, null, null, null)))
                .setAgencyName("南京市雨花台区人民政府").setPublishedOn(null).setValidatedAt(validated.minusSeconds(60)).build());
        notify.publish(ReportValidated.newBuilder(report("r-yuhuatai", "yuhuatai-gov", "320114", AgencyLevel.GOVERNMENT,
                        placed(finding("PUB-LATE", ERROR, "2025年2月3日发布，晚于1月31日的期限"), null, null, null, null)))
                .setAgencyName("南京市雨花台区人民政府").setPublishedOn("2025-02-03")
                .setDocumentUrl("https://www.njyuhuatai.gov.cn/zfxxgk/ndbg/2024.html").setValidatedAt(validated).build());
        notify.publish(ReportValidated.newBuilder(report("r-jiangning-edu", "jiangning-edu", "320115", AgencyLevel.DEPARTMENT,
                        placed(finding("T4-SUM", ERROR, "行政复议各项结果之和与总计不符"), "四.review.total", "5", "6",
                                "结果维持3件，结果纠正1件，其他结果1件，尚未审结0件，总计6件")))
                .setAgencyName("南京市江宁区教育局").setDocumentUrl("https://www.jiangning.gov.cn/jnjyj/zfxxgk/ndbg/2024.pdf")
                .setValidatedAt(validated).build());
        notify.publish(ReportValidated.newBuilder(report("r-longpao", "longpao-town", "320116", AgencyLevel.TOWNSHIP, THIN_PART_FIVE))
                .setAgencyName("南京市六合区龙袍街道办事处").setValidatedAt(validated).build());
    }

    /** The finding at {@code location} of the report (none: the report as a whole), with what validate-service quotes. */
    private static Finding placed(Finding finding, String location, String expected, String actual, String evidence) {
        return Finding.newBuilder(finding).setLocation(location).setExpected(expected).setActual(actual).setEvidence(evidence).build();
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
    void theWorkbenchShowsAnOfficesReportsAndAGroupedRobotSubscription() throws Exception {
        notify.subscribe(INSPECTOR, """
                {"regionPrefix":"3201","channel":"DINGTALK","robot":"%s","groupBy":["REGION"]}""".formatted(ROBOT));
        WebDriver browser = InboxClients.browserLoggedIn(notify, INSPECTOR);
        try {
            browser.get(notify.baseUrl() + "/inbox?region=" + OFFICE_REGION);
            assertThat(reportsShown(browser)).containsExactlyInAnyOrder("r-pukou", "r-yuhuatai", "missing:yuhuatai-gov:2024",
                    "r-jiangning-edu", "r-longpao", "r-archive");
            assertThat(browser.findElement(By.cssSelector("section[data-report='r-pukou'] a.document-link")).getText())
                    .isEqualTo("查看原文");
            assertThat(browser.findElement(By.cssSelector("section[data-report='missing:yuhuatai-gov:2024'] .resolved")).getText())
                    .contains("已解决");
            assertThat(browser.findElements(By.cssSelector(".charts svg"))).as("findings per rule and per region").hasSize(2);
            InboxClients.screenshot(browser, "inbox");

            browser.get(notify.baseUrl() + "/inbox/subscriptions");
            assertThat(browser.findElements(By.cssSelector("tr.subscription")).stream().map(WebElement::getText))
                    .anySatisfy(row -> assertThat(row).contains("3201", "钉钉机器人 " + ROBOT, "按地区分组，首次等待"));
            InboxClients.screenshot(browser, "subscriptions");
        } finally {
            browser.quit();
        }
    }

    @Test
    void theInboxNeedsALoginAndEscapesWhatComesFromAReport() throws Exception {
        try (HttpClient anonymous = HttpClient.newHttpClient()) {
            HttpResponse<String> redirected = anonymous.send(get("/inbox"), HttpResponse.BodyHandlers.ofString());
            assertThat(redirected.statusCode()).isEqualTo(302);
            assertThat(redirected.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        }
        try (HttpClient http = InboxClients.loggedIn(notify, INSPECTOR)) {
            HttpResponse<String> inboxPage = http.send(get("/inbox"), HttpResponse.BodyHandlers.ofString());
            // Nothing but the page's own style sheet loads, and no script runs, whatever a report brings.
            assertThat(inboxPage.headers().firstValue("Content-Security-Policy"))
                    .hasValue("default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
            String inbox = inboxPage.body();
            assertThat(inbox).contains("收支不平衡&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;")
                    .doesNotContain(SCRIPT)
                    .contains("问题收件箱", "<svg", "各规则问题数", "各地区问题数", "T3-BALANCE 申请收支不平衡", "表三“总计”",
                            "江苏省南京市秦淮区");
            String reportPage = http.send(get("/inbox/reports/r-inbox-2"), HttpResponse.BodyHandlers.ofString()).body();
            assertThat(reportPage).contains("r-inbox-2", "T4-SUM").doesNotContain("r-inbox-1");
            assertThat(reportPage).as("a URL that is no web address is text, escaped, and no link")
                    .contains("javascript:alert(1)//&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;")
                    .doesNotContain("查看原文", "href=\"javascript:");
            assertThat(http.send(get("/inbox/reports/r-inbox-1"), HttpResponse.BodyHandlers.ofString()).body())
                    .as("the original's link, its & escaped, opened apart from the inbox")
                    .containsPattern("<a href=\"https://www\\.nanjing\\.gov\\.cn/qhq/ndbg\\.pdf\\?year=2024&amp;part=1\""
                            + "\\s+rel=\"noopener noreferrer\"\\s+target=\"_blank\"\\s+class=\"document-link\">查看原文</a>");
            assertThat(http.send(get("/inbox/reports/r-batch-1"), HttpResponse.BodyHandlers.ofString()).body())
                    .contains("原文为上传文件，无链接");
            String noticePage = http.send(get("/inbox/reports/missing:jianye-dept:2024"), HttpResponse.BodyHandlers.ofString()).body();
            assertThat(noticePage).as("resolved by the report that arrived")
                    .contains("PUB-MISSING 未发布年度报告", "已解决", "报告已发布", "/inbox/reports/r-inbox-3")
                    .as("a notice of a missing report has no document").doesNotContain("查看原文", "原文为上传文件");
        }
    }

    @Test
    void anInspectorLogsInFiltersAndAcknowledgesInABrowser() throws Exception {
        WebDriver browser = InboxClients.browserSentToLogin(notify, "/inbox");
        try {
            WebDriverWait page = new WebDriverWait(browser, Duration.ofSeconds(10));
            assertThat(browser.getTitle()).isEqualTo("登录 · 年报核查收件箱");
            InboxClients.screenshot(browser, "login");
            InboxClients.logIn(browser, INSPECTOR);

            assertThat(browser.getTitle()).isEqualTo("收件箱 · 年报核查");
            browser.get(notify.baseUrl() + "/inbox?region=32010");
            assertThat(browser.findElements(By.cssSelector("tr.finding"))).as("two reports' four findings and the PUB-MISSING notice")
                    .hasSize(5);
            assertThat(browser.findElement(By.cssSelector("#f-" + fingerprintOf(browser, "r-inbox-1", "T3-BALANCE") + " .message")).getText())
                    .as("the script shows as text and never runs").contains(SCRIPT);

            new Select(browser.findElement(By.id("filter-rule"))).selectByVisibleText("T3-BALANCE 申请收支不平衡");
            browser.findElement(By.id("apply-filters")).click();
            page.until(ExpectedConditions.urlContains("rule=T3-BALANCE"));
            List<WebElement> rows = browser.findElements(By.cssSelector("tr.finding"));
            assertThat(rows).hasSize(2).allSatisfy(row -> assertThat(row.getAttribute("data-rule")).isEqualTo("T3-BALANCE"));

            String fingerprint = rows.getFirst().getAttribute("data-fingerprint");
            rows.getFirst().findElement(By.cssSelector("button.acknowledge")).click();
            awaitText(browser, By.cssSelector("#f-" + fingerprint + " .status"), "已确认");
            assertThat(browser.getCurrentUrl()).as("back to the filtered view").contains("region=32010", "rule=T3-BALANCE");

            new Select(browser.findElement(By.id("filter-status"))).selectByValue("NEW");
            browser.findElement(By.id("apply-filters")).click();
            page.until(ExpectedConditions.urlContains("status=NEW"));
            assertThat(browser.findElements(By.cssSelector("tr.finding")))
                    .singleElement().satisfies(row -> assertThat(row.getAttribute("data-fingerprint")).isNotEqualTo(fingerprint));
            assertThat(browser.getTitle()).isNotEqualTo("pwned");
        } finally {
            browser.quit();
        }
    }

    @Test
    void anInspectorSearchesByNameAndDates() {
        WebDriver browser = InboxClients.browserLoggedIn(notify, INSPECTOR);
        try {
            WebDriverWait page = new WebDriverWait(browser, Duration.ofSeconds(10));
            browser.get(notify.baseUrl() + "/inbox");
            browser.findElement(By.id("filter-name")).sendKeys("档案");
            browser.findElement(By.id("apply-filters")).click();
            page.until(ExpectedConditions.urlContains("name="));
            assertThat(reportsShown(browser)).containsExactly("r-archive");
            assertThat(browser.findElement(By.id("totals")).getText()).isEqualTo("共 1 个报告、1 个问题，第 1/1 页");

            browser.get(notify.baseUrl() + "/inbox?name=QINHUAI");
            assertThat(reportsShown(browser)).as("part of the agency id, in another case").containsExactly("r-inbox-1");

            browser.get(notify.baseUrl() + "/inbox?region=3202&publishedFrom=2025-01-05&publishedTo=2025-01-07");
            assertThat(reportsShown(browser)).containsExactly("r-page-07", "r-page-06", "r-page-05");
            assertThat(browser.findElement(By.id("filter-published-from")).getAttribute("value")).isEqualTo("2025-01-05");

            // 10 and 11 February in Beijing; r-page-12 was validated at 10:00 on the 12th.
            browser.get(notify.baseUrl() + "/inbox?validatedFrom=2025-02-10&validatedTo=2025-02-11");
            assertThat(reportsShown(browser)).containsExactly("r-page-11", "r-page-10");
        } finally {
            browser.quit();
        }
    }

    @Test
    void moreReportsThanAPageHoldsArePagedKeepingTheFilter() {
        WebDriver browser = InboxClients.browserLoggedIn(notify, INSPECTOR);
        try {
            WebDriverWait page = new WebDriverWait(browser, Duration.ofSeconds(10));
            browser.get(notify.baseUrl() + "/inbox?region=3202&severity=ERROR");

            assertThat(browser.findElement(By.id("totals")).getText()).isEqualTo("共 23 个报告、23 个问题，第 1/2 页");
            List<String> first = reportsShown(browser);
            assertThat(first).hasSize(20).startsWith("r-page-23").endsWith("r-page-04");
            assertThat(browser.findElements(By.cssSelector("#summary a.previous-page"))).isEmpty();

            browser.findElement(By.cssSelector("#summary a.next-page")).click();
            page.until(ExpectedConditions.urlContains("page=2"));
            assertThat(browser.getCurrentUrl()).contains("region=3202", "severity=ERROR");
            assertThat(browser.findElement(By.id("totals")).getText()).isEqualTo("共 23 个报告、23 个问题，第 2/2 页");
            assertThat(reportsShown(browser)).containsExactly("r-page-03", "r-page-02", "r-page-01");
            assertThat(browser.findElements(By.cssSelector("tr.finding"))).hasSize(3)
                    .allSatisfy(row -> assertThat(row.getAttribute("data-rule")).isEqualTo("T3-BALANCE"));

            browser.findElement(By.cssSelector("#summary a.previous-page")).click();
            page.until(ExpectedConditions.urlContains("page=1"));
            assertThat(reportsShown(browser)).isEqualTo(first);
        } finally {
            browser.quit();
        }
    }

    @Test
    void anInspectorAcknowledgesSeveralFindingsAtOnce() {
        WebDriver browser = InboxClients.browserLoggedIn(notify, INSPECTOR);
        try {
            WebDriverWait page = new WebDriverWait(browser, Duration.ofSeconds(10));
            browser.get(notify.baseUrl() + "/inbox?region=3203");
            assertThat(browser.findElements(By.cssSelector("tr.finding"))).hasSize(6);

            // The same finding in two reports has one fingerprint: a row is its report's and its rule's.
            List<String> chosen = List.of("r-batch-1 T3-BALANCE", "r-batch-1 T4-SUM", "r-batch-2 T4-SUM");
            chosen.forEach(row -> browser.findElement(rowOf(row, " input.select")).click());
            browser.findElement(By.id("acknowledge-selected-button")).click();
            awaitText(browser, By.id("notice"), "已确认 3 个问题。");
            chosen.forEach(row -> assertThat(browser.findElement(rowOf(row, " .status")).getText()).isEqualTo("已确认"));

            new Select(browser.findElement(By.id("filter-status"))).selectByValue("ACKNOWLEDGED");
            browser.findElement(By.id("apply-filters")).click();
            page.until(ExpectedConditions.urlContains("status=ACKNOWLEDGED"));
            assertThat(browser.findElements(By.cssSelector("tr.finding")))
                    .extracting(row -> row.findElement(By.xpath("ancestor::section")).getAttribute("data-report") + " " + row.getAttribute("data-rule"))
                    .containsExactlyInAnyOrderElementsOf(chosen);
            assertThat(browser.findElements(By.cssSelector("tr.finding .status"))).extracting(WebElement::getText)
                    .containsOnly("已确认");

            browser.get(notify.baseUrl() + "/inbox?region=3203&status=NEW");
            assertThat(browser.findElements(By.cssSelector("tr.finding"))).hasSize(3);
            browser.findElement(By.cssSelector("section[data-report='r-batch-3'] button.acknowledge-report")).click();
            awaitText(browser, By.id("notice"), "已确认 2 个问题。");
            assertThat(reportsShown(browser)).as("the unacknowledged view, r-batch-3 done").containsExactly("r-batch-2");

            browser.findElement(By.id("select-all")).click();
            page.until(ExpectedConditions.urlContains("select=all"));
            assertThat(browser.findElements(By.cssSelector("input.select"))).singleElement()
                    .satisfies(box -> assertThat(box.isSelected()).isTrue());
            browser.findElement(By.id("acknowledge-selected-button")).click();
            awaitText(browser, By.id("notice"), "已确认 1 个问题。");
            assertThat(browser.getCurrentUrl()).as("back, nothing selected any more").contains("status=NEW").doesNotContain("select=");
            assertThat(browser.findElement(By.id("empty")).getText()).isEqualTo("没有符合条件的问题。");
        } finally {
            browser.quit();
        }
    }

    @Test
    void theOriginalDocumentOpensFromTheReportsHeader() {
        WebDriver browser = InboxClients.browserLoggedIn(notify, INSPECTOR);
        try {
            browser.get(notify.baseUrl() + "/inbox/reports/r-inbox-1");
            WebElement link = browser.findElement(By.cssSelector("section[data-report='r-inbox-1'] a.document-link"));
            assertThat(link.getText()).isEqualTo("查看原文");
            assertThat(link.getAttribute("href")).isEqualTo(DOCUMENT_URL);
            assertThat(link.getAttribute("rel")).isEqualTo("noopener noreferrer");
            assertThat(link.getAttribute("target")).isEqualTo("_blank");

            browser.get(notify.baseUrl() + "/inbox/reports/r-inbox-2");
            assertThat(browser.findElement(By.cssSelector("section[data-report='r-inbox-2'] .document-text")).getText())
                    .contains(SCRIPT_URL);
            assertThat(browser.findElements(By.cssSelector("a.document-link"))).isEmpty();
            assertThat(browser.getTitle()).isNotEqualTo("pwned");
        } finally {
            browser.quit();
        }
    }

    /** Waits for the page a form posted to to show {@code text}. */
    private static void awaitText(WebDriver browser, By element, String text) {
        // While the page reloads, Chrome may answer about the old page's elements with an error
        // ("does not belong to the document") instead of "stale": wait through those for the new page.
        new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(WebDriverException.class)
                .until(ExpectedConditions.textToBe(element, text));
    }

    /** Within the row of "reportId rule", the element {@code within} selects. */
    private static By rowOf(String reportAndRule, String within) {
        String[] parts = reportAndRule.split(" ");
        return By.cssSelector("section[data-report='" + parts[0] + "'] tr[data-rule='" + parts[1] + "']" + within);
    }

    private static List<String> reportsShown(WebDriver browser) {
        return browser.findElements(By.cssSelector("section.report")).stream().map(section -> section.getAttribute("data-report")).toList();
    }

    private static String fingerprintOf(WebDriver browser, String reportId, String rule) {
        return browser.findElement(By.cssSelector("section[data-report='" + reportId + "'] tr[data-rule='" + rule + "']"))
                .getAttribute("data-fingerprint");
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create(notify.baseUrl() + path)).build();
    }
}
