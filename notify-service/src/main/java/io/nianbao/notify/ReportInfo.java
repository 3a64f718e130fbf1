package io.nianbao.notify;

import io.nianbao.events.AgencyLevel;
import io.nianbao.events.ReportValidated;
import io.nianbao.events.Template;

/**
 * What notify-service keeps of a validated report besides its findings.
 *
 * @param documentUrl where the portal published the original document, as the portal gave it (not
 *                    checked to be a web address); null for an uploaded document
 * @param template    the national template it follows (GB2019, GB2021), or null when unknown
 */
public record ReportInfo(String reportId, String agencyId, String agencyName, AgencyLevel agencyLevel,
                         String regionCode, Integer year, String publishedOn, String documentUrl, Template template) {

    static ReportInfo of(ReportValidated event) {
        return new ReportInfo(event.getReportId(), event.getAgencyId(), event.getAgencyName(),
                event.getAgencyLevel() == null ? AgencyLevel.UNKNOWN : event.getAgencyLevel(),
                event.getRegionCode(), event.getYear(), event.getPublishedOn(), event.getDocumentUrl(), event.getTemplate());
    }

    /** The original document's URL when a reader may follow it (http or https), else null. */
    public String documentLink() {
        return DocumentLinks.isWebLink(documentUrl) ? documentUrl : null;
    }

    /** The agency's name, else its id. */
    public String agency() {
        return agencyName != null ? agencyName : agencyId;
    }
}
