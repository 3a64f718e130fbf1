package io.nianbao.notify;

import io.nianbao.events.AgencyLevel;
import io.nianbao.localstack.LocalStack;
import io.nianbao.localstack.LocalStackExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

import static io.nianbao.events.Severity.ERROR;
import static io.nianbao.notify.NotifyHarness.finding;
import static io.nianbao.notify.NotifyHarness.report;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * notify-service without its database: not ready (readiness DOWN, so `NianbaoNotReady` alerts), and
 * a report that arrives meanwhile waits for it, then is mailed once, not dead-lettered.
 */
@ExtendWith(LocalStackExtension.class)
class DatabaseOutageIT {

    private static final String INSPECTOR = "inspector@nianbao.test";
    private static final Duration OUTAGE = Duration.ofSeconds(15);

    @Test
    void notReadyWhileItsDatabaseIsAwayAndAReportThatCameMeanwhileIsMailedOnceAfter(LocalStack stack) throws Exception {
        try (NotifyHarness notify = new NotifyHarness("database-outage", stack, List.of(),
                Map.of("nianbao.notify.inspectors", INSPECTOR)).start();
             HttpClient http = HttpClient.newHttpClient()) {
            URI readiness = URI.create(notify.baseUrl() + "/actuator/health/readiness");
            Readiness ready = awaitReadiness(http, readiness, 200);
            assertThat(ready.body()).as("readiness includes the database").contains("\"db\"");

            FutureTask<Void> outage = new FutureTask<>(() -> {
                notify.database().stopFor(OUTAGE);
                return null;
            });
            Thread.ofVirtual().start(outage);
            Readiness notReady = awaitReadiness(http, readiness, 503);
            notify.publish(report("r-while-away", "gulou-dept", "320106", AgencyLevel.DEPARTMENT,
                    finding("T3-BALANCE", ERROR, "收支不平衡")));
            awaitDone(outage);
            awaitReadiness(http, readiness, 200);
            notify.awaitCaughtUp();

            assertThat(notReady.body()).as("the database DOWN in readiness").contains("\"db\"", "DOWN");
            assertThat(notify.mailsTo(INSPECTOR)).extracting(mail -> mail.text().contains("报告编号：r-while-away"))
                    .containsExactly(true);
            assertThat(notify.deadLetters()).as("nothing dead-lettered").isEmpty();
        }
    }

    /** What readiness answered: named in full when a wait for it fails. */
    private record Readiness(int status, String body) {
    }

    /** Polls until readiness answers {@code status}; fails after {@link NotifyHarness#WAIT}. */
    private static Readiness awaitReadiness(HttpClient http, URI readiness, int status) throws Exception {
        return Await.until("readiness answers " + status, () -> {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Readiness(response.statusCode(), response.body());
        }, answer -> answer.status() == status, NotifyHarness.WAIT);
    }

    private static void awaitDone(Future<Void> outage) throws Exception {
        outage.get(OUTAGE.toSeconds() + 30, TimeUnit.SECONDS);
    }
}
