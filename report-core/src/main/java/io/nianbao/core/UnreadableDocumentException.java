package io.nianbao.core;

/** A document that cannot be read at all: it becomes a rejection, never an empty report. */
public final class UnreadableDocumentException extends Exception {

    /** Machine-readable reasons; {@link #chineseMessage()} is what a portal or inspector reads. */
    public enum Reason { EMPTY, UNSUPPORTED_TYPE, CORRUPT, NEEDS_OCR, BAD_CHARSET, TOO_LARGE, TOO_COMPLEX }

    private final Reason reason;
    private final String chineseMessage;

    public UnreadableDocumentException(Reason reason, String chineseMessage, String detail) {
        super(reason + ": " + detail);
        this.reason = reason;
        this.chineseMessage = chineseMessage;
    }

    public Reason reason() { return reason; }

    public String chineseMessage() { return chineseMessage; }
}
