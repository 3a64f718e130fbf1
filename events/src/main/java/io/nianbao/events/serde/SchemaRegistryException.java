package io.nianbao.events.serde;

/** The schema registry refused a request (e.g. 409: the schema breaks the subject's compatibility), or could not be reached. */
public final class SchemaRegistryException extends RuntimeException {

    private final int status;

    public SchemaRegistryException(int status, String message) {
        this(status, message, null);
    }

    public SchemaRegistryException(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** HTTP status, or -1 when the registry could not be reached. */
    public int status() {
        return status;
    }

    /** The registry is away or failing (unreachable, or a 5xx answer), not refusing this request: asking again later may succeed. */
    public boolean unavailable() {
        return status == -1 || status / 100 == 5;
    }
}
