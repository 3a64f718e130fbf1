package io.nianbao.ingest;

import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;
import java.util.Locale;

/**
 * A portal allowed to hand reports in, as configured under {@code nianbao.ingest.portals}.
 *
 * @param keySha256  hex SHA-256 of its API key (the key itself is never stored)
 * @param agencies   agency ids it may publish for; {@code prefix*} matches a prefix, {@code *} any
 * @param urlHosts   hosts it may ask us to fetch from; {@code *.example.gov.cn} matches subdomains
 * @param hmacSecret when set, the portal may sign requests instead of sending the key
 * @param revoked    a revoked portal is refused like an unknown one
 */
public record Portal(String id, String keySha256, @DefaultValue List<String> agencies,
                     @DefaultValue List<String> urlHosts, String hmacSecret, boolean revoked) {

    public boolean mayPublishFor(String agencyId) {
        return agencies.stream().anyMatch(pattern -> pattern.endsWith("*")
                ? agencyId.startsWith(pattern.substring(0, pattern.length() - 1))
                : agencyId.equals(pattern));
    }

    public boolean mayFetchFrom(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return urlHosts.stream().map(p -> p.toLowerCase(Locale.ROOT))
                .anyMatch(pattern -> pattern.startsWith("*.") ? h.endsWith(pattern.substring(1)) : h.equals(pattern));
    }
}
