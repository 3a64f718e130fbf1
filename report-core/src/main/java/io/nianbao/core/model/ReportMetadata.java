package io.nianbao.core.model;

import java.time.LocalDate;

/**
 * What is known about a report besides its tables. Every field may be null when unknown.
 * Values from the publication event win over values read from the text ({@link #orElse}).
 */
public record ReportMetadata(String agency, AgencyLevel agencyLevel, Integer year, LocalDate publishedOn) {

    public static final ReportMetadata UNKNOWN = new ReportMetadata(null, null, null, null);

    /** This metadata, with each missing field taken from {@code fallback}. */
    public ReportMetadata orElse(ReportMetadata fallback) {
        return new ReportMetadata(
                agency != null ? agency : fallback.agency,
                agencyLevel != null ? agencyLevel : fallback.agencyLevel,
                year != null ? year : fallback.year,
                publishedOn != null ? publishedOn : fallback.publishedOn);
    }
}
