package io.nianbao.ingest.intake;

import io.nianbao.events.AgencyLevel;
import io.nianbao.events.ReportPublished;
import io.nianbao.ingest.Portal;

import java.nio.ByteBuffer;

/**
 * A document offered for checking, or the URL to fetch it from, with what the portal says about it;
 * any field may be missing.
 *
 * @param portal      who hands it in; null when a report.published record names no registered portal
 * @param documentUrl where to fetch the document from, when it is not handed in
 * @param originUrl   where the document handed in was fetched from (a report.published record
 *                    with both, as watch-service sends them): the report's URL, not fetched again
 */
public record Submission(Portal portal, String agencyId, String agencyName, AgencyLevel agencyLevel, String regionCode,
                         Integer year, String publishedOn, String fileName, ReceivedDocument document, String documentUrl,
                         String originUrl) {

    public String portalId() {
        return portal == null ? null : portal.id();
    }

    /** A record with the document and its URL hands the document in and names where it came from. */
    public static Submission of(ReportPublished published, Portal portal) {
        boolean handedIn = published.getDocument() != null;
        return new Submission(portal, published.getAgencyId(), published.getAgencyName(), published.getAgencyLevel(),
                published.getRegionCode(), published.getYear(), published.getPublishedOn(), published.getFileName(),
                handedIn ? ReceivedDocument.inMemory(bytesOf(published.getDocument()), published.getFileName()) : null,
                handedIn ? null : published.getDocumentUrl(), handedIn ? published.getDocumentUrl() : null);
    }

    private static byte[] bytesOf(ByteBuffer buffer) {
        if (buffer == null) {
            return null;
        }
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }
}
