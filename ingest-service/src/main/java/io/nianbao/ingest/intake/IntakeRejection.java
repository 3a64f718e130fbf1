package io.nianbao.ingest.intake;

/**
 * A refusal found deep inside a step that has no result of its own to return it in (a download,
 * an authentication filter); becomes a {@link IntakeResult.Rejected}. The intake's own checks
 * return their refusals.
 */
public final class IntakeRejection extends RuntimeException {

    private final transient IntakeResult.Rejected rejected;

    public IntakeRejection(String reason, String message, int httpStatus) {
        super(reason + ": " + message, null, false, false);
        this.rejected = new IntakeResult.Rejected(reason, message, httpStatus);
    }

    public static IntakeRejection tooLarge(long maxBytes) {
        IntakeResult.Rejected refused = IntakeResult.Rejected.documentTooLarge(maxBytes);
        return new IntakeRejection(refused.reason(), refused.message(), refused.httpStatus());
    }

    public IntakeResult.Rejected rejected() {
        return rejected;
    }
}
