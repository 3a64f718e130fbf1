package io.nianbao.watch.portal;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The report links of a listing page: the elements the column's selector picks (links, or
 * elements holding links), kept where the title (the link's {@code title} or its text) names an
 * annual report ({@link ReportTitles}), and for a department column one of its agencies. Hanweb's
 * listings carry their rows as CDATA records inside {@code <script type="text/xml">}: those rows
 * are read as part of the page.
 */
public final class ReportLinks {

    private static final Pattern CDATA = Pattern.compile("<!\\[CDATA\\[(.*?)]]>", Pattern.DOTALL);
    /** A listing row shows its date within a few levels above the link. */
    private static final int ROW_LEVELS = 3;

    /** An agency a department column lists reports of, recognised by its name in the title. */
    public record Agency(String id, String name) {
    }

    /**
     * @param matched the elements the selector found (0: the page no longer has the layout the selector expects)
     * @param links   the report links among them, each URL once
     */
    public record Found(int matched, List<ReportLink> links) {
    }

    private ReportLinks() {
    }

    /**
     * @param agencies the department column's agencies; empty for a column of one agency, {@code agencyId}
     */
    public static Found find(String html, String pageUrl, String selector, String agencyId, List<Agency> agencies) {
        Document page = Jsoup.parse(html, pageUrl);
        includeScriptRecords(page);
        Elements picked = page.select(selector);
        List<Agency> longestNameFirst = agencies.stream().sorted(Comparator.comparingInt((Agency a) -> a.name().length()).reversed()).toList();
        Map<String, ReportLink> links = new LinkedHashMap<>();
        for (Element element : picked) {
            for (Element anchor : element.nameIs("a") ? List.of(element) : element.select("a[href]")) {
                reportLink(anchor, agencyId, longestNameFirst).ifPresent(link -> links.putIfAbsent(link.url(), link));
            }
        }
        return new Found(picked.size(), new ArrayList<>(links.values()));
    }

    private static Optional<ReportLink> reportLink(Element anchor, String agencyId, List<Agency> agencies) {
        String url = anchor.absUrl("href");
        if (!(url.startsWith("http://") || url.startsWith("https://"))) {
            return Optional.empty();
        }
        String title = ReportTitles.yearOf(anchor.attr("title")).isPresent() ? anchor.attr("title") : anchor.text();
        Optional<Integer> year = ReportTitles.yearOf(title);
        if (year.isEmpty()) {
            return Optional.empty();
        }
        String agency = agencies.isEmpty() ? agencyId
                : agencies.stream().filter(a -> title.contains(a.name())).map(Agency::id).findFirst().orElse(null);
        if (agency == null) {
            return Optional.empty();
        }
        int hash = url.indexOf('#');
        return Optional.of(new ReportLink(hash < 0 ? url : url.substring(0, hash), title.strip(), year.get(), agency,
                dateBeside(anchor, title)));
    }

    /** The date in the link's row: the nearest ancestor with a date in its text that holds no other link. */
    private static LocalDate dateBeside(Element anchor, String title) {
        Element row = anchor;
        for (int level = 0; level < ROW_LEVELS && row.parent() != null; level++) {
            row = row.parent();
            if (row.select("a[href]").size() > 1) {
                return null;
            }
            Optional<LocalDate> date = PublicationDates.firstIn(row.text().replace(title, ""));
            if (date.isPresent()) {
                return date.get();
            }
        }
        return null;
    }

    /** Hanweb's rows, written as CDATA inside XML script blocks, become elements of the page. */
    private static void includeScriptRecords(Document page) {
        for (Element script : page.select("script[type=text/xml]")) {
            Matcher record = CDATA.matcher(script.data());
            StringBuilder rows = new StringBuilder();
            while (record.find()) {
                rows.append(record.group(1));
            }
            if (!rows.isEmpty()) {
                script.after("<div class=\"nianbao-script-records\">" + rows + "</div>");
            }
        }
    }
}
