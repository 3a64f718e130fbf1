package io.nianbao.notify;

import io.nianbao.events.AgencyLevel;
import io.nianbao.events.ReportValidated;
import io.nianbao.events.Template;
import io.nianbao.localstack.LocalStack;
import io.nianbao.localstack.LocalStackExtension;
import io.nianbao.notify.web.Rectification;
import io.nianbao.notify.web.Rectifications;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.nianbao.events.Severity.ERROR;
import static io.nianbao.events.Severity.WARNING;
import static io.nianbao.notify.NotifyHarness.finding;
import static io.nianbao.notify.NotifyHarness.report;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The region overview, an agency's rectification and the Excel annex over real HTTP, PostgreSQL
 * and — in Debian's headless Chromium through Selenium, skipped when it is not installed — a browser.
 * The roster (written here) lists four agencies of 南京 (3201), one of 无锡 and more than a page of
 * 杭州's; one agency not on it reports too.
 */
@ExtendWith(LocalStackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OverviewPageIT {

    private static final String INSPECTOR = "overview@nianbao.test";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final String GULOU_DOCUMENT = "https://www.njgl.gov.cn/zwgk/ndbg/2024.html";
    private static final Pattern AGENCY_ROW = Pattern.compile("<tr class=\"agency\" data-agency=\"([^\"]+)\"");
    /** More than a page of agencies, in a region of their own. */
    private static final int HANGZHOU_TOWNSHIPS = 57;

    private Path rosterFolder;
    private NotifyHarness notify;

    @BeforeAll
    void start(LocalStack stack) throws Exception {
        rosterFolder = Files.createTempDirectory("overview-roster");
        Path roster = Files.writeString(rosterFolder.resolve("roster.csv"), """
                agencyId,agencyName,level,region,regionCode
                xuanwu-town,南京市玄武区玄武门街道办事处,TOWNSHIP,南京市,320102
                qinhuai-gov,南京市秦淮区人民政府,GOVERNMENT,南京市,320104
                jianye-dept,南京市建邺区教育局,DEPARTMENT,南京市,320105
                gulou-dept,南京市鼓楼区民政局,DEPARTMENT,南京市,320106
                wuxi-dept,无锡市教育局,DEPARTMENT,无锡市,320200
                """ + IntStream.rangeClosed(1, HANGZHOU_TOWNSHIPS)
                .mapToObj(i -> "hangzhou-%02d,杭州市第%02d街道办事处,TOWNSHIP,,330102\n".formatted(i, i))
                .collect(Collectors.joining()));
        notify = new NotifyHarness("overview", stack, List.of(INSPECTOR),
                Map.of("nianbao.notify.inspectors", INSPECTOR, "nianbao.notify.roster", roster.toString())).start();
        ReportValidated onTime = report("r-qinhuai", "qinhuai-gov", "320104", AgencyLevel.GOVERNMENT,
                finding("T3-BALANCE", ERROR, "收支不平衡"), finding("TXT-THIN", WARNING, "第五部分内容过少"));
        onTime.setTemplate(Template.GB2021);
        notify.publish(onTime);
        ReportValidated late = report("r-gulou", "gulou-dept", "320106", AgencyLevel.DEPARTMENT,
                finding("PUB-LATE", ERROR, "逾期发布"), finding("T4-SUM", ERROR, "复议合计不符"));
        late.setDocumentUrl(GULOU_DOCUMENT);
        notify.publish(late);
        notify.publish(report("missing:jianye-dept:2024", "jianye-dept", null, AgencyLevel.DEPARTMENT,
                finding("PUB-MISSING", ERROR, "截止日期已过，未发布2024年度报告")));
        notify.publish(report("r-visitor", "visitor-dept", "320111", AgencyLevel.DEPARTMENT,
                finding("T3-BALANCE", ERROR, "收支不平衡")));
        notify.awaitCaughtUp();
    }

    @AfterAll
    void stop() throws Exception {
        if (notify != null) {
            notify.close();
        }
        if (rosterFolder != null) {
            Files.deleteIfExists(rosterFolder.resolve("roster.csv"));
            Files.deleteIfExists(rosterFolder);
        }
    }

    @Test
    void anInspectorReviewsTheRegionRectifiesAnAgencyAndExportsTheAnnexInABrowser() throws Exception {
        WebDriver browser = InboxClients.browserSentToLogin(notify, "/inbox/overview");
        try {
            WebDriverWait page = new WebDriverWait(browser, Duration.ofSeconds(10));
            InboxClients.logIn(browser, INSPECTOR);

            browser.get(notify.baseUrl() + "/inbox/overview");
            assertThat(browser.getTitle()).isEqualTo("地区总览 · 年报核查");
            assertThat(browser.findElement(By.tagName("h1")).getText()).as("the latest year seen").startsWith("2024年度");
            new Select(browser.findElement(By.id("filter-region"))).selectByVisibleText("江苏省");
            browser.findElement(By.id("apply-overview-filters")).click();
            page.until(ExpectedConditions.urlContains("region=32"));
            new Select(browser.findElement(By.id("filter-region"))).selectByValue("3201");
            browser.findElement(By.id("apply-overview-filters")).click();
            page.until(ExpectedConditions.urlContains("region=3201"));

            List<WebElement> rows = browser.findElements(By.cssSelector("tr.agency"));
            assertThat(rows).extracting(row -> row.getAttribute("data-agency"))
                    .as("by region code; 无锡 outside 3201; the agency off the roster listed since it brought findings")
                    .containsExactly("xuanwu-town", "qinhuai-gov", "jianye-dept", "gulou-dept", "visitor-dept");
            assertThat(rows).extracting(row -> row.findElement(By.cssSelector(".publication")).getText())
                    .containsExactly("尚未发布", "按时", "未发布", "逾期", "按时");
            assertThat(rows).extracting(row -> row.findElement(By.cssSelector(".errors")).getText() + "/"
                    + row.findElement(By.cssSelector(".warnings")).getText())
                    .containsExactly("0/0", "1/1", "1/0", "2/0", "1/0");
            assertThat(row(browser, "visitor-dept").getText()).contains("不在名册", "江苏省南京市浦口区", "部门");
            assertThat(browser.findElement(By.id("region-name")).getText()).isEqualTo("· 江苏省南京市");
            assertThat(row(browser, "qinhuai-gov").getText()).contains("GB2021", "2025-01-20", "政府", "无");
            assertThat(row(browser, "jianye-dept").getText()).as("the notice's date is no publication date").doesNotContain("2025-01-20");
            assertThat(browser.findElement(By.id("count-expected")).getText()).isEqualTo("4");
            assertThat(browser.findElement(By.id("count-on-time")).getText()).isEqualTo("2");
            assertThat(browser.findElement(By.id("count-late")).getText()).isEqualTo("1");
            assertThat(browser.findElement(By.id("count-missing")).getText()).isEqualTo("1");
            assertThat(browser.findElement(By.id("count-errors")).getText()).isEqualTo("5");

            InboxClients.screenshot(browser, "overview");
            row(browser, "gulou-dept").findElement(By.cssSelector("a.details")).click();
            page.until(ExpectedConditions.urlContains("/inbox/overview/agencies/gulou-dept"));
            assertThat(browser.findElement(By.id("publication")).getText()).isEqualTo("逾期");
            assertThat(browser.findElement(By.cssSelector("#reports a")).getAttribute("href")).endsWith("/inbox/reports/r-gulou");
            assertThat(browser.findElement(By.cssSelector("#reports a.document-link")).getAttribute("href")).isEqualTo(GULOU_DOCUMENT);
            assertThat(browser.findElements(By.cssSelector("#findings tr.finding"))).extracting(f -> f.getAttribute("data-rule"))
                    .containsExactlyInAnyOrder("PUB-LATE", "T4-SUM");
            assertThat(browser.findElement(By.id("rectification-state")).getText()).isEqualTo("无");

            step(browser, Rectification.RETURNED, "表四合计有误，请于十日内更正");
            step(browser, Rectification.RECTIFIED, "已重新发布更正后的报告");
            step(browser, Rectification.RETURNED, "表四仍不平衡");
            step(browser, Rectification.RECTIFIED, "再次更正");
            step(browser, Rectification.APPROVED, "复核无误");
            List<WebElement> history = browser.findElements(By.cssSelector("#rectification-history tr.step"));
            assertThat(history).extracting(s -> s.findElement(By.cssSelector(".step-state")).getText())
                    .containsExactly("退回整改", "已整改", "退回整改", "已整改", "复核通过");
            assertThat(history).extracting(s -> s.findElement(By.cssSelector(".step-comment")).getText())
                    .containsExactly("表四合计有误，请于十日内更正", "已重新发布更正后的报告", "表四仍不平衡", "再次更正", "复核无误");
            assertThat(history.getFirst().getText()).as("who and when, in Beijing time").contains(INSPECTOR, "2025-03-01 09:00");
            assertThat(browser.findElements(By.id("rectification-form"))).as("the workflow has ended").isEmpty();
            InboxClients.screenshot(browser, "overview-agency");

            browser.findElement(By.id("nav-overview")).click();
            page.until(ExpectedConditions.presenceOfElementLocated(By.id("agencies")));
            browser.findElement(By.id("filter-code")).sendKeys("3201");
            browser.findElement(By.id("apply-overview-filters")).click();
            page.until(ExpectedConditions.urlContains("code=3201"));
            assertThat(row(browser, "gulou-dept").findElement(By.cssSelector(".rectification")).getText()).isEqualTo("复核通过");

            browser.findElement(By.id("print-view")).click();
            page.until(ExpectedConditions.presenceOfElementLocated(By.id("annex")));
            assertThat(browser.findElement(By.id("printed-on")).getText()).isEqualTo("2025年3月1日");
            InboxClients.screenshot(browser, "overview-print");
            browser.navigate().back();
            page.until(ExpectedConditions.presenceOfElementLocated(By.id("agencies")));

            String exportUrl = browser.findElement(By.id("export-xlsx")).getAttribute("href");
            assertThat(exportUrl).contains("/inbox/overview.xlsx", "region=3201");
            HttpResponse<byte[]> export;
            try (HttpClient http = HttpClient.newHttpClient()) {
                export = http.send(HttpRequest.newBuilder(URI.create(exportUrl))
                        .header("Cookie", "JSESSIONID=" + browser.manage().getCookieNamed("JSESSIONID").getValue()).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
            }
            assertThat(export.statusCode()).isEqualTo(200);
            assertThat(export.headers().firstValue("Content-Disposition")).hasValueSatisfying(value -> assertThat(value)
                    .startsWith("attachment").contains("filename*=UTF-8''" + URLEncoder.encode(
                            "2024年度政府信息公开工作年度报告发布及质量情况.xlsx", StandardCharsets.UTF_8).replace("+", "%20")));
            try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(export.body()))) {
                Sheet annex = workbook.getSheet("附件");
                assertThat(text(annex, 0, 0)).isEqualTo("2024年度政府信息公开工作年度报告发布及质量情况（地区：江苏省南京市）");
                assertThat(IntStream.range(0, 13).mapToObj(c -> text(annex, 1, c)).toList()).containsExactly(
                        "序号", "地区", "机关名称", "机关层级", "年度", "发布日期", "是否按时", "模板", "错误数", "警告数", "主要问题", "整改状态", "链接");
                assertThat(annex.getLastRowNum()).as("title, header and five agencies").isEqualTo(6);
                assertThat(IntStream.range(0, 13).mapToObj(c -> text(annex, 5, c)).toList()).containsExactly(
                        "4", "江苏省南京市鼓楼区", "南京市鼓楼区民政局", "部门", "2024", "2025-01-20", "逾期", "", "2", "0",
                        "复议诉讼合计不符、逾期发布", "复核通过", "https://www.njgl.gov.cn/zwgk/ndbg/2024.html");
                assertThat(annex.getRow(5).getCell(8).getNumericCellValue()).as("a number, not text").isEqualTo(2);
                Sheet findings = workbook.getSheet("问题清单");
                List<List<String>> findingRows = IntStream.rangeClosed(1, findings.getLastRowNum())
                        .mapToObj(r -> IntStream.range(0, 8).mapToObj(c -> text(findings, r, c)).toList()).toList();
                assertThat(findingRows).hasSize(6).contains(List.of("南京市秦淮区人民政府", "T3-BALANCE", "申请收支不平衡", "错误",
                        "表三“总计”", "收支不平衡", "收支不平衡", "未确认"));
            }
        } finally {
            browser.quit();
        }
    }

    @Test
    void aStepOutOfOrderIsRefusedInChineseAndConcurrentStepsRecordOne() throws Exception {
        try (HttpClient anonymous = HttpClient.newHttpClient()) {
            assertThat(anonymous.send(get("/inbox/overview.xlsx"), HttpResponse.BodyHandlers.discarding()).statusCode())
                    .as("the export needs a login").isEqualTo(302);
        }
        try (HttpClient http = InboxClients.loggedIn(notify, INSPECTOR)) {
            String agencyPage = http.send(get("/inbox/overview/agencies/jianye-dept?year=2024"), HttpResponse.BodyHandlers.ofString()).body();
            assertThat(agencyPage).contains("南京市建邺区教育局", "未发布", "/inbox/reports/missing:jianye-dept:2024", "PUB-MISSING 未发布年度报告");
            Matcher csrf = CSRF.matcher(agencyPage);
            assertThat(csrf.find()).as("CSRF token in the rectification form").isTrue();
            HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create(notify.baseUrl()
                            + "/inbox/overview/agencies/jianye-dept/rectification"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("year=2024&state=APPROVED&comment="
                            + URLEncoder.encode("直接通过", StandardCharsets.UTF_8) + "&_csrf=" + csrf.group(1)))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).isEqualTo("尚未退回整改，不能直接复核通过");

            String print = http.send(get("/inbox/overview/print?year=2024&region=3201"), HttpResponse.BodyHandlers.ofString()).body();
            assertThat(print).contains("2024年度政府信息公开工作年度报告发布及质量情况", "打印日期：<span id=\"printed-on\">2025年3月1日</span>",
                    "南京市建邺区教育局", "未发布年度报告", "visitor-dept人民政府（不在名册）").doesNotContain("无锡市教育局");
        }

        Rectifications rectifications = notify.bean(Rectifications.class);
        int inspectors = 8;
        CountDownLatch ready = new CountDownLatch(inspectors);
        List<Callable<Boolean>> attempts = new ArrayList<>();
        for (int i = 0; i < inspectors; i++) {
            String who = "inspector-" + i + "@nianbao.test";
            attempts.add(() -> {
                ready.countDown();
                ready.await();
                try {
                    rectifications.advance("xuanwu-town", 2024, Rectification.RETURNED, who, "请补发报告", notify.clock.instant());
                    return true;
                } catch (Rectifications.Refused refusedMeanwhile) {
                    return false;
                }
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(inspectors);
        try {
            List<Boolean> recorded = new ArrayList<>();
            for (Future<Boolean> attempt : pool.invokeAll(attempts)) {
                recorded.add(attempt.get());
            }
            assertThat(recorded).as("one inspector's step; the others see it was taken").containsOnlyOnce(true);
        } finally {
            pool.shutdownNow();
        }
        assertThat(rectifications.history("xuanwu-town", 2024)).singleElement()
                .satisfies(step -> assertThat(step.state()).isEqualTo(Rectification.RETURNED));
    }

    @Test
    void filtersNarrowTheAgenciesAndPagesHoldFiftyWithTheCountsOfAll() throws Exception {
        try (HttpClient http = InboxClients.loggedIn(notify, INSPECTOR)) {
            assertThat(agencies(http, "year=2024&name=" + URLEncoder.encode("鼓楼", StandardCharsets.UTF_8))).containsExactly("gulou-dept");
            assertThat(agencies(http, "year=2024&region=3201&level=TOWNSHIP")).containsExactly("xuanwu-town");
            assertThat(agencies(http, "year=2024&name=%25")).as("a % in the name is a character, not a wildcard").isEmpty();
            assertThat(agencies(http, "year=2024&region=32&code=320106")).as("a typed code wins over the picker")
                    .containsExactly("gulou-dept");
            String notACode = http.send(get("/inbox/overview?year=2024&code=3201%25"), HttpResponse.BodyHandlers.ofString()).body();
            assertThat(notACode).contains("地区代码应为数字");
            assertThat(agencyIds(notACode)).as("unfiltered instead").contains("wuxi-dept", "hangzhou-01");
            assertThat(agencies(http, "year=2023&region=3201")).as("another year: nothing published, nothing routed")
                    .containsExactly("xuanwu-town", "qinhuai-gov", "jianye-dept", "gulou-dept");

            String first = http.send(get("/inbox/overview?year=2024&region=3301"), HttpResponse.BodyHandlers.ofString()).body();
            assertThat(agencyIds(first)).hasSize(50).startsWith("hangzhou-01").endsWith("hangzhou-50");
            assertThat(first).contains("id=\"count-expected\">57<", "第 <span>1</span> / <span>2</span> 页", "page=2");
            String second = http.send(get("/inbox/overview?year=2024&region=3301&page=2"), HttpResponse.BodyHandlers.ofString()).body();
            assertThat(agencyIds(second)).hasSize(7).startsWith("hangzhou-51").endsWith("hangzhou-57");
            assertThat(second).contains("id=\"count-expected\">57<", "id=\"count-missing\">0<");
        }
    }

    private List<String> agencies(HttpClient http, String query) throws Exception {
        return agencyIds(http.send(get("/inbox/overview?" + query), HttpResponse.BodyHandlers.ofString()).body());
    }

    private static List<String> agencyIds(String page) {
        return AGENCY_ROW.matcher(page).results().map(match -> match.group(1)).toList();
    }

    private static WebElement row(WebDriver browser, String agencyId) {
        return browser.findElement(By.cssSelector("tr.agency[data-agency='" + agencyId + "']"));
    }

    /** Takes a rectification step on the agency page and waits for it in the history. */
    private static void step(WebDriver browser, Rectification state, String comment) {
        int before = browser.findElements(By.cssSelector("#rectification-history tr.step")).size();
        browser.findElement(By.id("rectification-comment")).sendKeys(comment);
        browser.findElement(By.id("step-" + state.name())).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(WebDriverException.class)
                .until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#rectification-history tr.step"), before + 1));
        assertThat(browser.findElement(By.id("rectification-state")).getText()).isEqualTo(state.label());
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create(notify.baseUrl() + path)).build();
    }

    private static String text(Sheet sheet, int row, int column) {
        return new DataFormatter().formatCellValue(sheet.getRow(row).getCell(column)).strip();
    }
}
