package io.nianbao.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A report id as the 128 bits it stands for, to keep a year of ids in a fraction of the memory
 * their strings take. Ids are the 32 lowercase hex digits {@link io.nianbao.ingest.intake.ReportIntake#reportId} makes; any
 * other id is reduced to the first 128 bits of its SHA-256, where two ids meeting is as unlikely as
 * two documents' digests meeting in the ids themselves.
 */
public record ReportKey(long high, long low) {

    private static final int HEX_DIGITS = 32;

    public static ReportKey of(String reportId) {
        if (isLowercaseHex(reportId)) {
            return new ReportKey(Long.parseUnsignedLong(reportId, 0, 16, 16),
                    Long.parseUnsignedLong(reportId, 16, HEX_DIGITS, 16));
        }
        ByteBuffer digest = ByteBuffer.wrap(Digests.sha256(reportId.getBytes(StandardCharsets.UTF_8)));
        return new ReportKey(digest.getLong(), digest.getLong());
    }

    private static boolean isLowercaseHex(String id) {
        if (id.length() != HEX_DIGITS) {
            return false;
        }
        for (int i = 0; i < HEX_DIGITS; i++) {
            char c = id.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }
}
