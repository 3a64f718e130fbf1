package io.nianbao.notify;

import io.nianbao.events.AgencyLevel;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
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
 * 历年趋势 over real HTTP and PostgreSQL: reports of 2022–2024 from Nanjing and Beijing counted per
 * rule and year under each filter, and — in Debian's headless Chromium, skipped when absent — the
 * table as a browser renders it, filtered by picking a region by name.
 */
@ExtendWith(LocalStackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrendsPageIT {

    private static final String INSPECTOR = "trends@nianbao.test";
    private static final Pattern ROW = Pattern.compile("<tr class=\"trend\" data-rule=\"([^\"]+)\">(.*?)</tr>", Pattern.DOTALL);
    private static final Pattern CELL = Pattern.compile(
            "<span class=\"count\">(\\d+)</span>\\s*(?:<span class=\"change [a-z]+\">([^<]*)</span>)?");

    private NotifyHarness notify;
    private HttpClient http;

    @BeforeAll
    void start(LocalStack stack) throws Exception {
        notify = new NotifyHarness("trends", stack, List.of(INSPECTOR), Map.of("nianbao.notify.inspectors", INSPECTOR)).start();
        notify.publish(of(2022, "r-qinhuai-2022", "qinhuai-dept", "320104", AgencyLevel.DEPARTMENT,
                finding("T3-BALANCE", ERROR, "收支不平衡"), finding("TXT-THIN", WARNING, "第五部分内容过少")));
        notify.publish(of(2022, "r-gulou-2022", "gulou-dept", "320106", AgencyLevel.DEPARTMENT,
                finding("T3-BALANCE", ERROR, "收支不平衡")));
        notify.publish(of(2023, "r-qinhuai-2023", "qinhuai-dept", "320104", AgencyLevel.DEPARTMENT,
                finding("T3-BALANCE", ERROR, "收支不平衡")));
        notify.publish(of(2024, "r-qinhuai-2024", "qinhuai-dept", "320104", AgencyLevel.DEPARTMENT,
                finding("TXT-THIN", WARNING, "第五部分内容过少"), finding("T4-SUM", ERROR, "复议合计不符")));
        notify.publish(of(2024, "r-dongcheng-2024", "dongcheng-gov", "110101", AgencyLevel.GOVERNMENT,
                finding("T3-BALANCE", ERROR, "收支不平衡"), finding("T4-SUM", ERROR, "复议合计不符")));
        // validate-service's notice that an agency published nothing: a finding, not a report checked.
        notify.publish(of(2024, "missing:jianye-dept:2024", "jianye-dept", "320105", AgencyLevel.DEPARTMENT,
                finding("PUB-MISSING", ERROR, "截止日期已过，未发布2024年度报告")));
        notify.awaitCaughtUp();
        http = InboxClients.loggedIn(notify, INSPECTOR);
    }

    private static ReportValidated of(int year, String reportId, String agencyId, String region, AgencyLevel level,
                                      Finding... findings) {
        return ReportValidated.newBuilder(report(reportId, agencyId, region, level, findings)).setYear(year).build();
    }

    @AfterAll
    void stop() {
        if (http != null) {
            http.close();
        }
        if (notify != null) {
            notify.close();
        }
    }

    @Test
    void everyRuleIsCountedPerYearWithItsChangeAndTheLastYearsMostComeFirst() throws Exception {
        String page = page("");

        assertThat(page).contains("<th class=\"number\">2022年度</th>", "<th class=\"number\">2023年度</th>",
                "<th class=\"number\">2024年度</th>", "T3-BALANCE 申请收支不平衡", "<svg class=\"spark\"", "<polyline");
        assertThat(reports(page)).as("reports per year, the missing report's notice not among them").containsExactly("2", "1", "2");
        assertThat(rows(page)).containsExactly(
                "T4-SUM 0 | 0 持平 | 2 ▲2",
                "T3-BALANCE 2 | 1 ▼1 | 1 持平",
                "TXT-THIN 1 | 0 ▼1 | 1 ▲1",
                "PUB-MISSING 0 | 0 持平 | 1 ▲1");
    }

    @Test
    void aRegionPrefixKeepsItsReportsAndNamesTheRegion() throws Exception {
        String jiangsu = page("?region=32");
        assertThat(jiangsu).contains("<span id=\"region-label\">江苏省</span>", "<option value=\"32\" selected=\"selected\">江苏省</option>",
                "<option value=\"3201\">　南京市</option>");
        assertThat(reports(jiangsu)).containsExactly("2", "1", "1");
        assertThat(rows(jiangsu)).containsExactly(
                "TXT-THIN 1 | 0 ▼1 | 1 ▲1",
                "PUB-MISSING 0 | 0 持平 | 1 ▲1",
                "T4-SUM 0 | 0 持平 | 1 ▲1",
                "T3-BALANCE 2 | 1 ▼1 | 0 ▼1");

        String typed = page("?region=32&code=110101");
        assertThat(typed).as("a typed code wins over the picker").contains("<span id=\"region-label\">北京市东城区</span>");
        assertThat(rows(typed)).containsExactly("T3-BALANCE 1", "T4-SUM 1");
    }

    @Test
    void severityFiltersFindingsAndLevelFiltersReports() throws Exception {
        String warnings = page("?severity=WARNING");
        assertThat(rows(warnings)).containsExactly("TXT-THIN 1 | 0 ▼1 | 1 ▲1");
        assertThat(reports(warnings)).as("the reports checked stay the same").containsExactly("2", "1", "2");

        String governments = page("?level=GOVERNMENT");
        assertThat(reports(governments)).containsExactly("1");
        assertThat(rows(governments)).containsExactly("T3-BALANCE 1", "T4-SUM 1");
    }

    @Test
    void aCodeThatIsNoCodeIsSaidSoAndAnUnknownOneShowsNothing() throws Exception {
        assertThat(page("?code=abc")).contains("地区代码应为数字").doesNotContain("<tr class=\"trend\"");
        assertThat(page("?code=990000")).contains("代码 990000（未收录）", "收件箱中没有符合条件的问题。");
    }

    @Test
    void aBrowserShowsTheTableAndFiltersByARegionPickedByName() throws Exception {
        WebDriver browser = InboxClients.browserLoggedIn(notify, INSPECTOR);
        try {
            browser.get(notify.baseUrl() + "/inbox/trends");
            assertThat(browser.getTitle()).isEqualTo("历年趋势 · 年报核查");
            assertThat(browser.findElement(By.id("nav-trends")).getAttribute("class")).contains("active");
            assertThat(browser.findElements(By.cssSelector("#trends thead th")).stream().map(WebElement::getText))
                    .containsExactly("规则", "2022年度", "2023年度", "2024年度", "走势");
            assertThat(browser.findElements(By.cssSelector("tr.trend"))).hasSize(4);
            assertThat(browser.findElement(By.cssSelector("tr.trend[data-rule='T3-BALANCE'] td[data-year='2023']")).getText())
                    .isEqualTo("1 ▼1");
            assertThat(browser.findElement(By.cssSelector("tr.trend[data-rule='T3-BALANCE'] svg.spark")).getSize().getWidth())
                    .isEqualTo(96);
            InboxClients.screenshot(browser, "trends");

            new Select(browser.findElement(By.id("filter-region"))).selectByVisibleText("北京市");
            browser.findElement(By.id("apply-filters")).click();
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("region=11"));
            assertThat(browser.findElement(By.id("region-label")).getText()).isEqualTo("北京市");
            assertThat(browser.findElements(By.cssSelector("tr.trend")).stream().map(row -> row.getAttribute("data-rule")))
                    .containsExactly("T3-BALANCE", "T4-SUM");
            assertThat(new Select(browser.findElement(By.id("filter-region"))).getOptions().stream().map(WebElement::getText))
                    .as("Beijing's districts offered below it").containsSubsequence("北京市", "东城区", "延庆区", "天津市");
        } finally {
            browser.quit();
        }
    }

    private String page(String query) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(notify.baseUrl() + "/inbox/trends" + query)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    /** Each rule's row as "RULE count | count change | …", in the page's order. */
    private static List<String> rows(String page) {
        List<String> rows = new ArrayList<>();
        Matcher row = ROW.matcher(page);
        while (row.find()) {
            List<String> cells = new ArrayList<>();
            Matcher cell = CELL.matcher(row.group(2));
            while (cell.find()) {
                cells.add(cell.group(2) == null ? cell.group(1) : cell.group(1) + " " + cell.group(2));
            }
            rows.add(row.group(1) + " " + String.join(" | ", cells));
        }
        return rows;
    }

    private static List<String> reports(String page) {
        Matcher row = Pattern.compile("<tr class=\"reports\" id=\"reports-row\">(.*?)</tr>", Pattern.DOTALL).matcher(page);
        assertThat(row.find()).as("the reports row").isTrue();
        return Pattern.compile("<td class=\"number\" data-year=\"\\d+\">(\\d+)</td>").matcher(row.group(1)).results()
                .map(m -> m.group(1)).toList();
    }
}
