package io.nianbao.watch;

import io.nianbao.events.AgencyLevel;
import io.nianbao.watch.portal.ReportLinks;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.util.List;

/**
 * watch-service's settings ({@code nianbao.watch}): the portal columns it reads and how politely.
 *
 * @param portalId       the portal ingest-service knows the watcher as (its portals file: agencies it may publish for)
 * @param userAgent      sent with every request: names nianbao and a contact for the sites' operators
 * @param robotsToken    the product token robots.txt groups name us by
 * @param hostInterval   at least this long between two requests to one host
 * @param maxWait        the longest a request waits for its host's turn (a host backing off longer skips a check)
 * @param maxBackoff     the longest a host's 429 or 5xx keeps us away
 * @param maxPageSize    larger pages and documents are not read
 * @param maxInlineSize  larger documents are not sent (report.published carries them inline, within Kafka's 1 MB)
 * @param failingAfter   a column that cannot be read this long is reported failing (metric, watch.status)
 * @param threads        columns checked at once by an instance
 */
@Validated
@ConfigurationProperties("nianbao.watch")
public record WatchProperties(@NotBlank String portalId, @NotBlank String userAgent, @NotBlank String robotsToken,
                              @NotNull Duration hostInterval, @NotNull Duration maxWait, @NotNull Duration maxBackoff,
                              @NotNull Duration connectTimeout, @NotNull Duration timeout, @NotNull DataSize maxPageSize,
                              @NotNull DataSize maxInlineSize, @Min(0) int maxRedirects, @NotNull Duration robotsTtl,
                              @NotNull Duration failingAfter, @Min(1) int threads,
                              @Valid @DefaultValue List<Column> columns) {

    /** The CMSs portals commonly run, with the link selector that fits their listings. */
    public enum Cms {
        /** TRS WCM (many provinces' portals): rows in dl/dd, ul/li or tables. */
        TRS("dd a[href], li a[href], td a[href]"),
        /** Hanweb (大汉): rows as li or table cells, often written as CDATA records in a script (read by ReportLinks). */
        HANWEB("li a[href], td a[href]"),
        /** Anything else: every link, titles decide. */
        ANY("a[href]");

        private final String linkSelector;

        Cms(String linkSelector) {
            this.linkSelector = linkSelector;
        }
    }

    /**
     * One portal column (政府信息公开年报栏目) to read.
     *
     * @param id           stable id, the key of its state (watch.seen) and status (watch.status)
     * @param agencyId     the agency whose reports it lists; for a department column, the one named when
     *                     {@code agencies} do not name another (may be blank then)
     * @param linkSelector CSS (jsoup) picking the listing's links or rows; blank: the CMS's
     * @param pagination   further listing pages, relative to the listing, {@code {n}} from 1 ("index_{n}.html"); blank: one page
     * @param maxPages     listing pages read at most, the first included
     * @param interval     time between two checks
     * @param agencies     a department column's agencies, recognised by name in the link titles
     */
    public record Column(@NotBlank @Pattern(regexp = "[A-Za-z0-9._:-]{1,128}") String id,
                         String agencyId, String agencyName, @DefaultValue("UNKNOWN") AgencyLevel level,
                         String regionCode, @NotBlank @Pattern(regexp = "https?://\\S+") String listingUrl,
                         @DefaultValue("ANY") Cms cms, String linkSelector, String pagination,
                         @DefaultValue("5") @Min(1) int maxPages, @DefaultValue("6h") Duration interval,
                         @Valid @DefaultValue List<Agency> agencies) {

        /** The selector in force: the configured one, else the CMS's. */
        public String selector() {
            return linkSelector == null || linkSelector.isBlank() ? cms.linkSelector : linkSelector;
        }

        /** The URL of listing page {@code n} (0: the listing itself); null beyond the pages there are. */
        public String pageUrl(int n) {
            if (n == 0) {
                return listingUrl;
            }
            if (pagination == null || pagination.isBlank() || n >= maxPages) {
                return null;
            }
            return java.net.URI.create(listingUrl).resolve(pagination.replace("{n}", Integer.toString(n))).toString();
        }

        public List<ReportLinks.Agency> linkAgencies() {
            return agencies.stream().map(a -> new ReportLinks.Agency(a.id(), a.name())).toList();
        }

        /** The agency of that id among the column's: its name, level and region. */
        public Agency agency(String id) {
            return agencies.stream().filter(a -> a.id().equals(id)).findFirst()
                    .orElse(new Agency(agencyId, agencyName, level, regionCode));
        }
    }

    /** An agency of a department column; level and region default to the column's. */
    public record Agency(@NotBlank String id, @NotBlank String name, AgencyLevel level, String regionCode) {
    }
}
