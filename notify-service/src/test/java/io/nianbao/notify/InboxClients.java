package io.nianbao.notify;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** An inspector logged in to the inbox pages: over plain HTTP with a session cookie, or in Debian's headless Chromium. */
final class InboxClients {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private InboxClients() {
    }

    /** An HTTP client whose session is logged in as {@code inspector} through the login form (with its CSRF token). */
    static HttpClient loggedIn(NotifyHarness notify, String inspector) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String loginPage = http.send(HttpRequest.newBuilder(URI.create(notify.baseUrl() + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(loginPage);
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token in the login form");
        }
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(notify.baseUrl() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(inspector, StandardCharsets.UTF_8)
                        + "&password=" + NotifyHarness.PASSWORD + "&_csrf=" + csrf.group(1)))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (!login.headers().firstValue("Location").orElse("").contains("/inbox")) {
            throw new IllegalStateException("login refused: " + login.statusCode() + " " + login.headers().map());
        }
        return http;
    }

    /** Debian's headless Chromium, logged in as {@code inspector}; the test is skipped when it is not installed. */
    static WebDriver browserLoggedIn(NotifyHarness notify, String inspector) {
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
            browser.get(notify.baseUrl() + "/login");
            browser.findElement(By.id("username")).sendKeys(inspector);
            browser.findElement(By.id("password")).sendKeys(NotifyHarness.PASSWORD);
            browser.findElement(By.id("login")).click();
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/inbox"));
            return browser;
        } catch (RuntimeException e) {
            browser.quit();
            throw e;
        }
    }
}
