package io.nianbao.notify;

import io.nianbao.events.AgencyLevel;
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
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.nianbao.events.Severity.ERROR;
import static io.nianbao.events.Severity.WARNING;
import static io.nianbao.notify.NotifyHarness.finding;
import static io.nianbao.notify.NotifyHarness.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The inbox page over real HTTP: login, escaping of what comes from a report, and — in Debian's
 * headless Chromium through Selenium, skipped when it is not installed — filtering and acknowledging.
 */
@ExtendWith(LocalStackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InboxPageIT {

    private static final String INSPECTOR = "inbox@nianbao.test";
    private static final String SCRIPT = "<script>document.title='pwned'</script>";
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private NotifyHarness notify;

    @BeforeAll
    void start(LocalStack stack) throws Exception {
        notify = new NotifyHarness("inbox", stack, List.of(INSPECTOR), Map.of("nianbao.notify.inspectors", INSPECTOR)).start();
        notify.publish(report("r-inbox-1", "qinhuai-dept", "320104", AgencyLevel.DEPARTMENT,
                finding("T3-BALANCE", ERROR, "收支不平衡" + SCRIPT),
                finding("TXT-THIN", WARNING, "第五部分内容过少")));
        notify.publish(report("r-inbox-2", "gulou-dept", "320106", AgencyLevel.DEPARTMENT,
                finding("T3-BALANCE", ERROR, "收支不平衡"),
                finding("T4-SUM", ERROR, "复议合计不符")));
        // validate-service's notice that an agency published nothing, then its report.
        notify.publish(report("missing:jianye-dept:2024", "jianye-dept", "320105", AgencyLevel.DEPARTMENT,
                finding("PUB-MISSING", ERROR, "截止日期已过，未发布2024年度报告")));
        notify.publish(report("r-inbox-3", "jianye-dept", "320105", AgencyLevel.DEPARTMENT));
        notify.awaitCaughtUp();
    }

    @AfterAll
    void stop() {
        if (notify != null) {
            notify.close();
        }
    }

    @Test
    void theInboxNeedsALoginAndEscapesWhatComesFromAReport() throws Exception {
        try (HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build()) {
            HttpResponse<String> anonymous = http.send(get("/inbox"), HttpResponse.BodyHandlers.ofString());
            assertThat(anonymous.statusCode()).isEqualTo(302);
            assertThat(anonymous.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));

            String loginPage = http.send(get("/login"), HttpResponse.BodyHandlers.ofString()).body();
            Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(loginPage);
            assertThat(csrf.find()).as("CSRF token in the login form").isTrue();
            HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(notify.baseUrl() + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(INSPECTOR, StandardCharsets.UTF_8)
                            + "&password=" + NotifyHarness.PASSWORD + "&_csrf=" + csrf.group(1)))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/inbox"));

            HttpResponse<String> inboxPage = http.send(get("/inbox"), HttpResponse.BodyHandlers.ofString());
            // Nothing but the page's own style sheet loads, and no script runs, whatever a report brings.
            assertThat(inboxPage.headers().firstValue("Content-Security-Policy"))
                    .hasValue("default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
            String inbox = inboxPage.body();
            assertThat(inbox).contains("收支不平衡&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;")
                    .doesNotContain(SCRIPT)
                    .contains("问题收件箱", "<svg", "各规则问题数", "各地区问题数", "T3-BALANCE 申请收支不平衡", "表三“总计”");
            String reportPage = http.send(get("/inbox/reports/r-inbox-2"), HttpResponse.BodyHandlers.ofString()).body();
            assertThat(reportPage).contains("r-inbox-2", "T4-SUM").doesNotContain("r-inbox-1");
            String noticePage = http.send(get("/inbox/reports/missing:jianye-dept:2024"), HttpResponse.BodyHandlers.ofString()).body();
            assertThat(noticePage).as("resolved by the report that arrived")
                    .contains("PUB-MISSING 未发布年度报告", "已解决", "报告已发布", "/inbox/reports/r-inbox-3");
        }
    }

    @Test
    void anInspectorLogsInFiltersAndAcknowledgesInABrowser() {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Debian's chromium and chromium-driver are not installed: the browser test is skipped");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort().build();
        WebDriver browser = new ChromeDriver(service, options);
        try {
            browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
            WebDriverWait page = new WebDriverWait(browser, Duration.ofSeconds(10));
            browser.get(notify.baseUrl() + "/inbox");
            assertThat(browser.getCurrentUrl()).endsWith("/login");
            browser.findElement(By.id("username")).sendKeys(INSPECTOR);
            browser.findElement(By.id("password")).sendKeys(NotifyHarness.PASSWORD);
            browser.findElement(By.id("login")).click();
            page.until(ExpectedConditions.urlContains("/inbox"));

            assertThat(browser.getTitle()).isEqualTo("收件箱 · 年报核查");
            assertThat(browser.findElements(By.cssSelector("tr.finding"))).as("two reports' four findings and the PUB-MISSING notice")
                    .hasSize(5);
            assertThat(browser.findElement(By.cssSelector("#f-" + fingerprintOf(browser, "r-inbox-1", "T3-BALANCE") + " .message")).getText())
                    .as("the script shows as text and never runs").contains(SCRIPT);

            browser.findElement(By.id("filter-rule")).sendKeys("T3-BALANCE");
            browser.findElement(By.id("apply-filters")).click();
            page.until(ExpectedConditions.urlContains("rule=T3-BALANCE"));
            List<WebElement> rows = browser.findElements(By.cssSelector("tr.finding"));
            assertThat(rows).hasSize(2).allSatisfy(row -> assertThat(row.getAttribute("data-rule")).isEqualTo("T3-BALANCE"));

            String fingerprint = rows.getFirst().getAttribute("data-fingerprint");
            rows.getFirst().findElement(By.cssSelector("button.acknowledge")).click();
            // While the page reloads, Chrome may answer about the old page's elements with an error
            // ("does not belong to the document") instead of "stale": wait through those for the new page.
            new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(WebDriverException.class)
                    .until(ExpectedConditions.textToBe(By.cssSelector("#f-" + fingerprint + " .status"), "已确认"));
            assertThat(browser.getCurrentUrl()).as("back to the filtered view").contains("rule=T3-BALANCE");

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

    private static String fingerprintOf(WebDriver browser, String reportId, String rule) {
        return browser.findElement(By.cssSelector("section[data-report='" + reportId + "'] tr[data-rule='" + rule + "']"))
                .getAttribute("data-fingerprint");
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create(notify.baseUrl() + path)).build();
    }
}
