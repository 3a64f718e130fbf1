package io.nianbao.watch;

import io.micrometer.core.instrument.MeterRegistry;
import io.nianbao.core.extract.DocumentType;
import io.nianbao.core.extract.TextDecoder;
import io.nianbao.events.AgencyLevel;
import io.nianbao.events.ColumnProblem;
import io.nianbao.events.ColumnSeen;
import io.nianbao.events.ListedReport;
import io.nianbao.events.ReportPublished;
import io.nianbao.events.SeenPage;
import io.nianbao.events.SeenReport;
import io.nianbao.service.PipelineMetrics;
import io.nianbao.watch.portal.FetchFailure;
import io.nianbao.watch.portal.Page;
import io.nianbao.watch.portal.PortalClient;
import io.nianbao.watch.portal.PublicationDates;
import io.nianbao.watch.portal.ReportFingerprint;
import io.nianbao.watch.portal.ReportLinks;
import io.nianbao.watch.state.ColumnMemory;
import org.jsoup.Jsoup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One check of a column: its listing pages (conditional GETs; a page not modified keeps the
 * links it had), the report links on them, each report page (conditional too); a report not seen
 * before, or whose content hash ({@link ReportFingerprint}) changed, goes to report.published
 * with the bytes fetched, its URL and its publication date, together with the column's new
 * memory ({@link Sink}). A listing that cannot be read, or whose selector finds nothing, fails
 * the check; a report page that cannot be read is counted and tried again at the next check.
 */
public final class ColumnWatch {

    private static final Logger log = LoggerFactory.getLogger(ColumnWatch.class);

    /** Where a check's results go: each report with the column's memory in one transaction, or the memory alone. */
    public interface Sink {
        void publish(ReportPublished report, ColumnSeen memory) throws InterruptedException;

        void save(ColumnSeen memory) throws InterruptedException;
    }

    private final PortalClient client;
    private final WatchProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;
    private final PipelineMetrics pipeline;

    public ColumnWatch(PortalClient client, WatchProperties properties, Clock clock, MeterRegistry meters, PipelineMetrics pipeline) {
        this.client = client;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
        this.pipeline = pipeline;
    }

    public CheckOutcome check(WatchProperties.Column column, ColumnSeen seen, Sink sink) throws InterruptedException {
        ColumnMemory memory = ColumnMemory.of(seen);
        Map<String, ListedReport> listed = new LinkedHashMap<>();
        for (int n = 0; column.pageUrl(n) != null; n++) {
            String url = column.pageUrl(n);
            SeenPage known = memory.page(url);
            Page page;
            try {
                page = client.get(url, ColumnMemory.validatorsOf(known));
            } catch (FetchFailure e) {
                if (n == 0) {
                    return CheckOutcome.of(e);
                }
                break;
            }
            if (page.notModified() && known != null) {
                known.getLinks().forEach(link -> listed.putIfAbsent(link.getUrl(), link));
                continue;
            }
            if (page.status() != 200) {
                if (n == 0) {
                    return CheckOutcome.httpStatus(page.status(), url);
                }
                break; // the end of the pages
            }
            String html = TextDecoder.decode(page.body(), true);
            ReportLinks.Found found = ReportLinks.find(html == null ? "" : html, page.url(), column.selector(),
                    column.agencyId(), column.linkAgencies());
            if (n == 0 && found.matched() == 0) {
                return CheckOutcome.noLinks(column.selector(), url);
            }
            List<ListedReport> links = found.links().stream().map(link -> new ListedReport(link.url(), link.title(), link.year(),
                    link.agencyId(), link.publishedOn() == null ? null : link.publishedOn().toString())).toList();
            memory.page(url, page.validators(), links);
            links.forEach(link -> listed.putIfAbsent(link.getUrl(), link));
            if (n > 0 && links.isEmpty()) {
                break;
            }
        }
        if (listed.isEmpty()) {
            return CheckOutcome.noReportLinks(column.selector(), column.listingUrl());
        }
        for (ListedReport link : listed.values()) {
            if (!checkReport(column, link, memory, sink)) {
                break;
            }
        }
        sink.save(memory.toRecord(column.id(), clock.instant()));
        return CheckOutcome.READ;
    }

    /** Reads one report page and sends it if new or changed; false when its host asked us to wait (the check stops). */
    private boolean checkReport(WatchProperties.Column column, ListedReport link, ColumnMemory memory, Sink sink)
            throws InterruptedException {
        SeenReport seen = memory.report(link.getUrl());
        Page page;
        try {
            page = client.get(link.getUrl(), ColumnMemory.validatorsOf(seen));
        } catch (FetchFailure e) {
            log.warn("column {}: report {} unread: {}", column.id(), link.getUrl(), e.getMessage());
            count("unread");
            return e.problem() != ColumnProblem.BACKING_OFF;
        }
        if (page.notModified()) {
            return true;
        }
        if (page.status() != 200) {
            log.warn("column {}: report {} answered {}", column.id(), link.getUrl(), page.status());
            count("unread");
            return true;
        }
        if (page.body().length > properties.maxInlineSize().toBytes()) {
            log.warn("column {}: report {} has {} bytes, more than report.published carries inline ({}): not sent",
                    column.id(), link.getUrl(), page.body().length, properties.maxInlineSize());
            count("too_large");
            return true;
        }
        String hash = ReportFingerprint.of(page.body());
        memory.report(link.getUrl(), hash, page.validators());
        if (seen != null && seen.getContentSha256().equals(hash)) {
            return true;
        }
        sink.publish(published(column, link, page), memory.toRecord(column.id(), clock.instant()));
        log.info("column {}: {} report {} ({})", column.id(), seen == null ? "new" : "changed", link.getUrl(), link.getTitle());
        count(seen == null ? "new" : "changed");
        pipeline.reportOut();
        return true;
    }

    private ReportPublished published(WatchProperties.Column column, ListedReport link, Page page) {
        WatchProperties.Agency agency = column.agency(link.getAgencyId());
        return ReportPublished.newBuilder()
                .setAgencyId(link.getAgencyId())
                .setAgencyName(agency.name())
                .setAgencyLevel(agency.level() != null ? agency.level() : column.level() != null ? column.level() : AgencyLevel.UNKNOWN)
                .setRegionCode(agency.regionCode() != null ? agency.regionCode() : column.regionCode())
                .setYear(link.getYear())
                .setPublishedOn(link.getPublishedOn() != null ? link.getPublishedOn() : pageDate(page))
                .setPortalId(properties.portalId())
                .setFileName(fileNameOf(page.url()))
                .setDocumentUrl(link.getUrl())
                .setDocument(ByteBuffer.wrap(page.body()))
                .build();
    }

    private static String pageDate(Page page) {
        String html = DocumentType.detect(page.body()) == DocumentType.HTML ? TextDecoder.decode(page.body(), true) : null;
        return html == null ? null : PublicationDates.ofPage(Jsoup.parse(html)).map(LocalDate::toString).orElse(null);
    }

    private static String fileNameOf(String url) {
        String path = URI.create(url).getRawPath();
        String last = path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
        return last.isEmpty() ? null : URLDecoder.decode(last, StandardCharsets.UTF_8);
    }

    private void count(String outcome) {
        meters.counter("nianbao.watch.reports", "outcome", outcome).increment();
    }
}
