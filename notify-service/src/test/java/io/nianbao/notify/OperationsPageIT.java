package io.nianbao.notify;

import io.nianbao.events.ColumnProblem;
import io.nianbao.events.ColumnStatus;
import io.nianbao.events.Topics;
import io.nianbao.localstack.LocalStack;
import io.nianbao.localstack.LocalStackExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * watch.status as the operators see it: records on the topic (real broker, registry and
 * PostgreSQL) become the operators' page, shown to operators only, the latest word per column; in
 * Debian's headless Chromium (skipped when absent) it takes the README's picture of the page when
 * {@code nianbao.screenshots} is set.
 */
@ExtendWith(LocalStackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperationsPageIT {

    private static final String OPERATOR = "ops@nianbao.test";
    private static final String INSPECTOR = "inspector@nianbao.test";
    private static final String TOPIC = "watch.status.operations-test";

    private NotifyHarness notify;

    @BeforeAll
    void start(LocalStack stack) {
        notify = new NotifyHarness("operations", stack, List.of(OPERATOR, INSPECTOR), Map.of(
                "nianbao.notify.inspectors", "", "nianbao.notify.operators", OPERATOR,
                "spring.cloud.stream.bindings.watchStatus-in-0.destination", TOPIC)).start();
    }

    @AfterAll
    void stop() {
        if (notify != null) {
            notify.close();
        }
    }

    @Test
    void operatorsSeeTheColumnsWatchServiceCannotReadAndTheMissingReportPages() throws Exception {
        Instant since = Instant.parse("2025-03-01T00:00:00Z");
        publish(status("pingtan-ndbg", true, ColumnProblem.NO_LINKS, null, "ul.list li a", since, since.plusSeconds(3600), List.of()));
        publish(status("gulou-ndbg", false, null, null, null, null, since, List.of("https://www.gl.gov.cn/ndbg/2023.html")));
        publish(status("jianye-ndbg", true, ColumnProblem.HTTP_STATUS, 503, null, since, since.plusSeconds(60), List.of()));
        // Read again: the latest word replaces it; an older record coming late does not.
        publish(status("jianye-ndbg", false, null, null, null, null, since.plusSeconds(7200), List.of()));
        publish(status("jianye-ndbg", true, ColumnProblem.HTTP_STATUS, 500, null, since, since.plusSeconds(120), List.of()));

        HttpClient operator = InboxClients.loggedIn(notify, OPERATOR);
        String page = awaitPage(operator, body -> body.contains("gulou-ndbg") && body.contains("jianye-ndbg")
                && body.contains("pingtan-ndbg"));
        assertThat(page).contains("运行状态", "栏目页面结构已变化：选择器找不到任何链接", "ul.list li a",
                "https://www.gl.gov.cn/ndbg/2023.html", "2025-03-01 08:00", "id=\"nav-operations\"");
        assertThat(page.indexOf("pingtan-ndbg")).as("what cannot be read comes first").isLessThan(page.indexOf("gulou-ndbg"));
        String jianye = page.substring(page.indexOf("data-column=\"jianye-ndbg\""));
        assertThat(jianye.substring(0, jianye.indexOf("</tr>"))).contains("正常").doesNotContain("500", "503");

        HttpClient inspector = InboxClients.loggedIn(notify, INSPECTOR);
        assertThat(get(inspector, "/inbox/operations").statusCode()).isEqualTo(403);
        assertThat(get(inspector, "/inbox").body()).doesNotContain("nav-operations");

        WebDriver browser = InboxClients.browserLoggedIn(notify, OPERATOR);
        try {
            browser.get(notify.baseUrl() + "/inbox/operations");
            assertThat(browser.findElements(By.cssSelector("#columns tr.column"))).extracting(row -> row.getAttribute("data-column"))
                    .as("what cannot be read first").startsWith("pingtan-ndbg").contains("gulou-ndbg", "jianye-ndbg");
            InboxClients.screenshot(browser, "operations");
        } finally {
            browser.quit();
        }
    }

    private static ColumnStatus status(String column, boolean failing, ColumnProblem problem, Integer httpStatus,
                                       String selector, Instant since, Instant checkedAt, List<String> missing) {
        return ColumnStatus.newBuilder().setColumnId(column).setListingUrl("https://www.example.gov.cn/" + column + "/")
                .setFailing(failing).setProblem(problem).setHttpStatus(httpStatus).setSelector(selector)
                .setDetail(failing ? "连续6小时无法读取" : null).setFailingSince(since).setCheckedAt(checkedAt)
                .setMissingReports(missing).build();
    }

    private void publish(ColumnStatus status) {
        notify.topics().publishBytes(TOPIC, status.getColumnId(), List.of(notify.topics().serialize(Topics.WATCH_STATUS, status)));
    }

    private HttpResponse<String> get(HttpClient client, String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(notify.baseUrl() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String awaitPage(HttpClient client, Predicate<String> ready) throws Exception {
        return Await.until("the operators' page showing every column", () -> get(client, "/inbox/operations").body(), ready,
                NotifyHarness.WAIT);
    }
}
