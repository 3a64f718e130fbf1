package io.nianbao.cli.demo;

import io.nianbao.core.model.ParsedReport;
import io.nianbao.localstack.LocalPortal;
import io.nianbao.localstack.PageEdits;
import io.nianbao.samples.PortalPage;
import io.nianbao.samples.ReportLayout;
import io.nianbao.samples.SampleReports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small local "portal" with a 政府信息公开年报 column for watch-service to watch, in the demo and
 * the end-to-end test: 平潭's real listing and the three real report pages it links
 * ({@code ../shared/corpus-wild}; the seven others answer 404), or, without that folder, a rendered
 * listing of the project's sample reports as portal pages (and one link that answers 404). It can
 * silently edit a table cell of a report, or change only the page's menus, counter and scripts.
 */
public final class WatchedPortal implements AutoCloseable {

    public static final String LISTING = "/zfxxgknb/index.htm";
    /** The real pages, as the real listing links them (relative to it). */
    private static final Map<String, String> REAL_PAGES = Map.of(
            "/zfxxgknb/202403/t20240308_87885.htm", "2023-pingtan-shiyanqu-page.html",
            "/zfxxgknb/202302/t20230220_80629.htm", "2022-pingtan-shiyanqu-page.html",
            "/zfxxgknb/202001/t20200120_80576.htm", "2019-pingtan-shiyanqu-page.html");
    private static final String REAL_EDITED = "/zfxxgknb/202403/t20240308_87885.htm";
    private static final String RENDERED_EDITED = "/zfxxgknb/202403/t20240308_1.htm";
    private static final Pattern NUMBER_CELL = Pattern.compile("<td>(\\d+)</td>");

    private final LocalPortal portal;
    private final boolean real;
    private final String editedPath;
    private String editedPage;

    private WatchedPortal(LocalPortal portal, boolean real, String editedPath, String editedPage) {
        this.portal = portal;
        this.real = real;
        this.editedPath = editedPath;
        this.editedPage = editedPage;
    }

    /** Serves the real 平潭 column when {@code <home>/../shared/corpus-wild} holds it, else the rendered one. */
    public static WatchedPortal start(Path home) throws IOException {
        Path wild = home.toAbsolutePath().normalize().resolveSibling("shared").resolve("corpus-wild");
        LocalPortal portal = new LocalPortal();
        if (Files.isRegularFile(wild.resolve("_pingtan-list-index.html"))) {
            portal.page(LISTING, Files.readAllBytes(wild.resolve("_pingtan-list-index.html")));
            for (Map.Entry<String, String> page : REAL_PAGES.entrySet()) {
                portal.page(page.getKey(), Files.readAllBytes(wild.resolve(page.getValue())));
            }
            return new WatchedPortal(portal, true, REAL_EDITED, Files.readString(wild.resolve(REAL_PAGES.get(REAL_EDITED))));
        }
        // The consistent samples, the first of them the one edited.
        Map<String, ParsedReport> samples = Map.of(RENDERED_EDITED, SampleReports.consistentGb2021(),
                "/zfxxgknb/202003/t20200308_2.htm", SampleReports.consistentGb2019());
        StringBuilder listing = new StringBuilder("<html><head><meta charset=\"utf-8\"><title>政府信息公开年报</title></head><body>"
                + "<div class=\"nav\">首页 | 政务公开</div><div class=\"list\"><dl>\n");
        for (Map.Entry<String, ParsedReport> sample : samples.entrySet()) {
            ParsedReport report = sample.getValue();
            portal.page(sample.getKey(), PortalPage.html(ReportLayout.of(report), PortalPage.PLAIN.withCharset(StandardCharsets.UTF_8)));
            listing.append(row(sample.getKey(), report.meta().agency() + report.meta().year() + "年度政府信息公开工作年度报告",
                    report.meta().publishedOn()));
        }
        listing.append(row("/zfxxgknb/201901/t20190110_9.htm", "示例机关2018年度政府信息公开工作年度报告", null));
        portal.page(LISTING, listing.append("</dl></div></body></html>").toString());
        return new WatchedPortal(portal, false, RENDERED_EDITED,
                PortalPage.html(ReportLayout.of(samples.get(RENDERED_EDITED)), PortalPage.PLAIN.withCharset(StandardCharsets.UTF_8)));
    }

    private static String row(String path, String title, Object date) {
        return "<dd><a href=\"." + path.substring("/zfxxgknb".length()) + "\" title=\"" + title + "\">" + title + "</a>"
                + (date == null ? "" : "<span>" + date + "</span>") + "</dd>\n";
    }

    /** Whether it serves the real 平潭 pages (else the rendered ones). */
    public boolean real() {
        return real;
    }

    public String listingUrl() {
        return portal.url(LISTING);
    }

    /** The report whose table {@link #editReportTable} edits. */
    public String editedReportUrl() {
        return portal.url(editedPath);
    }

    /** How often the edited report's page was requested: one per check of the column. */
    public int editedReportRequests() {
        return portal.requests(editedPath).size();
    }

    /** watch-service's settings for one column of this portal, read every {@code interval}. */
    public Map<String, String> column(String columnId, String agencyId, String interval) {
        Map<String, String> settings = new LinkedHashMap<>();
        String prefix = "nianbao.watch.columns[0].";
        settings.put(prefix + "id", columnId);
        settings.put(prefix + "agency-id", agencyId);
        settings.put(prefix + "agency-name", real ? "平潭综合实验区" : SampleReports.consistentGb2021().meta().agency());
        settings.put(prefix + "level", "GOVERNMENT");
        settings.put(prefix + "region-code", real ? "350128" : "110101");
        settings.put(prefix + "listing-url", listingUrl());
        settings.put(prefix + "cms", "TRS");
        settings.put(prefix + "interval", interval);
        settings.put("nianbao.watch.host-interval", "50ms");
        settings.put("nianbao.watch.failing-after", "10s");
        return settings;
    }

    /** A silent edit: one number of a table of the report changed in place, nothing else. */
    public void editReportTable() {
        if (real) {
            editedPage = PageEdits.tableCellChanged(editedPage);
        } else {
            Matcher cell = NUMBER_CELL.matcher(editedPage);
            if (!cell.find()) {
                throw new IllegalStateException("the rendered report has no number cell");
            }
            editedPage = editedPage.substring(0, cell.start(1)) + (Long.parseLong(cell.group(1)) + 1) + editedPage.substring(cell.end(1));
        }
        portal.page(editedPath, editedPage);
    }

    /** A redesign of the chrome only: menus, a visit counter, scripts; the report as it was. */
    public void changeMenu() {
        editedPage = real ? PageEdits.chromeChanged(editedPage)
                : editedPage.replace("<body>", "<body><div class=\"nav\">首页 | 政务公开 | 互动交流</div><div class=\"info\">浏览次数：4321</div>")
                        .replace("</body>", "<script>var visits = 4321;</script></body>");
        portal.page(editedPath, editedPage);
    }

    @Override
    public void close() {
        portal.close();
    }
}
