package io.nianbao.ingest.intake;

import io.nianbao.events.AgencyLevel;
import io.nianbao.events.ReportPublished;
import io.nianbao.ingest.Portal;

import java.nio.ByteBuffer;

/**
 * A document offered for checking, or the URL to fetch it from, with what the portal says about it;
 * any field may be missing.
 *
 * @param portal who hands it in; null when a report.published record names no registered portal
 */
public record Submission(Portal portal, String agencyId, String agencyName, AgencyLevel agencyLevel, String regionCode,
                         Integer year, String publishedOn, String fileName, ReceivedDocument document, String documentUrl) {

    public String portalId() {
        return portal == null ? null : portal.id();
    }

    public static Submission of(ReportPublished published, Portal portal) {
        return new Submission(portal, published.getAgencyId(), published.getAgencyName(), published.getAgencyLevel(),
                published.getRegionCode(), published.getYear(), published.getPublishedOn(), published.getFileName(),
                published.getDocument() == null ? null : ReceivedDocument.inMemory(bytesOf(published.getDocument()),
                        published.getFileName()), published.getDocumentUrl());
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
