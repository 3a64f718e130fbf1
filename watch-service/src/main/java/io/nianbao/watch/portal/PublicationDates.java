package io.nianbao.watch.portal;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Publication dates as portals write them: in a listing row beside the link ("2024-03-08",
 * "2024年3月8日", "2024/03/08") or in the report page's metadata ({@code <meta name="PubDate">} of
 * TRS, {@code firstpublishedtime} of Hanweb, and the common others).
 */
public final class PublicationDates {

    private static final Pattern DATE = Pattern.compile("((?:19|20)\\d{2})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})");
    private static final List<String> META_NAMES = List.of("PubDate", "publishdate", "firstpublishedtime",
            "PublishTime", "dc.date", "article:published_time");

    private PublicationDates() {
    }

    /** The first date written in the text. */
    public static Optional<LocalDate> firstIn(String text) {
        Matcher matcher = DATE.matcher(text == null ? "" : text);
        while (matcher.find()) {
            try {
                return Optional.of(LocalDate.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
                        Integer.parseInt(matcher.group(3))));
            } catch (DateTimeException notADate) {
                // "2023.13.40" is no date: look further
            }
        }
        return Optional.empty();
    }

    /** The publication date the page's own metadata gives. */
    public static Optional<LocalDate> ofPage(Document page) {
        for (String name : META_NAMES) {
            for (Element meta : page.select("meta[name=\"" + name + "\"], meta[property=\"" + name + "\"]")) {
                Optional<LocalDate> date = firstIn(meta.attr("content"));
                if (date.isPresent()) {
                    return date;
                }
            }
        }
        return Optional.empty();
    }
}
