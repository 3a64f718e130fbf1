package io.nianbao.watch;

import io.nianbao.events.ReportPublished;
import io.nianbao.events.TopicClient;
import io.nianbao.events.Topics;
import io.nianbao.localstack.LocalStack;
import io.nianbao.localstack.LocalStackExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An instance stopped in the middle of a check, and another started in its place: the reports the
 * first sent are not sent again (the column's memory is read back from watch.seen), the rest are
 * sent once.
 */
@ExtendWith(LocalStackExtension.class)
class WatchRestartTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void aRestartInTheMiddleOfACheckSendsNothingTwice(LocalStack stack) throws Exception {
        String column = "it-restart-" + UUID.randomUUID().toString().substring(0, 8);
        String agency = column + "-agency";
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (TestPortal portal = new TestPortal(); TopicClient topics = new TopicClient(stack.bootstrapServers(), stack.schemaRegistryUrl())) {
            PingtanSite.serve(portal, "/nb");
            byte[] page2022 = CorpusWild.read("2022-pingtan-shiyanqu-page.html");
            // The first request for the 2022 page hangs until the first instance is gone.
            portal.route("/nb" + PingtanSite.PAGE_2022, exchange -> {
                if (held.getCount() > 0) {
                    held.countDown();
                    try {
                        release.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                exchange.sendResponseHeaders(200, page2022.length);
                exchange.getResponseBody().write(page2022);
            });
            Map<String, String> columns = WatchInstance.column(0, Map.of("id", column, "agency-id", agency,
                    "agency-name", "平潭综合实验区", "listing-url", portal.url("/nb/index.htm"), "cms", "TRS"));

            try (WatchInstance first = WatchInstance.start(stack, columns)) {
                assertThat(topics.await(Topics.PUBLISHED, r -> r.getAgencyId().equals(agency), WAIT))
                        .extracting(ReportPublished::getYear).containsExactly(2023);
                assertThat(held.await(60, TimeUnit.SECONDS)).as("the check reached the 2022 page").isTrue();
            }
            release.countDown();

            try (WatchInstance second = WatchInstance.start(stack, columns)) {
                topics.await(Topics.PUBLISHED, r -> r.getAgencyId().equals(agency), 3, WAIT);
                int checks = portal.requests("/nb/index.htm").size();
                Eventually.await("three more checks", WAIT, () -> portal.requests("/nb/index.htm").size() >= checks + 3);
                List<ReportPublished> sent = topics.values(Topics.PUBLISHED, r -> r.getAgencyId().equals(agency));
                assertThat(sent).as("each report once across the restart").extracting(ReportPublished::getDocumentUrl)
                        .containsExactlyInAnyOrder(portal.url("/nb" + PingtanSite.PAGE_2023), portal.url("/nb" + PingtanSite.PAGE_2022),
                                portal.url("/nb" + PingtanSite.PAGE_2019));
            }
        }
    }
}
