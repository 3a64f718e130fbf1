package io.nianbao.notify;

import java.time.Instant;

/**
 * A silence as its author set it: who, what (an agency's findings of one rule), why, since when
 * and until when (null: until lifted).
 */
public record SilenceEntry(String author, String agencyId, String ruleId, String comment, Instant createdAt, Instant expiresAt) {

    /** The day it was set, in the inbox's words. */
    public String since() {
        return Words.day(createdAt);
    }

    /** Until when, in the inbox's words. */
    public String until() {
        return expiresAt == null ? "长期有效" : "至 " + Words.minute(expiresAt);
    }
}
