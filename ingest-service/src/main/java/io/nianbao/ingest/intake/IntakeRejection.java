package io.nianbao.ingest.intake;

/** Thrown where a submission turns out unacceptable; becomes a {@link IntakeResult.Rejected}. */
public final class IntakeRejection extends RuntimeException {

    private final transient IntakeResult.Rejected rejected;

    public IntakeRejection(String reason, String message, int httpStatus) {
        super(reason + ": " + message, null, false, false);
        this.rejected = new IntakeResult.Rejected(reason, message, httpStatus);
    }

    public static IntakeRejection tooLarge(long maxBytes) {
        return new IntakeRejection("TOO_LARGE", "文件过大，上限为%d字节".formatted(maxBytes), 413);
    }

    public IntakeResult.Rejected rejected() {
        return rejected;
    }
}
