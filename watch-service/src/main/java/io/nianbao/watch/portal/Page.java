package io.nianbao.watch.portal;

/**
 * A page as a portal answered: its status, and for 200 its bytes and validators (ETag,
 * Last-Modified) for the next conditional request; for 304 no body.
 *
 * @param url the URL answered, after redirects
 */
public record Page(int status, String url, byte[] body, Validators validators) {

    /** What a conditional GET sends back: If-None-Match and If-Modified-Since. */
    public record Validators(String etag, String lastModified) {
        public static final Validators NONE = new Validators(null, null);
    }

    public boolean notModified() {
        return status == 304;
    }
}
