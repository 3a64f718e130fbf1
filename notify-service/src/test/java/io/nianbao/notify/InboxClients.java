package io.nianbao.notify;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
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
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
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
        WebDriver browser = browserSentToLogin(notify, "/login");
        try {
            logIn(browser, inspector);
            return browser;
        } catch (RuntimeException e) {
            browser.quit();
            throw e;
        }
    }

    /**
     * Debian's headless Chromium at 1400×900, without a session, having asked for {@code path}: it
     * must be on the login page. The test is skipped when Chromium is not installed; the caller quits it.
     */
    static WebDriver browserSentToLogin(NotifyHarness notify, String path) {
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
            browser.manage().window().setSize(new Dimension(1400, 900));
            browser.get(notify.baseUrl() + path);
            assertThat(browser.getCurrentUrl()).as(path + " without a session").endsWith("/login");
            return browser;
        } catch (RuntimeException | AssertionError e) {
            browser.quit();
            throw e;
        }
    }

    /** Logs in as {@code inspector} on the login page the browser shows, and waits to be on the inbox's pages. */
    static void logIn(WebDriver browser, String inspector) {
        browser.findElement(By.id("username")).sendKeys(inspector);
        browser.findElement(By.id("password")).sendKeys(NotifyHarness.PASSWORD);
        browser.findElement(By.id("login")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/inbox"));
    }

    /**
     * Saves the whole page the browser shows, below the window's edge too, as {@code <name>.png} in
     * the folder named by the system property {@code nianbao.screenshots}, when it is set: the
     * README's pictures of the pages.
     */
    static void screenshot(WebDriver browser, String name) throws IOException {
        String folder = System.getProperty("nianbao.screenshots");
        if (folder == null) {
            return;
        }
        ChromeDriver chrome = (ChromeDriver) browser;
        Map<?, ?> page = (Map<?, ?>) chrome.executeCdpCommand("Page.getLayoutMetrics", Map.of()).get("cssContentSize");
        Map<String, Object> shot = chrome.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", page.get("width"), "height", page.get("height"), "scale", 1)));
        Files.createDirectories(Path.of(folder));
        Files.write(Path.of(folder, name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
    }
}
