package io.nianbao.watch.state;

import io.nianbao.events.ColumnSeen;
import io.nianbao.events.ListedReport;
import io.nianbao.events.SeenPage;
import io.nianbao.events.SeenReport;
import io.nianbao.watch.portal.Page;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a check knows of its column while it runs: the record of watch.seen it started from, and
 * what it has learned since (a report's new hash, a page's new validators and links). Becomes the
 * column's next record ({@link #toRecord}), written with each report it sends.
 */
public final class ColumnMemory {

    private final Map<String, SeenReport> reports = new LinkedHashMap<>();
    private final Map<String, SeenPage> pages = new LinkedHashMap<>();

    public static ColumnMemory of(ColumnSeen seen) {
        ColumnMemory memory = new ColumnMemory();
        if (seen != null) {
            seen.getReports().forEach(r -> memory.reports.put(r.getUrl(), r));
            seen.getPages().forEach(p -> memory.pages.put(p.getUrl(), p));
        }
        return memory;
    }

    public SeenReport report(String url) {
        return reports.get(url);
    }

    public SeenPage page(String url) {
        return pages.get(url);
    }

    public void report(String url, String contentSha256, Page.Validators validators) {
        reports.put(url, new SeenReport(url, contentSha256, validators.etag(), validators.lastModified()));
    }

    public void page(String url, Page.Validators validators, List<ListedReport> links) {
        pages.put(url, new SeenPage(url, validators.etag(), validators.lastModified(), links));
    }

    public static Page.Validators validatorsOf(SeenReport report) {
        return report == null ? Page.Validators.NONE : new Page.Validators(report.getEtag(), report.getLastModified());
    }

    public static Page.Validators validatorsOf(SeenPage page) {
        return page == null ? Page.Validators.NONE : new Page.Validators(page.getEtag(), page.getLastModified());
    }

    public ColumnSeen toRecord(String columnId, Instant checkedAt) {
        return new ColumnSeen(columnId, new ArrayList<>(reports.values()), new ArrayList<>(pages.values()), checkedAt);
    }
}
