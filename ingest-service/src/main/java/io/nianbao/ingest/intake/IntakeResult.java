package io.nianbao.ingest.intake;

/** What became of a submission: accepted under a report id, or rejected with a reason. */
public sealed interface IntakeResult {

    /** @param duplicate the same document was accepted before: nothing was sent downstream this time */
    record Accepted(String reportId, boolean duplicate) implements IntakeResult {
    }

    /**
     * @param reason     machine-readable, e.g. EMPTY, TOO_LARGE, UNSUPPORTED_TYPE
     * @param message    Chinese, for the portal
     * @param httpStatus what an HTTP caller gets
     */
    record Rejected(String reason, String message, int httpStatus) implements IntakeResult {

        static Rejected documentTooLarge(long maxBytes) {
            return new Rejected("TOO_LARGE", "文件过大，上限为%d字节".formatted(maxBytes), 413);
        }
    }
}
