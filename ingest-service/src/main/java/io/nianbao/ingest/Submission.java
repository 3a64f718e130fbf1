package io.nianbao.ingest;

import io.nianbao.events.AgencyLevel;
import io.nianbao.events.ReportPublished;

import java.nio.ByteBuffer;

/** A document offered for checking, with what the portal says about it; any field may be missing. */
public record Submission(String agencyId, String agencyName, AgencyLevel agencyLevel, String regionCode,
                         Integer year, String publishedOn, String portalId, String fileName, byte[] document) {

    static Submission of(ReportPublished published) {
        return new Submission(published.getAgencyId(), published.getAgencyName(), published.getAgencyLevel(),
                published.getRegionCode(), published.getYear(), published.getPublishedOn(), published.getPortalId(),
                published.getFileName(), bytesOf(published.getDocument()));
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
