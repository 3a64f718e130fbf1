package io.nianbao.notify;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * A silence as its author set it: who, what (an agency's findings of one rule), why, since when
 * and until when (null: until lifted).
 */
public record SilenceEntry(String author, String agencyId, String ruleId, String comment, Instant createdAt, Instant expiresAt) {

    /** The inbox shows Beijing time. */
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneId.of("Asia/Shanghai"));
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    /** The day it was set, in the inbox's words. */
    public String since() {
        return DAY.format(createdAt);
    }

    /** Until when, in the inbox's words. */
    public String until() {
        return expiresAt == null ? "长期有效" : "至 " + MINUTE.format(expiresAt);
    }
}
