package io.nianbao.watch;

import io.nianbao.events.ColumnProblem;
import io.nianbao.events.ColumnStatus;
import io.nianbao.events.ReportPublished;
import io.nianbao.events.TopicClient;
import io.nianbao.events.Topics;
import io.nianbao.localstack.LocalPortal;
import io.nianbao.localstack.LocalStack;
import io.nianbao.localstack.LocalStackExtension;
import io.nianbao.localstack.PageEdits;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * watch-service against local portals serving the real 平潭 listing and report pages, with a real
 * broker and registry: one instance reads nine columns, one per behaviour; ingest's upload API is a local stand-in.
 */
@ExtendWith(LocalStackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WatchServiceTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String FOUND = "it-found-" + RUN;
    private static final String EDITED = "it-edited-" + RUN;
    private static final String BUSY = "it-busy-" + RUN;
    private static final String ROBOTS = "it-robots-" + RUN;
    private static final String ALLOWED = "it-allowed-" + RUN;
    private static final String REDIRECTED = "it-redirected-" + RUN;
    private static final String REDESIGNED = "it-redesigned-" + RUN;
    private static final String MISSING = "it-missing-" + RUN;
    private static final String LARGE = "it-large-" + RUN;
    private static final String INGEST_KEY = "watch-test-key";
    /** Two of the seven report pages the real listing links and the portal does not have. */
    private static final String PAGE_2025 = "/202603/t20260313_105587.htm";
    private static final String PAGE_2024 = "/202503/t20250310_97791.htm";

    private LocalPortal portal;
    private LocalPortal strictPortal;
    private TestIngest ingest;
    private byte[] largePage;
    private WatchInstance watch;
    private TopicClient topics;
    private final AtomicInteger busyAnswers = new AtomicInteger();

    @BeforeAll
    void start(LocalStack stack) throws Exception {
        portal = new LocalPortal();
        strictPortal = new LocalPortal();
        PingtanSite.serve(portal, "/found");
        PingtanSite.serveSecondPage(portal, "/found");
        PingtanSite.serve(portal, "/edited");
        PingtanSite.serve(portal, "/busy");
        portal.route("/busy/index.htm", exchange -> {
            if (busyAnswers.getAndIncrement() == 0) {
                exchange.getResponseHeaders().add("Retry-After", "3");
                exchange.sendResponseHeaders(429, -1);
                return;
            }
            byte[] listing = CorpusWild.read(CorpusWild.LISTING);
            exchange.sendResponseHeaders(200, listing.length);
            exchange.getResponseBody().write(listing);
        });
        strictPortal.page("/robots.txt", "User-agent: *\nDisallow: /cgi-bin/\n\nUser-agent: nianbao\nDisallow: /private/\n");
        PingtanSite.serve(strictPortal, "/private");
        PingtanSite.serve(strictPortal, "/public");
        portal.route("/redirected/index.htm", exchange -> {
            exchange.getResponseHeaders().add("Location", "http://10.0.0.8/zfxxgknb/index.htm");
            exchange.sendResponseHeaders(302, -1);
        });
        PingtanSite.serve(portal, "/redesigned");
        PingtanSite.serve(portal, "/missing");
        portal.route("/missing" + PAGE_2024, exchange -> exchange.sendResponseHeaders(410, -1));
        PingtanSite.serve(portal, "/large");
        largePage = PageEdits.withInlineScript(CorpusWild.text(CorpusWild.PAGE_2023), 1_000_000).getBytes(StandardCharsets.UTF_8);
        portal.page("/large" + PingtanSite.PAGE_2023, largePage);
        ingest = new TestIngest(INGEST_KEY, 1);

        Map<String, String> columns = new LinkedHashMap<>();
        columns.putAll(column(0, FOUND, portal.url("/found/index.htm"), Map.of("pagination", "index_{n}.htm", "max-pages", "4")));
        columns.putAll(column(1, EDITED, portal.url("/edited/index.htm"), Map.of()));
        columns.putAll(column(2, BUSY, portal.localhostUrl("/busy/index.htm"), Map.of()));
        columns.putAll(column(3, ROBOTS, strictPortal.url("/private/index.htm"), Map.of()));
        columns.putAll(column(4, ALLOWED, strictPortal.url("/public/index.htm"), Map.of()));
        columns.putAll(column(5, REDIRECTED, portal.url("/redirected/index.htm"), Map.of()));
        columns.putAll(column(6, REDESIGNED, portal.url("/redesigned/index.htm"), Map.of("link-selector", "dd a[href]")));
        columns.putAll(column(7, MISSING, portal.url("/missing/index.htm"), Map.of()));
        columns.putAll(column(8, LARGE, portal.url("/large/index.htm"), Map.of()));
        columns.put("nianbao.watch.ingest.url", ingest.url());
        columns.put("nianbao.watch.ingest.api-key", INGEST_KEY);
        topics = new TopicClient(stack.bootstrapServers(), stack.schemaRegistryUrl());
        watch = WatchInstance.start(stack, columns);
    }

    /** A column of agency {@code <id>-agency}, a TRS portal's. */
    private static Map<String, String> column(int index, String id, String listingUrl, Map<String, String> more) {
        Map<String, String> settings = new LinkedHashMap<>(Map.of("id", id, "agency-id", id + "-agency",
                "agency-name", "平潭综合实验区", "level", "GOVERNMENT", "region-code", "350128", "listing-url", listingUrl,
                "cms", "TRS"));
        settings.putAll(more);
        return WatchInstance.column(index, settings);
    }

    @AfterAll
    void stop() {
        if (watch != null) {
            watch.close();
        }
        if (topics != null) {
            topics.close();
        }
        if (portal != null) {
            portal.close();
            strictPortal.close();
            ingest.close();
        }
    }

    private List<ReportPublished> published(String column) {
        return topics.values(Topics.PUBLISHED, r -> r.getAgencyId().equals(column + "-agency"));
    }

    private List<ReportPublished> awaitPublished(String column, int count) throws InterruptedException {
        return topics.await(Topics.PUBLISHED, r -> r.getAgencyId().equals(column + "-agency"), count, WAIT);
    }

    private ColumnStatus awaitFailing(String column) throws InterruptedException {
        List<ColumnStatus> statuses = topics.await(Topics.WATCH_STATUS, s -> s.getColumnId().equals(column) && s.getFailing(), WAIT);
        assertThat(statuses).as("a failing status of " + column).isNotEmpty();
        return statuses.getFirst();
    }

    /** Waits until the portal has answered {@code more} further requests for the path: that many more checks. */
    private void awaitChecks(LocalPortal site, String path, int more) throws InterruptedException {
        int now = site.requests(path).size();
        Eventually.await(more + " more checks of " + path, WAIT, () -> site.requests(path).size() >= now + more);
    }

    @Test
    void theReportsOfEveryListingPageAreSentOnceWithTheirBytesAndDates() throws Exception {
        List<ReportPublished> sent = awaitPublished(FOUND, 4);
        awaitChecks(portal, "/found/index.htm", 3);

        assertThat(published(FOUND)).as("each report once, however often the column is read")
                .extracting(ReportPublished::getDocumentUrl).containsExactlyInAnyOrder(
                        portal.url("/found" + PingtanSite.PAGE_2023), portal.url("/found" + PingtanSite.PAGE_2022),
                        portal.url("/found" + PingtanSite.PAGE_2019), portal.url("/found" + PingtanSite.PAGE_2015));
        ReportPublished report2023 = sent.stream().filter(r -> r.getYear() == 2023).findFirst().orElseThrow();
        assertThat(report2023.getPublishedOn()).as("the listing's date").isEqualTo("2024-03-08");
        assertThat(report2023.getFileName()).isEqualTo("t20240308_87885.htm");
        assertThat(report2023.getPortalId()).isEqualTo("watch");
        assertThat(report2023.getAgencyName()).isEqualTo("平潭综合实验区");
        assertThat(report2023.getRegionCode()).isEqualTo("350128");
        assertThat(bytes(report2023.getDocument())).as("the page as fetched, inline").isEqualTo(CorpusWild.read(CorpusWild.PAGE_2023));
        ReportPublished report2015 = sent.stream().filter(r -> r.getYear() == 2015).findFirst().orElseThrow();
        assertThat(report2015.getPublishedOn()).as("from the page's PubDate, the listing giving none").isEqualTo("2016-01-20");

        assertThat(portal.requests("/found/index_2.htm")).as("pagination reads on to the page that is not there").isNotEmpty();
        assertThat(portal.requests("/found/index_3.htm")).as("and stops there").isEmpty();
        assertThat(portal.requests("/found/index.htm")).as("conditional GETs: the listing's ETag sent back")
                .anySatisfy(r -> assertThat(r.ifNoneMatch()).isNotNull());
        assertThat(portal.requests("/found/index.htm").getFirst().userAgent()).contains("nianbao").contains("mailto:");
    }

    @Test
    void aTableEditedInPlaceIsSentOnceMoreAndAChromeChangeNotAtAll() throws Exception {
        String page2023 = "/edited" + PingtanSite.PAGE_2023;
        assertThat(awaitPublished(EDITED, 3)).hasSize(3);
        String original = CorpusWild.text(CorpusWild.PAGE_2023);

        portal.page(page2023, PageEdits.chromeChanged(original));
        awaitChecks(portal, page2023, 3);
        assertThat(published(EDITED)).as("menus, counter and scripts changed: nothing sent").hasSize(3);

        portal.page(page2023, PageEdits.tableCellChanged(original));
        List<ReportPublished> sent = awaitPublished(EDITED, 4);
        awaitChecks(portal, page2023, 3);
        assertThat(published(EDITED)).as("the edit sent exactly once").hasSize(4);
        assertThat(sent.getLast().getDocumentUrl()).isEqualTo(portal.url(page2023));
        assertThat(new String(bytes(sent.getLast().getDocument()), StandardCharsets.UTF_8)).contains(">2630<");
    }

    @Test
    void a429KeepsTheWatcherAwayUntilItsRetryAfter() throws Exception {
        assertThat(awaitPublished(BUSY, 3)).hasSize(3);
        List<LocalPortal.Request> listing = portal.requests("/busy/index.htm");
        assertThat(listing.size()).isGreaterThanOrEqualTo(2);
        assertThat(Duration.between(listing.get(0).at(), listing.get(1).at()))
                .as("no request to the host before its Retry-After (3 s)").isGreaterThanOrEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void robotsTxtIsHonoured() throws Exception {
        assertThat(awaitPublished(ALLOWED, 3)).as("what robots.txt allows is read").hasSize(3);
        ColumnStatus status = awaitFailing(ROBOTS);
        assertThat(status.getProblem()).isEqualTo(ColumnProblem.ROBOTS_DISALLOWED);
        assertThat(strictPortal.requestsUnder("/private/")).as("nothing under a disallowed path was requested").isEmpty();
        assertThat(published(ROBOTS)).isEmpty();
    }

    @Test
    void aRedirectToAPrivateAddressIsRefused() throws Exception {
        ColumnStatus status = awaitFailing(REDIRECTED);
        assertThat(status.getProblem()).isEqualTo(ColumnProblem.ADDRESS_REFUSED);
        assertThat(status.getDetail()).contains("10.0.0.8");
        assertThat(published(REDIRECTED)).isEmpty();
    }

    /** The portal is redesigned: its rows are no longer dl/dd, the column's selector finds nothing. */
    @Test
    void aColumnWhoseLayoutChangedIsToldOnWatchStatusAndByTheGauge() throws Exception {
        assertThat(awaitPublished(REDESIGNED, 3)).hasSize(3);
        portal.page("/redesigned/index.htm", CorpusWild.text(CorpusWild.LISTING)
                .replace("<dl>", "<div class=\"row\">").replace("</dl>", "</div>")
                .replace("<dd ", "<span ").replace("</dd>", "</span>"));
        long changedAt = System.nanoTime();

        ColumnStatus status = awaitFailing(REDESIGNED);
        assertThat(status.getProblem()).isEqualTo(ColumnProblem.NO_LINKS);
        assertThat(status.getSelector()).isEqualTo("dd a[href]");
        assertThat(status.getFailingSince()).isNotNull();
        assertThat(status.getListingUrl()).isEqualTo(portal.url("/redesigned/index.htm"));
        assertThat(Duration.ofNanos(System.nanoTime() - changedAt)).as("within the failing time and a few checks")
                .isLessThan(Duration.ofSeconds(30));
        Eventually.await("the gauge at 1", WAIT, () -> metricLine(REDESIGNED).endsWith(" 1.0"));
        assertThat(metricLine(FOUND)).endsWith(" 0.0");
    }

    /** The real listing links ten reports, the portal has three: seven answer 404 or 410, told once, and again when one appears. */
    @Test
    void reportLinksAnswering404Or410AreToldWhenTheirSetChanges() throws Exception {
        ColumnStatus first = awaitStatuses(MISSING, 1).getFirst();
        assertThat(first.getFailing()).isFalse();
        assertThat(first.getMissingReports()).hasSize(7)
                .contains(portal.url("/missing" + PAGE_2025), portal.url("/missing" + PAGE_2024))
                .doesNotContain(portal.url("/missing" + PingtanSite.PAGE_2023));
        assertThat(first.getDetail()).contains("7篇");
        awaitChecks(portal, "/missing/index.htm", 3);
        assertThat(statuses(MISSING)).as("the same missing reports: told once").hasSize(1);

        portal.page("/missing" + PAGE_2025, CorpusWild.read(CorpusWild.PAGE_2023));
        ColumnStatus second = awaitStatuses(MISSING, 2).getLast();
        assertThat(second.getMissingReports()).hasSize(6).doesNotContain(portal.url("/missing" + PAGE_2025));
        awaitChecks(portal, "/missing/index.htm", 3);
        assertThat(statuses(MISSING)).as("told once more, not on every check").hasSize(2);
    }

    /** A page over 900 KB (an inline script) does not fit report.published: its bytes go to ingest's upload API, once. */
    @Test
    void aReportTooLargeForTheRecordIsUploadedToIngestOnceWithTheBytesFetched() throws Exception {
        Eventually.await("an upload to ingest", WAIT, () -> !ingest.uploads().isEmpty());
        awaitChecks(portal, "/large/index.htm", 3);

        assertThat(ingest.uploads()).as("ingest away (503) at first: offered again at the next check, then remembered").hasSize(1);
        TestIngest.Upload upload = ingest.uploads().getFirst();
        assertThat(upload.file()).as("the page as fetched").isEqualTo(largePage);
        assertThat(upload.fileName()).isEqualTo("t20240308_87885.htm");
        assertThat(upload.fields()).containsEntry("agencyId", LARGE + "-agency").containsEntry("agencyName", "平潭综合实验区")
                .containsEntry("agencyLevel", "GOVERNMENT").containsEntry("regionCode", "350128")
                .containsEntry("year", "2023").containsEntry("publishedOn", "2024-03-08")
                .hasEntrySatisfying("originUrl", url -> assertThat(url).startsWith("http://127.0.0.1:").endsWith(".htm"));
        assertThat(ingest.refused()).isZero();
        assertThat(published(LARGE)).as("the others inline, as usual").extracting(ReportPublished::getYear)
                .containsExactlyInAnyOrder(2022, 2019);
    }

    private List<ColumnStatus> statuses(String column) {
        return topics.values(Topics.WATCH_STATUS, s -> s.getColumnId().equals(column));
    }

    private List<ColumnStatus> awaitStatuses(String column, int count) throws InterruptedException {
        List<ColumnStatus> statuses = topics.await(Topics.WATCH_STATUS, s -> s.getColumnId().equals(column), count, WAIT);
        assertThat(statuses).as(count + " statuses of " + column).hasSizeGreaterThanOrEqualTo(count);
        return statuses;
    }

    private String metricLine(String column) {
        try {
            return watch.metrics().lines().filter(l -> l.startsWith("nianbao_watch_column_failing{") && l.contains("\"" + column + "\""))
                    .findFirst().orElse("");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }
}
