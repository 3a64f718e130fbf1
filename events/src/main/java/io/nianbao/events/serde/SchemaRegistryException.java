package io.nianbao.events.serde;

/** The schema registry refused a request (e.g. 409: the schema breaks the subject's compatibility). */
public final class SchemaRegistryException extends RuntimeException {

    private final int status;

    public SchemaRegistryException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** HTTP status, or -1 when the registry could not be reached. */
    public int status() {
        return status;
    }
}
